/**
 * The order questions are listed in: the pinned one first, then by votes
 * (most first; among equals the earlier question first, so a question does
 * not jump above another that had its votes sooner) or by time (newest
 * first). The `?questions=` parameter chooses; anything else is by votes.
 */
import type { Question } from './question.js';

export const questionSorts = ['votes', 'time'] as const;
export type QuestionSort = (typeof questionSorts)[number];

export function parseQuestionSort(value: string | null | undefined): QuestionSort {
  return value === 'time' ? 'time' : 'votes';
}

type Sortable = Pick<Question, 'id' | 'isPinned' | 'voteCount' | 'askedAt'>;

export function compareQuestions(sort: QuestionSort): (a: Sortable, b: Sortable) => number {
  return (a, b) => {
    if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
    const byTime = a.askedAt.getTime() - b.askedAt.getTime();
    if (sort === 'votes') return b.voteCount - a.voteCount || byTime || a.id.localeCompare(b.id);
    return -byTime || a.id.localeCompare(b.id);
  };
}

export function orderQuestions<T extends Sortable>(questions: readonly T[], sort: QuestionSort): T[] {
  return [...questions].sort(compareQuestions(sort));
}
