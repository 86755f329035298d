/**
 * A session's broadcast state, as the producer sets it: `scheduled → live →
 * ended`, following go-live and stop, not the clock (ADR 016). The rules of
 * the two transitions, and which state the public pages show: the producer's
 * when the session has been on air, the clock's otherwise.
 */
import type { PublicationState, Session } from '../programme.js';
import { sessionStateAt, type SessionClockState } from '../schedule.js';

export const broadcastStates = ['scheduled', 'live', 'ended'] as const;
export type BroadcastState = (typeof broadcastStates)[number];

export interface SessionBroadcast {
  readonly state: BroadcastState;
  readonly wentLiveAt: Date | null;
  readonly endedAt: Date | null;
}

export const notBroadcast: SessionBroadcast = { state: 'scheduled', wentLiveAt: null, endedAt: null };

/**
 * How long after a stop the producer may put the session back on air: long
 * enough to undo a mis-click or a crashed encoder, short enough that a replay
 * people have started watching is not taken away later.
 */
export const resumeWindowMs = 10 * 60 * 1000;

export type BroadcastRefusal =
  | {
      readonly code:
        | 'broadcast.not_published'
        | 'broadcast.no_stage'
        | 'broadcast.already_live'
        | 'broadcast.already_ended'
        | 'broadcast.not_live';
    }
  | { readonly code: 'broadcast.stage_busy'; readonly liveSessionId: string };

export type BroadcastRefusalCode = BroadcastRefusal['code'];

export type GoLiveDecision =
  | { readonly ok: true; readonly broadcast: SessionBroadcast; readonly resumed: boolean }
  | ({ readonly ok: false } & BroadcastRefusal);

export type StopDecision =
  { readonly ok: true; readonly broadcast: SessionBroadcast } | ({ readonly ok: false } & BroadcastRefusal);

/**
 * Whether the session may go on air now. `liveOnStage` is the session live on
 * the same stage (other than this one), if any. A resume keeps the first
 * go-live time, so the replay's chapters stay aligned with the programme.
 */
export function decideGoLive(
  session: Pick<Session, 'stageId'> & { readonly state: PublicationState },
  broadcast: SessionBroadcast,
  liveOnStage: string | null,
  now: Date
): GoLiveDecision {
  if (session.state !== 'published') return { ok: false, code: 'broadcast.not_published' };
  if (session.stageId === null) return { ok: false, code: 'broadcast.no_stage' };
  if (broadcast.state === 'live') return { ok: false, code: 'broadcast.already_live' };
  const resuming = broadcast.state === 'ended';
  if (resuming && !canResume(broadcast, now)) return { ok: false, code: 'broadcast.already_ended' };
  if (liveOnStage !== null) return { ok: false, code: 'broadcast.stage_busy', liveSessionId: liveOnStage };
  return {
    ok: true,
    resumed: resuming,
    broadcast: { state: 'live', wentLiveAt: resuming ? (broadcast.wentLiveAt ?? now) : now, endedAt: null }
  };
}

export function decideStop(broadcast: SessionBroadcast, now: Date): StopDecision {
  if (broadcast.state !== 'live') return { ok: false, code: 'broadcast.not_live' };
  return { ok: true, broadcast: { state: 'ended', wentLiveAt: broadcast.wentLiveAt ?? now, endedAt: now } };
}

/** An ended session may go live again only within `resumeWindowMs` of its stop. */
export function canResume(broadcast: SessionBroadcast, now: Date): boolean {
  if (broadcast.state !== 'ended' || broadcast.endedAt === null) return false;
  return now.getTime() - broadcast.endedAt.getTime() <= resumeWindowMs;
}

/**
 * The state the public sees: once the producer has put a session on air its
 * broadcast state wins (live early shows live; stopped early shows ended); a
 * session never put on air keeps the clock's state, as before broadcasting.
 */
export function shownSessionState(
  session: Pick<Session, 'startsAt' | 'endsAt'>,
  broadcast: Pick<SessionBroadcast, 'state'> | null | undefined,
  now: Date
): SessionClockState {
  if (broadcast && broadcast.state !== 'scheduled') return broadcast.state;
  return sessionStateAt(session, now);
}
