import { describe, expect, it } from 'vitest';
import type { QuestionState } from './question.js';
import { checkMerge, moderate } from './questionModeration.js';

const shown: QuestionState = { status: 'visible', isPinned: false, isAnswered: false };
const pending: QuestionState = { ...shown, status: 'pending' };
const hidden: QuestionState = { ...shown, status: 'hidden' };
const merged: QuestionState = { ...shown, status: 'merged' };

describe('moderating a question', () => {
  it('approves only a waiting question', () => {
    expect(moderate(pending, 'approve')).toEqual({ ok: true, next: shown });
    expect(moderate(shown, 'approve')).toEqual({ ok: false, code: 'question.not_allowed_now' });
  });

  it('hides waiting and shown questions, unpinning them, and unhides hidden ones', () => {
    expect(moderate({ ...shown, isPinned: true }, 'hide')).toEqual({ ok: true, next: hidden });
    expect(moderate(pending, 'hide')).toEqual({ ok: true, next: hidden });
    expect(moderate(hidden, 'unhide')).toEqual({ ok: true, next: shown });
    expect(moderate(merged, 'hide').ok).toBe(false);
    expect(moderate(shown, 'unhide').ok).toBe(false);
  });

  it('pins and marks answered only shown questions', () => {
    expect(moderate(shown, 'pin')).toEqual({ ok: true, next: { ...shown, isPinned: true } });
    expect(moderate({ ...shown, isPinned: true }, 'pin').ok).toBe(false);
    expect(moderate(pending, 'pin').ok).toBe(false);
    expect(moderate({ ...shown, isPinned: true }, 'unpin')).toEqual({ ok: true, next: shown });
    expect(moderate(shown, 'answer')).toEqual({ ok: true, next: { ...shown, isAnswered: true } });
    expect(moderate(hidden, 'answer').ok).toBe(false);
    expect(moderate({ ...shown, isAnswered: true }, 'unanswer')).toEqual({ ok: true, next: shown });
    expect(moderate(shown, 'unanswer').ok).toBe(false);
  });
});

describe('merging duplicates', () => {
  it('folds a duplicate into a waiting or shown question, unpinning it', () => {
    expect(checkMerge({ id: 'a', ...shown, isPinned: true }, { id: 'b', ...pending })).toEqual({
      ok: true,
      next: { status: 'merged', isPinned: false, isAnswered: false }
    });
    expect(checkMerge({ id: 'a', ...hidden }, { id: 'b', ...shown }).ok).toBe(true);
  });

  it('refuses merging into itself, into hidden or merged questions, and merging twice', () => {
    expect(checkMerge({ id: 'a', ...shown }, { id: 'a', ...shown })).toEqual({
      ok: false,
      code: 'question.merge_into_itself'
    });
    expect(checkMerge({ id: 'a', ...shown }, { id: 'b', ...hidden })).toEqual({
      ok: false,
      code: 'question.merge_target_unavailable'
    });
    expect(checkMerge({ id: 'a', ...shown }, { id: 'b', ...merged })).toEqual({
      ok: false,
      code: 'question.merge_target_unavailable'
    });
    expect(checkMerge({ id: 'a', ...merged }, { id: 'b', ...shown })).toEqual({
      ok: false,
      code: 'question.not_allowed_now'
    });
  });
});
