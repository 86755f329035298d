import { describe, expect, it } from 'vitest';
import { orderQuestions, parseQuestionSort } from './questionOrder.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const questions = [
  { id: 'old-popular', isPinned: false, voteCount: 5, askedAt: at(1) },
  { id: 'new-popular', isPinned: false, voteCount: 5, askedAt: at(3) },
  { id: 'newest', isPinned: false, voteCount: 0, askedAt: at(9) },
  { id: 'pinned', isPinned: true, voteCount: 1, askedAt: at(2) },
  { id: 'most', isPinned: false, voteCount: 9, askedAt: at(5) }
];

describe('ordering questions', () => {
  it('by votes: pinned first, then most votes, the earlier of equals first', () => {
    expect(orderQuestions(questions, 'votes').map((q) => q.id)).toEqual([
      'pinned',
      'most',
      'old-popular',
      'new-popular',
      'newest'
    ]);
  });

  it('by time: pinned first, then newest first', () => {
    expect(orderQuestions(questions, 'time').map((q) => q.id)).toEqual([
      'pinned',
      'newest',
      'most',
      'new-popular',
      'old-popular'
    ]);
  });

  it('reads the sort parameter, by votes unless it says time', () => {
    expect(parseQuestionSort('time')).toBe('time');
    expect(parseQuestionSort('votes')).toBe('votes');
    expect(parseQuestionSort('<script>')).toBe('votes');
    expect(parseQuestionSort(null)).toBe('votes');
  });
});
