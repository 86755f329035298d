import { describe, expect, it } from 'vitest';
import { chatLimits, cleanChatText, codePointLength, resolveChatMessage } from './chatMessageInput.js';

const key = '0b5c4a52-8f0e-4d5e-9a51-3c1f3f0f6a11';
const message = (fields: Record<string, unknown>) =>
  resolveChatMessage({ displayName: 'Mina', text: 'Hello', idempotencyKey: key, ...fields });

describe('cleanChatText', () => {
  it('normalises to NFC, so the same text is stored the same way however it was typed', () => {
    expect(cleanChatText('cafe\u0301')).toBe('café');
    expect(cleanChatText('\u1100\u1161')).toBe('가');
  });

  it('turns line breaks and tabs into single spaces and trims', () => {
    expect(cleanChatText('  one\r\ntwo\tthree\u2028four  ')).toBe('one two three four');
    expect(cleanChatText('a    b')).toBe('a b');
  });

  it('removes control characters, lone surrogates and bidirectional overrides', () => {
    expect(cleanChatText('a\u0000b\u0007c\u009bd')).toBe('abcd');
    expect(cleanChatText('evil\u202Egnp.exe')).toBe('evilgnp.exe');
    expect(cleanChatText('x\u2066y\u2069z')).toBe('xyz');
    expect(cleanChatText('half \uD800 pair')).toBe('half pair');
  });

  it('keeps emoji sequences whole (the zero-width joiner stays)', () => {
    const family = '👩\u200D👩\u200D👧';
    expect(cleanChatText(family)).toBe(family);
  });
});

describe('resolveChatMessage', () => {
  it('accepts a message and returns its cleaned values', () => {
    expect(message({ displayName: ' Mina ', text: 'Hello\nworld' })).toEqual({
      ok: true,
      values: { displayName: 'Mina', text: 'Hello world', idempotencyKey: key }
    });
  });

  it('accepts texts exactly at the limits, counted in characters (code points)', () => {
    const name = '가'.repeat(chatLimits.displayName);
    const text = '😀'.repeat(chatLimits.text);
    const result = message({ displayName: name, text });
    expect(result.ok).toBe(true);
    expect(codePointLength(text)).toBe(500);
  });

  it('refuses a name or text that is empty after cleaning', () => {
    expect(message({ displayName: ' \u0000 ', text: '\n\t' })).toEqual({
      ok: false,
      problems: [
        { field: 'displayName', code: 'chat.name_required' },
        { field: 'text', code: 'chat.text_required' }
      ]
    });
  });

  it('refuses a name over 40 or a text over 500 characters', () => {
    expect(message({ displayName: 'n'.repeat(41) })).toEqual({
      ok: false,
      problems: [{ field: 'displayName', code: 'chat.name_too_long' }]
    });
    expect(message({ text: 't'.repeat(501) })).toEqual({
      ok: false,
      problems: [{ field: 'text', code: 'chat.text_too_long' }]
    });
    expect(message({ text: 't'.repeat(1_000_000) })).toEqual({
      ok: false,
      problems: [{ field: 'text', code: 'chat.text_too_long' }]
    });
  });

  it('measures after cleaning: spaces that collapse do not count', () => {
    expect(message({ text: `${'a'.repeat(249)}${' '.repeat(400)}${'b'.repeat(250)}` }).ok).toBe(true);
  });

  it('refuses a missing or malformed idempotency key', () => {
    expect(message({ idempotencyKey: undefined })).toEqual({
      ok: false,
      problems: [{ field: 'idempotencyKey', code: 'chat.invalid_key' }]
    });
    expect(message({ idempotencyKey: 'not-a-uuid' })).toEqual({
      ok: false,
      problems: [{ field: 'idempotencyKey', code: 'chat.invalid_key' }]
    });
  });

  it('reads anything but text (a file where text belongs) as empty', () => {
    expect(resolveChatMessage({ displayName: 42, text: ['x'], idempotencyKey: key })).toEqual({
      ok: false,
      problems: [
        { field: 'displayName', code: 'chat.name_required' },
        { field: 'text', code: 'chat.text_required' }
      ]
    });
    expect(resolveChatMessage(null).ok).toBe(false);
  });
});
