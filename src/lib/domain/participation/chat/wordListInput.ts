/**
 * An edition's word filter as moderators type it: one word or phrase per
 * line, at most 500 entries of at most 60 characters each. Blank lines and
 * entries that only differ in case or width (`Darn`, `ＤＡＲＮ`) count once.
 */
import { normaliseFilterWord } from '../wordFilter.js';
import { cleanChatText, codePointLength } from './chatMessageInput.js';

export const wordListLimits = { words: 500, wordLength: 60, rawLength: 100_000 } as const;

export type WordListProblem =
  | { readonly code: 'chat.word_filter_too_many'; readonly count: number }
  | { readonly code: 'chat.word_filter_word_too_long'; readonly line: number }
  | { readonly code: 'chat.word_filter_invalid' };

/** The words to store, in the order typed (first spelling of a duplicate kept), or what is wrong. */
export function resolveWordList(raw: unknown): { ok: true; words: string[] } | { ok: false; problem: WordListProblem } {
  if (typeof raw !== 'string' || raw.length > wordListLimits.rawLength)
    return { ok: false, problem: { code: 'chat.word_filter_invalid' } };
  const words: string[] = [];
  const seen = new Set<string>();
  const lines = raw.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    const word = cleanChatText(line);
    if (word === '') continue;
    if (codePointLength(word) > wordListLimits.wordLength)
      return { ok: false, problem: { code: 'chat.word_filter_word_too_long', line: index + 1 } };
    const key = normaliseFilterWord(word);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  if (words.length > wordListLimits.words)
    return { ok: false, problem: { code: 'chat.word_filter_too_many', count: words.length } };
  return { ok: true, words };
}
