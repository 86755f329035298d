/**
 * The strings the player script changes at run time, in the page's language:
 * the component serialises them into `data-player-texts`, the script reads
 * them back, so the script itself carries no catalogue.
 */
import type { playerEn } from '../i18n/messages/player.en.js';

export type PlayerTexts = Pick<
  typeof playerEn,
  'play' | 'pause' | 'mute' | 'unmute' | 'fullscreen' | 'exitFullscreen' | 'behindLive' | 'announce'
>;

export function playerTexts(m: typeof playerEn): PlayerTexts {
  const { play, pause, mute, unmute, fullscreen, exitFullscreen, behindLive, announce } = m;
  return { play, pause, mute, unmute, fullscreen, exitFullscreen, behindLive, announce };
}
