import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomToken, Signer, tokenHash } from './signer.js';

const signer = new Signer(randomBytes(32).toString('base64url'));
const id = randomUUID();
const expiry = new Date('2030-01-01T00:00:00.750Z');

describe('signed links', () => {
  it('round-trips the id and the expiry (to the second)', () => {
    const token = signer.signLink('invitation', id, expiry);
    expect(token).toMatch(/^[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(signer.verifyLink('invitation', token)).toEqual({ id, expiresAt: new Date('2030-01-01T00:00:00Z') });
  });

  it('signs the same row to the same token every time', () => {
    expect(signer.signLink('setup', id, expiry)).toBe(signer.signLink('setup', id, new Date('2030-01-01T00:00:00Z')));
  });

  it('refuses a link whose expiry, id or signature was changed', () => {
    const token = signer.signLink('invitation', id, expiry);
    const [tokenId, seconds, mac] = token.split('.') as [string, string, string];
    expect(signer.verifyLink('invitation', `${tokenId}.${Number(seconds) + 86_400}.${mac}`)).toBeNull();
    expect(signer.verifyLink('invitation', `${randomUUID()}.${seconds}.${mac}`)).toBeNull();
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    expect(signer.verifyLink('invitation', `${tokenId}.${seconds}.${flipped}`)).toBeNull();
    expect(signer.verifyLink('invitation', 'nonsense')).toBeNull();
    expect(signer.verifyLink('invitation', '')).toBeNull();
  });

  it('refuses a link signed for another purpose or with another secret', () => {
    const token = signer.signLink('invitation', id, expiry);
    expect(signer.verifyLink('password-reset', token)).toBeNull();
    expect(new Signer(randomBytes(32).toString('base64url')).verifyLink('invitation', token)).toBeNull();
  });

  it('refuses a secret that is too short', () => {
    expect(() => new Signer('c2hvcnQ')).toThrow(/at least 32 bytes/);
  });
});

describe('CSRF tokens', () => {
  it('accept the token of the same binding only', () => {
    const token = signer.csrfToken('session:abc');
    expect(signer.verifyCsrf('session:abc', token)).toBe(true);
    expect(signer.verifyCsrf('session:abd', token)).toBe(false);
    expect(signer.verifyCsrf('session:abc', token.toUpperCase())).toBe(false);
    expect(signer.verifyCsrf('session:abc', '')).toBe(false);
    expect(signer.verifyCsrf('session:abc', undefined)).toBe(false);
  });
});

describe('random tokens', () => {
  it('are 32 bytes, different each time, and stored only as a SHA-256', () => {
    const a = randomToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(randomToken()).not.toBe(a);
    expect(tokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(a)).not.toContain(a);
  });
});

describe('sealed values', () => {
  it('come back unchanged, and not at all once anything in them changed', () => {
    const sealed = signer.seal('oidc-flow', 'eyJzdGF0ZSI6ImFiYyJ9');
    expect(signer.unseal('oidc-flow', sealed)).toBe('eyJzdGF0ZSI6ImFiYyJ9');
    expect(signer.unseal('oidc-flow', sealed.replace('eyJ', 'eyK'))).toBeNull();
    // Change the first character of the signature (the last one may only carry padding bits).
    const dot = sealed.lastIndexOf('.');
    const changed = sealed[dot + 1] === 'A' ? 'B' : 'A';
    expect(signer.unseal('oidc-flow', `${sealed.slice(0, dot + 1)}${changed}${sealed.slice(dot + 2)}`)).toBeNull();
    expect(signer.unseal('oidc-flow', 'no-dot-here')).toBeNull();
    expect(new Signer(randomBytes(32).toString('base64url')).unseal('oidc-flow', sealed)).toBeNull();
  });
});
