/**
 * The public questions panel as one viewer sees it: plain data the server
 * renders (with no JavaScript) and the fragment endpoint re-renders when a
 * live event arrives. Nothing here names another participant.
 */
import type { QuestionSort } from './questionOrder.js';

export interface PanelQuestion {
  readonly id: string;
  readonly text: string;
  /** Null: asked anonymously. */
  readonly displayName: string | null;
  readonly voteCount: number;
  readonly isPinned: boolean;
  readonly isAnswered: boolean;
  readonly askedAt: Date;
  /** Whether this viewer's vote is on it (the upvote button's pressed state). */
  readonly hasMyVote: boolean;
  /** Whether this viewer asked it. */
  readonly isMine: boolean;
}

export interface QuestionPanelView {
  readonly sort: QuestionSort;
  /** Shown questions in order, pinned first. */
  readonly questions: readonly PanelQuestion[];
  /** All shown questions (the list stops at the panel's limit). */
  readonly total: number;
  /** The viewer's own questions waiting for a moderator. */
  readonly ownPending: readonly PanelQuestion[];
  readonly isPremoderated: boolean;
}

/** After a no-JS post: what the ask form showed, and the problems beside its fields. */
export interface AskFormProblem {
  readonly values: { readonly text: string; readonly displayName: string };
  /** Field (`text`, `displayName`) → error code; '' is the form as a whole. */
  readonly errors: Readonly<Partial<Record<'text' | 'displayName' | '', string>>>;
  /** For the form as a whole: seconds to wait after a rate-limit refusal. */
  readonly retryAfterSeconds?: number;
}

export const questionNotices = ['asked', 'askedPending', 'voted', 'withdrawn'] as const;
export type QuestionNotice = (typeof questionNotices)[number];

/** Everything the panel component renders. */
export interface QuestionsPanelData {
  readonly view: QuestionPanelView;
  /** A fresh UUID per render: the ask form's idempotency key (kept when a failed post is shown again). */
  readonly idempotencyKey: string;
  readonly notice: QuestionNotice | null;
  readonly problem: AskFormProblem | null;
  /** The question a vote problem is about, with its message code. */
  readonly voteProblem: {
    readonly questionId: string;
    readonly code: string;
    readonly retryAfterSeconds?: number;
  } | null;
}
