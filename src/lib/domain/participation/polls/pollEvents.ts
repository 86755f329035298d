/**
 * The live events of polls, as the outbox carries them on the session's
 * channel: the poll's id and a version (never its text or counts), so viewers
 * refetch the panel. Draft edits, creations and deletions are not announced:
 * viewers only ever see open and closed polls.
 */
import { channelName } from '../../realtime/channel.js';

/** What happened to a poll in a write. */
export interface PollChange {
  readonly pollId: string;
  readonly what: 'created' | 'changed' | 'opened' | 'closed' | 'deleted';
  readonly version: number;
}

export const pollEventNames = { opened: 'poll.opened', closed: 'poll.closed', voted: 'poll.voted' } as const;
export type PollEventName = (typeof pollEventNames)[keyof typeof pollEventNames];

export interface PollEvent {
  readonly channel: string;
  readonly name: PollEventName;
  readonly data: { readonly id: string; readonly version: number };
}

/** The events a write's changes announce, in order. */
export function pollEvents(sessionId: string, changes: readonly PollChange[]): PollEvent[] {
  const channel = channelName('session', sessionId);
  return changes.flatMap((change) =>
    change.what === 'opened' || change.what === 'closed'
      ? [{ channel, name: pollEventNames[change.what], data: { id: change.pollId, version: change.version } }]
      : []
  );
}

/** A ballot was cast: the results' version moved (the tally version, not the poll's). */
export function pollVotedEvent(sessionId: string, pollId: string, tallyVersion: number): PollEvent {
  return {
    channel: channelName('session', sessionId),
    name: pollEventNames.voted,
    data: { id: pollId, version: tallyVersion }
  };
}
