/**
 * The word filter an edition's moderators configure: listed words and
 * phrases in a text are replaced by runs of `＊` of the same length, so the
 * message still arrives (a filter that rejects teaches people to misspell).
 *
 * Matching is on NFKC-normalised, lower-cased text, so full-width and
 * mixed-case variants (`ＢＡＤ`, `BaD`) are caught, and on word boundaries
 * defined as "not a letter or number" by Unicode property: `\b` only knows
 * ASCII word characters, so it would see no boundary at all around Hangul.
 * A word whose first (or last) character is not a letter or number needs no
 * boundary on that side (`#tag`, `...`).
 *
 * Shared by chat and questions; pure, so both test it the same way.
 */

/** What the replacement is made of: one full-width asterisk per character. */
export const filterMark = '＊';

const letterOrNumber = /[\p{L}\p{N}]/u;
/** A character with the marks that belong to it (so `é` written as e + ◌́ is one character to hide). */
const characterPattern = /\P{M}\p{M}*|\p{M}+/gu;

/** How one character is compared: compatibility form (full-width → ASCII), lower case, any space as one space. */
function fold(character: string): string {
  if (/^\s+$/u.test(character)) return ' ';
  return character.normalize('NFKC').toLowerCase();
}

/** A text as its characters and their folded form, with where each character's folded text starts. */
interface FoldedText {
  readonly characters: readonly string[];
  readonly folded: string;
  /** Index in `folded` → index in `characters` of the character it came from. */
  readonly owner: readonly number[];
  /** Indexes in `folded` where a character's folded text starts (plus the end). */
  readonly starts: ReadonlySet<number>;
}

function foldText(text: string): FoldedText {
  const characters = text.match(characterPattern) ?? [];
  const owner: number[] = [];
  const starts = new Set<number>();
  let folded = '';
  characters.forEach((character, index) => {
    starts.add(folded.length);
    const piece = fold(character);
    folded += piece;
    for (let i = 0; i < piece.length; i++) owner.push(index);
  });
  starts.add(folded.length);
  return { characters, folded, owner, starts };
}

/** A listed word as it is matched: folded the way text is, surrounding and repeated spaces dropped. */
export function normaliseFilterWord(word: string): string {
  return foldText(word.trim().replace(/\s+/gu, ' ')).folded.trim();
}

function isLetterOrNumberAt(text: string, index: number, side: 'before' | 'after'): boolean {
  const point =
    side === 'before' ? lastCodePoint(text.slice(0, index)) : String.fromCodePoint(text.codePointAt(index) ?? 32);
  return point !== '' && letterOrNumber.test(point);
}

function lastCodePoint(text: string): string {
  if (text === '') return '';
  return Array.from(text.slice(-2)).at(-1) ?? '';
}

/**
 * `text` with every listed word or phrase replaced by `＊` runs of the same
 * number of characters. Words are matched case-insensitively after NFKC on
 * whole-word boundaries; overlapping matches merge. Words that are empty
 * after normalising are ignored.
 */
export function applyWordFilter(text: string, words: readonly string[]): string {
  const needles = [...new Set(words.map(normaliseFilterWord).filter((w) => w !== ''))];
  if (needles.length === 0 || text === '') return text;
  const { characters, folded, owner, starts } = foldText(text);
  const hidden = new Array<boolean>(characters.length).fill(false);
  let found = false;
  for (const needle of needles) {
    const needsBoundaryBefore = letterOrNumber.test(String.fromCodePoint(needle.codePointAt(0)!));
    const needsBoundaryAfter = letterOrNumber.test(lastCodePoint(needle));
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (!starts.has(at) || !starts.has(end)) continue;
      if (needsBoundaryBefore && isLetterOrNumberAt(folded, at, 'before')) continue;
      if (needsBoundaryAfter && end < folded.length && isLetterOrNumberAt(folded, end, 'after')) continue;
      for (let i = owner[at]!; i <= owner[end - 1]!; i++) hidden[i] = true;
      found = true;
    }
  }
  if (!found) return text;
  return characters.map((character, index) => (hidden[index] ? filterMark : character)).join('');
}
