/**
 * Password hashing with argon2id at the library's defaults (19 MiB, two
 * passes, one lane: the OWASP baseline). Passwords are NFKC-normalised first
 * so the same passphrase typed on another keyboard still matches. Checking
 * a password for an account that has none (or no account at all) still
 * spends one verification, so the answer takes about as long either way.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a null hash, after the same amount of work. */
  verify(passwordHash: string | null, password: string): Promise<boolean>;
}

export class Argon2PasswordHasher implements PasswordHasher {
  #dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hash(password.normalize('NFKC'));
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (passwordHash === null) {
      this.#dummy ??= this.hash(randomBytes(16).toString('hex'));
      await verify(await this.#dummy, password.normalize('NFKC')).catch(() => false);
      return false;
    }
    try {
      return await verify(passwordHash, password.normalize('NFKC'));
    } catch {
      return false;
    }
  }
}
