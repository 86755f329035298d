/**
 * What each moderation action does to a question's state, and when it is
 * refused. Pure: the repository locks the rows, asks here, then writes what
 * comes back. Pinning one question unpins the session's other pinned one
 * (the repository does that part, since it touches another row).
 */
import type { QuestionState } from './question.js';
import type { QuestionErrorCode } from './questionErrors.js';

export const moderationActions = ['approve', 'hide', 'unhide', 'pin', 'unpin', 'answer', 'unanswer'] as const;
export type ModerationAction = (typeof moderationActions)[number];

export function isModerationAction(value: unknown): value is ModerationAction {
  return typeof value === 'string' && (moderationActions as readonly string[]).includes(value);
}

export type ModerationOutcome =
  { readonly ok: true; readonly next: QuestionState } | { readonly ok: false; readonly code: QuestionErrorCode };

const refused = { ok: false, code: 'question.not_allowed_now' } as const;

/** The state after `action`, or why the action does not apply to the question as it is now. */
export function moderate(current: QuestionState, action: ModerationAction): ModerationOutcome {
  const { status } = current;
  switch (action) {
    case 'approve':
      return status === 'pending' ? { ok: true, next: { ...current, status: 'visible' } } : refused;
    case 'hide':
      // A hidden question is shown nowhere, so it cannot stay pinned.
      return status === 'pending' || status === 'visible'
        ? { ok: true, next: { ...current, status: 'hidden', isPinned: false } }
        : refused;
    case 'unhide':
      return status === 'hidden' ? { ok: true, next: { ...current, status: 'visible' } } : refused;
    case 'pin':
      return status === 'visible' && !current.isPinned ? { ok: true, next: { ...current, isPinned: true } } : refused;
    case 'unpin':
      return current.isPinned ? { ok: true, next: { ...current, isPinned: false } } : refused;
    case 'answer':
      return status === 'visible' && !current.isAnswered
        ? { ok: true, next: { ...current, isAnswered: true } }
        : refused;
    case 'unanswer':
      return status === 'visible' && current.isAnswered
        ? { ok: true, next: { ...current, isAnswered: false } }
        : refused;
  }
}

/**
 * Folding `duplicate` into `keep`: any question not already merged can be a
 * duplicate; the one kept must be waiting or shown (votes moved onto a
 * hidden or merged question would vanish).
 */
export function checkMerge(
  duplicate: QuestionState & { readonly id: string },
  keep: QuestionState & { readonly id: string }
): { readonly ok: true; readonly next: QuestionState } | { readonly ok: false; readonly code: QuestionErrorCode } {
  if (duplicate.id === keep.id) return { ok: false, code: 'question.merge_into_itself' };
  if (duplicate.status === 'merged') return refused;
  if (keep.status !== 'pending' && keep.status !== 'visible')
    return { ok: false, code: 'question.merge_target_unavailable' };
  return { ok: true, next: { status: 'merged', isPinned: false, isAnswered: duplicate.isAnswered } };
}
