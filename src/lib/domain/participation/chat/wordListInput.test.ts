import { describe, expect, it } from 'vitest';
import { resolveWordList } from './wordListInput.js';

describe('resolveWordList', () => {
  it('takes one word or phrase per line, skipping blank lines and tidying spaces', () => {
    expect(resolveWordList('darn\r\n\n  absolute   fool \n바보\n')).toEqual({
      ok: true,
      words: ['darn', 'absolute fool', '바보']
    });
    expect(resolveWordList('')).toEqual({ ok: true, words: [] });
  });

  it('keeps the first spelling of entries that differ only in case or width', () => {
    expect(resolveWordList('Darn\ndarn\nＤＡＲＮ\nheck')).toEqual({ ok: true, words: ['Darn', 'heck'] });
  });

  it('takes 500 entries of 60 characters, and refuses more', () => {
    const words = Array.from({ length: 500 }, (_, i) => `word${i}`.padEnd(60, 'x'));
    expect(resolveWordList(words.join('\n'))).toEqual({ ok: true, words });
    expect(resolveWordList([...words, 'one-more'].join('\n'))).toEqual({
      ok: false,
      problem: { code: 'chat.word_filter_too_many', count: 501 }
    });
  });

  it('names the line of an entry over 60 characters', () => {
    expect(resolveWordList(`ok\n\n${'가'.repeat(61)}`)).toEqual({
      ok: false,
      problem: { code: 'chat.word_filter_word_too_long', line: 3 }
    });
  });

  it('refuses what is not text or is far too long to be a list', () => {
    expect(resolveWordList(undefined)).toEqual({ ok: false, problem: { code: 'chat.word_filter_invalid' } });
    expect(resolveWordList('x'.repeat(100_001))).toEqual({ ok: false, problem: { code: 'chat.word_filter_invalid' } });
  });
});
