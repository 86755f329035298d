import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Signer } from '../auth/signer.js';
import { destinationKeyUse, SecretBox, SecretBoxError } from './secretBox.js';

const signer = new Signer(randomBytes(32).toString('base64url'));
const key = signer.derivedKey(destinationKeyUse);

describe('sealing stream keys with the instance secret', () => {
  it('opens what it sealed, and never seals the same key to the same text', () => {
    const box = new SecretBox(key);
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
    const box = new SecretBox(key);
    const sealed = box.seal('live-key-1a2b');
    const body = sealed.split('.')[2]!;
    const flipped = `${sealed.slice(0, sealed.length - body.length)}${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => box.open(flipped)).toThrow(SecretBoxError);
    expect(() =>
      new SecretBox(new Signer(randomBytes(32).toString('base64url')).derivedKey(destinationKeyUse)).open(sealed)
    ).toThrow(SecretBoxError);
    expect(() => new SecretBox(key, 'madang:other:v1').open(sealed)).toThrow(SecretBoxError);
    expect(() => new SecretBox(signer.derivedKey('madang:other:v1'), 'madang:other:v1').open(sealed)).toThrow(
      SecretBoxError
    );
    for (const garbage of ['', 'live-key-1a2b', 'v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAA', 'v1.short.AAAA']) {
      expect(() => box.open(garbage)).toThrow(SecretBoxError);
    }
    try {
      box.open(flipped);
    } catch (error) {
      expect((error as SecretBoxError).code).toBe('destination.key_unreadable');
    }
  });

  it('takes only a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });

  it('derives the same key from the same instance secret (what was sealed before a restart still opens), another from another use', () => {
    const secret = randomBytes(32).toString('base64url');
    const sealed = new SecretBox(new Signer(secret).derivedKey(destinationKeyUse)).seal('live-key-1a2b');
    expect(new SecretBox(new Signer(secret).derivedKey(destinationKeyUse)).open(sealed)).toBe('live-key-1a2b');
    expect(
      new Signer(secret).derivedKey('madang:other:v1').equals(new Signer(secret).derivedKey(destinationKeyUse))
    ).toBe(false);
  });
});
