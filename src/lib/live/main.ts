/**
 * The live script of the session page (bundled to one small file, es2019,
 * no framework): follows the session's channel, shows the viewer count,
 * refetches panels when their events arrive, sends live forms with fetch,
 * and announces panel summaries politely. Without it the page still works.
 */
import { Announcer } from './announcer.js';
import { ChannelFollower, eventPrefixes, type PanelSpec } from './channelFollower.js';
import { burstText, countNew } from './chatLive.js';
import { connectLive } from './liveConnection.js';
import { handleLiveForms } from './liveForms.js';
import { PanelRefresher } from './panelRefresher.js';
import { swapPanel } from './panelSwap.js';
import { browserTimers } from './timers.js';

function start(): void {
  const stage = document.querySelector<HTMLElement>('[data-live-stage]');
  if (!stage || typeof WebSocket === 'undefined') return;
  const channel = stage.getAttribute('data-live-channel') || '';
  const base = stage.getAttribute('data-live-base') || '';

  const sections = new Map<string, HTMLElement>();
  const panels: PanelSpec[] = [];
  stage.querySelectorAll<HTMLElement>('[data-live-panel]').forEach((section) => {
    const name = section.getAttribute('data-live-panel') || '';
    sections.set(name, section);
    panels.push({ name, prefixes: eventPrefixes(section.getAttribute('data-live-events')) });
  });

  const region = stage.querySelector<HTMLElement>('[data-live-announcer]');
  // New messages since their count was last spoken ("5 new messages", even over several refreshes).
  let unseen = 0;
  let unseenSaid = '';
  const announcer = new Announcer((text) => {
    if (text === unseenSaid) unseen = 0;
    if (!region) return;
    region.textContent = '';
    setTimeout(() => (region.textContent = text), 100);
  }, browserTimers);
  const announced = new Map<string, string>();

  const refresher = new PanelRefresher(async (name) => {
    const section = sections.get(name);
    if (!section) return;
    const response = await fetch(`${base}/panels/${name}`, {
      credentials: 'same-origin',
      headers: { 'x-madang-live': '1' }
    });
    if (!response.ok) return;
    const itemsBefore = itemIds(section);
    swapPanel(section, await response.text());
    if (name === 'player') playersChanged(section);
    // `data-live-new="1 new message|{count} new messages"`: the panel's sentence for one and for more.
    const forms = (section.querySelector('[data-live-new]')?.getAttribute('data-live-new') || '').split('|');
    const fresh = countNew(itemsBefore, itemIds(section));
    if (forms[1] && fresh > 0) {
      unseen += fresh;
      announcer.announce((unseenSaid = forms[unseen > 1 ? 1 : 0]!.replace('{count}', String(unseen))));
    }
    const summary = summaryOf(section);
    if (summary !== '' && summary !== announced.get(name)) announcer.announce(summary);
    announced.set(name, summary);
  }, browserTimers);
  sections.forEach((section, name) => announced.set(name, summaryOf(section)));

  const viewers = stage.querySelector<HTMLElement>('[data-live-viewers]');
  const template = (viewers && viewers.getAttribute('data-live-viewers-template')) || '';
  const templateOne = (viewers && viewers.getAttribute('data-live-viewers-one')) || template;
  // The channel's position when the page was rendered (NaN when the page could not tell: then from the subscription on).
  const renderedSeq = parseInt(stage.getAttribute('data-live-seq') || '', 10);
  const follower = new ChannelFollower(channel, panels, renderedSeq >= 0 ? renderedSeq : undefined);
  handleLiveForms(stage, (name) => refresher.refreshNow(name), stage.getAttribute('data-live-send-failed') || '');
  connectLive(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`, follower, (text) => {
    const outcome = follower.handle(text);
    outcome.refresh.forEach((name) => refresher.request(name));
    if (outcome.event && outcome.event.name === 'reaction.burst') showBurst(stage, outcome.event.data);
    if (outcome.viewers !== undefined && viewers) {
      viewers.textContent = (outcome.viewers === 1 ? templateOne : template).replace(
        '{count}',
        String(outcome.viewers)
      );
      viewers.removeAttribute('aria-label');
    }
  });
}

/**
 * The player panel was swapped (the broadcast started or ended): the player
 * script stops what left and starts what came, and is loaded now if the page
 * was rendered before there was anything to play.
 */
function playersChanged(section: HTMLElement): void {
  document.dispatchEvent(new CustomEvent('madang:players-changed'));
  const player = section.querySelector<HTMLElement>('[data-player][data-player-src]');
  const src = player && player.getAttribute('data-player-script');
  if (
    !src ||
    Array.prototype.some.call(document.scripts, (script: HTMLScriptElement) => script.getAttribute('src') === src)
  )
    return;
  const script = document.createElement('script');
  script.src = src;
  document.head.appendChild(script);
}

/** Ids of a panel's `data-live-item` entries (chat messages), to count what a refresh brought. */
function itemIds(section: HTMLElement): string[] {
  return Array.from(section.querySelectorAll('[data-live-item]'), (item) => item.getAttribute('data-live-item') || '');
}

let burstTimer: ReturnType<typeof setTimeout> | undefined;

/** Draws a reaction burst for a moment (aria-hidden: not announced; CSS skips the animation under reduced motion). */
function showBurst(stage: HTMLElement, data: unknown): void {
  const element = stage.querySelector<HTMLElement>('[data-reaction-burst]');
  const text = burstText(data);
  if (!element || !text) return;
  element.textContent = text;
  element.hidden = false;
  clearTimeout(burstTimer);
  burstTimer = setTimeout(() => (element.hidden = true), 2500);
}

function summaryOf(section: HTMLElement): string {
  const element = section.querySelector('[data-live-announce]');
  return (element && element.getAttribute('data-live-announce')) || '';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
