/**
 * The player panel's data, for the session page and for the fragment the
 * live script refetches when the broadcast starts or ends.
 */
import { playerScriptPath } from 'virtual:madang/player-script';
import type { BroadcastView } from '$lib/domain/broadcast/broadcastView';
import { pickText } from '$lib/domain/localizedText';
import type { Programme, Session } from '$lib/domain/programme';
import type { Locale } from '$lib/i18n/locale';
import type { PlayerPanelData } from '$lib/ui/live/panels/PlayerPanel.svelte';

export function playerPanelData(
  programme: Programme,
  session: Session,
  view: BroadcastView | null,
  locale: Locale
): PlayerPanelData {
  const fallback = programme.edition.defaultLocale;
  return {
    view,
    // The forum's own site is where this page is; the others are the alternatives.
    outsideChannels: programme.channels
      .filter((c) => c.kind !== 'site' && session.channelIds.includes(c.id))
      .sort((a, b) => a.position - b.position)
      .map((c) => {
        const picked = pickText(c.name, locale, fallback);
        return {
          name: picked?.text ?? c.url,
          url: c.url,
          kind: c.kind,
          lang: picked && picked.lang !== locale ? picked.lang : undefined
        };
      }),
    title: pickText(session.title, locale, fallback)?.text ?? '',
    playerScript: playerScriptPath
  };
}
