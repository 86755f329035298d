import { describe, expect, it } from 'vitest';
import { parseAskQuestion } from './questionInput.js';

const key = '0b7f1c7e-4a53-4a39-9d3e-2f0b8f2f6c11';

describe('a question as submitted', () => {
  it('keeps the normalised text and name, and a blank name means anonymous', () => {
    expect(parseAskQuestion({ text: '  How  will\nit work? ', displayName: ' Jiwoo ', idempotencyKey: key })).toEqual({
      ok: true,
      values: { text: 'How will it work?', displayName: 'Jiwoo', idempotencyKey: key }
    });
    const anonymous = parseAskQuestion({ text: 'Why?', displayName: ' \t', idempotencyKey: key });
    expect(anonymous.ok && anonymous.values.displayName).toBeNull();
    const noName = parseAskQuestion({ text: 'Why?', idempotencyKey: key.toUpperCase() });
    expect(noName.ok && noName.values).toEqual({ text: 'Why?', displayName: null, idempotencyKey: key });
  });

  it('refuses empty text, text over 500 characters and names over 60, by field', () => {
    expect(parseAskQuestion({ text: ' \n ', idempotencyKey: key })).toEqual({
      ok: false,
      problems: [{ field: 'text', code: 'question.text_required' }]
    });
    const long = parseAskQuestion({ text: 'a'.repeat(501), displayName: 'n'.repeat(61), idempotencyKey: key });
    expect(long.ok ? [] : long.problems).toEqual([
      { field: 'text', code: 'question.text_too_long' },
      { field: 'displayName', code: 'question.name_too_long' }
    ]);
    expect(parseAskQuestion({ text: 'é'.repeat(500), idempotencyKey: key }).ok).toBe(true);
    // 500 characters once white space is collapsed, though longer as typed.
    expect(parseAskQuestion({ text: `${'a'.repeat(499)}\n\n\n\nb`, idempotencyKey: key }).ok).toBe(false);
    expect(parseAskQuestion({ text: `${'a'.repeat(498)}\n\n\n\nb`, idempotencyKey: key }).ok).toBe(true);
  });

  it('refuses a missing or malformed idempotency key and wrong types', () => {
    expect(parseAskQuestion({ text: 'Why?' })).toEqual({
      ok: false,
      problems: [{ field: 'idempotencyKey', code: 'question.invalid_field' }]
    });
    expect(parseAskQuestion({ text: 'Why?', idempotencyKey: 'retry-1' }).ok).toBe(false);
    expect(parseAskQuestion({ text: 42, idempotencyKey: key })).toEqual({
      ok: false,
      problems: [{ field: 'text', code: 'question.invalid_field' }]
    });
    expect(parseAskQuestion('text').ok).toBe(false);
  });
});
