import { describe, expect, it } from 'vitest';
import { applyWordFilter, filterMark, normaliseFilterWord } from './wordFilter.js';

const stars = (n: number) => filterMark.repeat(n);

describe('applyWordFilter', () => {
  it('leaves text alone when no word is listed or none matches', () => {
    expect(applyWordFilter('Hello everyone', [])).toBe('Hello everyone');
    expect(applyWordFilter('Hello everyone', ['darn'])).toBe('Hello everyone');
    expect(applyWordFilter('', ['darn'])).toBe('');
  });

  it('replaces a listed word with a run of full-width asterisks of the same length', () => {
    expect(applyWordFilter('well darn it', ['darn'])).toBe(`well ${stars(4)} it`);
    expect(applyWordFilter('darn', ['darn'])).toBe(stars(4));
  });

  it('matches whatever the case, in the text and in the list', () => {
    expect(applyWordFilter('DARN, Darn and dArN', ['darn'])).toBe(`${stars(4)}, ${stars(4)} and ${stars(4)}`);
    expect(applyWordFilter('well darn', ['DaRn'])).toBe(`well ${stars(4)}`);
  });

  it('catches full-width and other compatibility variants, hiding the characters as written', () => {
    expect(applyWordFilter('ｄａｒｎ it', ['darn'])).toBe(`${stars(4)} it`);
    expect(applyWordFilter('ＤＡＲＮ!', ['darn'])).toBe(`${stars(4)}!`);
    expect(applyWordFilter('well darn', ['ｄａｒｎ'])).toBe(`well ${stars(4)}`);
    // A ligature is one character written, two compared: it is hidden as one.
    expect(applyWordFilter('ﬁne day', ['fine'])).toBe(`${stars(3)} day`);
  });

  it('only matches whole words, not parts of longer words', () => {
    expect(applyWordFilter('darnation darned undarn', ['darn'])).toBe('darnation darned undarn');
    expect(applyWordFilter('darn2 2darn darn_', ['darn'])).toBe(`darn2 2darn ${stars(4)}_`);
  });

  it('treats punctuation, spaces, emoji and the ends of the text as boundaries', () => {
    expect(applyWordFilter('(darn)', ['darn'])).toBe(`(${stars(4)})`);
    expect(applyWordFilter('"darn"…darn👍darn', ['darn'])).toBe(`"${stars(4)}"…${stars(4)}👍${stars(4)}`);
  });

  it('matches Korean words on boundaries defined by letters, not by \\b', () => {
    expect(applyWordFilter('이런 바보 같으니', ['바보'])).toBe(`이런 ${stars(2)} 같으니`);
    expect(applyWordFilter('바보!', ['바보'])).toBe(`${stars(2)}!`);
    // Hangul next to Hangul is inside a word: no match, as in English.
    expect(applyWordFilter('바보야 바보짓', ['바보'])).toBe('바보야 바보짓');
    // Hangul next to Latin letters is also inside a word.
    expect(applyWordFilter('a바보 바보b', ['바보'])).toBe('a바보 바보b');
  });

  it('matches Korean jamo written in their half-width forms', () => {
    // U+FFB5 and U+FFB2 are the half-width ㅅ and ㅂ; NFKC makes them the same letters.
    expect(applyWordFilter('\uFFB5\uFFB2 진짜', ['ㅅㅂ'])).toBe(`${stars(2)} 진짜`);
    expect(applyWordFilter('ㅅㅂ 진짜', ['ㅅㅂ'])).toBe(`${stars(2)} 진짜`);
  });

  it('matches phrases, with any run of spaces in the listed phrase', () => {
    expect(applyWordFilter('you absolute fool, yes', ['absolute  fool'])).toBe(`you ${stars(13)}, yes`);
    expect(applyWordFilter('Absolute Fool', [' absolute fool '])).toBe(stars(13));
  });

  it('merges overlapping and adjacent matches and hides every occurrence', () => {
    expect(applyWordFilter('foo bar baz', ['foo bar', 'bar baz'])).toBe(stars(11));
    expect(applyWordFilter('darn darn darn', ['darn'])).toBe(`${stars(4)} ${stars(4)} ${stars(4)}`);
  });

  it('counts a letter with its combining marks as one character', () => {
    const decomposed = 'cafe\u0301';
    expect(applyWordFilter(`${decomposed} time`, ['café'])).toBe(`${stars(4)} time`);
  });

  it('needs no boundary beside a listed word that starts or ends with punctuation', () => {
    expect(applyWordFilter('join #spamtag now', ['#spam'])).toBe('join #spamtag now');
    expect(applyWordFilter('join x#spam now', ['#spam'])).toBe(`join x${stars(5)} now`);
  });

  it('treats listed words literally, never as patterns', () => {
    expect(applyWordFilter('a.b axb (a+)', ['a.b', '(a+)'])).toBe(`${stars(3)} axb ${stars(4)}`);
  });

  it('ignores empty and blank entries in the list', () => {
    expect(applyWordFilter('hello', ['', '   '])).toBe('hello');
  });

  it('never changes the length of the text in characters', () => {
    const text = 'Ｄａｒｎ, 바보 ﬁne darn 바보야';
    const filtered = applyWordFilter(text, ['darn', '바보', 'fine']);
    expect(Array.from(filtered)).toHaveLength(Array.from(text).length);
    expect(filtered).toBe('＊＊＊＊, ＊＊ ＊＊＊ ＊＊＊＊ 바보야');
  });
});

describe('normaliseFilterWord', () => {
  it('folds case and compatibility forms and tidies spaces', () => {
    expect(normaliseFilterWord('  ＤａＲｎ  ')).toBe('darn');
    expect(normaliseFilterWord('Absolute \t Fool')).toBe('absolute fool');
    expect(normaliseFilterWord('   ')).toBe('');
  });
});
