/**
 * A poll of one session: a question, 2–10 options, single or multiple
 * choice, and its life cycle draft → open → closed (and closed → open again).
 * Only a draft is edited or deleted, so a ballot always answers the question
 * that was asked; at most one poll of a session is open at a time, so the
 * public panel has one question to show (opening another closes it).
 */
import type { LocalizedText } from '../../localizedText.js';

export const pollStates = ['draft', 'open', 'closed'] as const;
export type PollState = (typeof pollStates)[number];

export const pollKinds = ['single', 'multiple'] as const;
export type PollKind = (typeof pollKinds)[number];

/** Fewest and most options a poll offers. */
export const pollOptionLimits = { min: 2, max: 10 } as const;

export interface PollOption {
  /** Stable within its poll (`opt-1` …); ballots name it. */
  readonly id: string;
  readonly label: LocalizedText;
}

export interface Poll {
  readonly id: string;
  readonly editionId: string;
  readonly sessionId: string;
  readonly question: LocalizedText;
  readonly kind: PollKind;
  /** Multiple choice: at most this many options per ballot (null: as many as there are). Always null for single choice. */
  readonly maxChoices: number | null;
  readonly options: readonly PollOption[];
  readonly state: PollState;
  /** Counts up with every change a moderator makes (optimistic concurrency); ballots do not change it. */
  readonly version: number;
  readonly createdAt: Date;
  readonly openedAt: Date | null;
  readonly closedAt: Date | null;
}

/** The moves a moderator makes; deleting is separate (drafts only). */
export type PollTransition = 'open' | 'close';

/** The state a transition leads to, or null when it is not allowed from `from` (close a draft, open an open poll). */
export function stateAfter(from: PollState, transition: PollTransition): PollState | null {
  if (transition === 'open') return from === 'draft' || from === 'closed' ? 'open' : null;
  return from === 'open' ? 'closed' : null;
}

/** Question and options change only before anyone could answer. */
export function isEditable(poll: Pick<Poll, 'state'>): boolean {
  return poll.state === 'draft';
}

/** A poll that was never opened has no ballots, so deleting it loses nothing. */
export function isDeletable(poll: Pick<Poll, 'state'>): boolean {
  return poll.state === 'draft';
}

/** How many options one ballot may choose. */
export function choiceLimit(poll: Pick<Poll, 'kind' | 'maxChoices' | 'options'>): number {
  if (poll.kind === 'single') return 1;
  return Math.min(poll.maxChoices ?? poll.options.length, poll.options.length);
}

/**
 * The poll the public panel shows: the open one, else the one closed most
 * recently (its results stay up until the next poll opens), else none.
 */
export function pollToShow<P extends Pick<Poll, 'state' | 'closedAt'>>(polls: readonly P[]): P | null {
  const open = polls.find((p) => p.state === 'open');
  if (open) return open;
  let latest: P | null = null;
  for (const poll of polls) {
    if (poll.state !== 'closed' || !poll.closedAt) continue;
    if (!latest || poll.closedAt.getTime() > latest.closedAt!.getTime()) latest = poll;
  }
  return latest;
}
