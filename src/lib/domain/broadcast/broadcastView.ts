/**
 * What the public pages know about a session's broadcast: its state, where
 * its live stream and its replay are. The URLs are the site's own HLS paths
 * (the splicer writes them; the lead's HLS route serves them).
 */
import type { BroadcastState, SessionBroadcast } from './liveState.js';

export interface ReplayLinks {
  readonly url: string;
  readonly chaptersUrl: string;
  /** When the recording began: chapter times are relative to it. */
  readonly startedAt: Date;
  readonly durationSeconds: number;
}

export interface BroadcastView {
  readonly state: BroadcastState;
  readonly wentLiveAt: Date | null;
  readonly endedAt: Date | null;
  readonly stageId: string | null;
  /** The stage's live master playlist while the session is on air, else null. */
  readonly liveUrl: string | null;
  readonly replay: ReplayLinks | null;
}

export function liveUrlOf(stageId: string): string {
  return `/broadcast/${stageId}/live/master.m3u8`;
}

export function replayUrlOf(sessionId: string): string {
  return `/broadcast/replays/${sessionId}/master.m3u8`;
}

export function chaptersUrlOf(editionSlug: string, sessionId: string): string {
  return `/${editionSlug}/sessions/${sessionId}/chapters.vtt`;
}

export function broadcastViewOf(input: {
  readonly sessionId: string;
  readonly editionSlug: string;
  readonly stageId: string | null;
  readonly broadcast: SessionBroadcast;
  readonly replay: { readonly startedAt: Date; readonly durationSeconds: number } | null;
}): BroadcastView {
  const { broadcast, stageId } = input;
  return {
    state: broadcast.state,
    wentLiveAt: broadcast.wentLiveAt,
    endedAt: broadcast.endedAt,
    stageId,
    liveUrl: broadcast.state === 'live' && stageId !== null ? liveUrlOf(stageId) : null,
    replay: input.replay
      ? {
          url: replayUrlOf(input.sessionId),
          chaptersUrl: chaptersUrlOf(input.editionSlug, input.sessionId),
          startedAt: input.replay.startedAt,
          durationSeconds: input.replay.durationSeconds
        }
      : null
  };
}
