/**
 * The live event open pages follow when a session's broadcast changes: on
 * the session's channel (its page swaps the player) and the edition's (the
 * programme's "Live now" badges). Small, as every live event: the page
 * refetches what it shows.
 */
import { channelName } from '../realtime/channel.js';
import type { BroadcastState } from './liveState.js';

export const broadcastStateEvent = 'broadcast.state';

export interface BroadcastStateEvent {
  readonly channel: string;
  readonly name: typeof broadcastStateEvent;
  readonly data: { readonly sessionId: string; readonly state: BroadcastState };
}

/** A session went live or stopped: its page and its edition's pages learn it. */
export function broadcastStateEvents(
  session: { readonly sessionId: string; readonly editionId: string },
  state: BroadcastState
): BroadcastStateEvent[] {
  return [
    stateEvent(channelName('session', session.sessionId), session.sessionId, state),
    stateEvent(channelName('edition', session.editionId), session.sessionId, state)
  ];
}

/** A stopped session's replay was stored: pages that showed "Live" learn a replay now exists. */
export function replayReadyEvent(sessionId: string): BroadcastStateEvent {
  return stateEvent(channelName('session', sessionId), sessionId, 'ended');
}

function stateEvent(channel: string, sessionId: string, state: BroadcastState): BroadcastStateEvent {
  return { channel, name: broadcastStateEvent, data: { sessionId, state } };
}
