/**
 * A chat message as a participant sends it: a display name (1–40
 * characters), the text (1–500) and the idempotency key the form carried.
 * Both texts are normalised before they are measured, so what is counted is
 * what is stored and shown: NFC, line breaks and tabs as spaces, control
 * and bidirectional-override characters removed (they can make a message
 * display differently from what it says), runs of spaces collapsed, trimmed.
 * Lengths are in code points, as PostgreSQL's `char_length` counts them.
 */
import { z } from 'zod';

export const chatLimits = { displayName: 40, text: 500 } as const;

export type ChatInputProblemCode =
  'chat.name_required' | 'chat.name_too_long' | 'chat.text_required' | 'chat.text_too_long' | 'chat.invalid_key';

export interface ChatInputProblem {
  readonly field: 'displayName' | 'text' | 'idempotencyKey';
  readonly code: ChatInputProblemCode;
}

export interface ChatMessageValues {
  readonly displayName: string;
  readonly text: string;
  readonly idempotencyKey: string;
}

const lineBreaks = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
// Other C0/C1 controls, lone surrogates, and the explicit bidi embeddings, overrides and isolates.
const removed = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/gu;

/** The text as it is stored: NFC, no control characters, single spaces, trimmed. */
export function cleanChatText(raw: string): string {
  return raw.normalize('NFC').replace(lineBreaks, ' ').replace(removed, '').replace(/\s+/gu, ' ').trim();
}

export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Raw texts longer than this are refused before cleaning, so a huge post costs nothing. */
const rawLimit = 10_000;
const idempotencyKeySchema = z.string().uuid();

/** A field cleaned, or `too_long` when it is far over any limit; anything but text (a file) reads as empty. */
function readText(value: unknown, limit: number): string | 'too_long' {
  if (typeof value !== 'string') return '';
  if (value.length > rawLimit) return 'too_long';
  const cleaned = cleanChatText(value);
  return codePointLength(cleaned) > limit ? 'too_long' : cleaned;
}

/** Checks a posted message; every problem is named with its field. */
export function resolveChatMessage(
  raw: unknown
): { ok: true; values: ChatMessageValues } | { ok: false; problems: ChatInputProblem[] } {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const problems: ChatInputProblem[] = [];
  const displayName = readText(record.displayName, chatLimits.displayName);
  const text = readText(record.text, chatLimits.text);
  const key = idempotencyKeySchema.safeParse(record.idempotencyKey);
  if (displayName === '') problems.push({ field: 'displayName', code: 'chat.name_required' });
  if (displayName === 'too_long') problems.push({ field: 'displayName', code: 'chat.name_too_long' });
  if (text === '') problems.push({ field: 'text', code: 'chat.text_required' });
  if (text === 'too_long') problems.push({ field: 'text', code: 'chat.text_too_long' });
  if (!key.success) problems.push({ field: 'idempotencyKey', code: 'chat.invalid_key' });
  if (problems.length > 0 || !key.success || displayName === 'too_long' || text === 'too_long')
    return { ok: false, problems };
  return { ok: true, values: { displayName, text, idempotencyKey: key.data.toLowerCase() } };
}
