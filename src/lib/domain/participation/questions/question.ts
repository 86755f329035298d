/**
 * A question asked in a session's Q&A, and what a moderator can make of it.
 * Status is one of: waiting for a moderator (`pending`, only with
 * pre-moderation), shown (`visible`), hidden by a moderator (`hidden`), or
 * folded into another question as a duplicate (`merged`). Pinned and
 * answered are flags on a shown question; `version` counts moderation
 * changes (not votes) so two moderators cannot overwrite each other.
 */

export const questionStatuses = ['pending', 'visible', 'hidden', 'merged'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** Longest question and longest display name, in characters (Unicode code points, as PostgreSQL's `length`). */
export const questionTextMaxLength = 500;
export const displayNameMaxLength = 60;

export interface Question {
  readonly id: string;
  readonly sessionId: string;
  /** Who asked: `p:<…>` or `account:<…>`; never shown to other people. */
  readonly participantId: string;
  /** The name the asker typed; null when they asked anonymously. */
  readonly displayName: string | null;
  readonly text: string;
  readonly status: QuestionStatus;
  /** For a merged question: the question it was folded into. */
  readonly mergedInto: string | null;
  readonly isPinned: boolean;
  readonly isAnswered: boolean;
  readonly voteCount: number;
  readonly askedAt: Date;
  readonly version: number;
}

/** The moderation state of a question: what a moderation action reads and changes. */
export type QuestionState = Pick<Question, 'status' | 'isPinned' | 'isAnswered'>;

/** Whether participants may vote on the question: only shown ones. */
export function isVotable(question: Pick<Question, 'status'>): boolean {
  return question.status === 'visible';
}
