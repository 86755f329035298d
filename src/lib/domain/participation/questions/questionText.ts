/**
 * How typed text becomes a stored question or display name: one Unicode
 * form (NFC, so the same words compare and count the same), and every run of
 * white space or control characters (line breaks, tabs, NUL, bidirectional
 * overrides that could make a question read differently from what it says)
 * collapsed to one space, then trimmed. Lengths count code points, as
 * PostgreSQL's `length` does, so the database check agrees.
 */

// Cc (C0/C1 controls), line/paragraph separators, bidi embeddings/overrides/isolates, and any white space.
const controlOrSpace = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069\s]+/gu;

export function normaliseQuestionText(raw: string): string {
  return raw.normalize('NFC').replace(controlOrSpace, ' ').trim();
}

/** Length in Unicode code points (an emoji counts once, not as two UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
