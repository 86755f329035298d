import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, SecretBoxError } from './secretBox.js';

const secret = randomBytes(32).toString('base64url');

describe('sealing stream keys with the instance secret', () => {
  it('opens what it sealed, and never seals the same key to the same text', () => {
    const box = new SecretBox(secret);
    const first = box.seal('live-key-1a2b');
    const second = box.seal('live-key-1a2b');
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('live-key');
    expect(box.open(first)).toBe('live-key-1a2b');
    expect(box.open(second)).toBe('live-key-1a2b');
    expect(box.open(box.seal('키-unicode'))).toBe('키-unicode');
  });

  it('refuses a changed byte, another instance secret, another use and anything not sealed', () => {
    const box = new SecretBox(secret);
    const sealed = box.seal('live-key-1a2b');
    const body = sealed.split('.')[2]!;
    const flipped = `${sealed.slice(0, sealed.length - body.length)}${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => box.open(flipped)).toThrow(SecretBoxError);
    expect(() => new SecretBox(randomBytes(32).toString('base64url')).open(sealed)).toThrow(SecretBoxError);
    expect(() => new SecretBox(secret, 'madang:other:v1').open(sealed)).toThrow(SecretBoxError);
    for (const garbage of ['', 'live-key-1a2b', 'v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAA', 'v1.short.AAAA']) {
      expect(() => box.open(garbage)).toThrow(SecretBoxError);
    }
    try {
      box.open(flipped);
    } catch (error) {
      expect((error as SecretBoxError).code).toBe('destination.key_unreadable');
    }
  });

  it('refuses an instance secret shorter than 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16).toString('base64url'))).toThrow(/32 bytes/);
  });
});
