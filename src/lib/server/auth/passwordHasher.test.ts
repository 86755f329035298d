import { describe, expect, it } from 'vitest';
import { Argon2PasswordHasher } from './passwordHasher.js';

describe('argon2id password hashing', () => {
  const hasher = new Argon2PasswordHasher();

  it('hashes with argon2id and a fresh salt, and verifies only the same password', async () => {
    const first = await hasher.hash('orange kettle under the bridge');
    const second = await hasher.hash('orange kettle under the bridge');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await hasher.verify(first, 'orange kettle under the bridge')).toBe(true);
    expect(await hasher.verify(first, 'orange kettle under the bridgE')).toBe(false);
  });

  it('treats differently composed Unicode as the same passphrase', async () => {
    const composed = await hasher.hash('마당 café passphrase');
    expect(await hasher.verify(composed, '마당 cafe\u0301 passphrase')).toBe(true);
  });

  it('answers false for a missing or broken hash, after doing the work', async () => {
    expect(await hasher.verify(null, 'anything at all here')).toBe(false);
    expect(await hasher.verify('not a hash', 'anything at all here')).toBe(false);
  });
});
