/**
 * Secrets the forum must use again later but must not keep in clear — the
 * stream keys of outside destinations. AES-256-GCM (authenticated: a changed
 * byte is refused, never decrypted into garbage) with a fresh 96-bit random
 * nonce per value, under a key derived with HKDF-SHA-256 from the instance
 * secret (`Signer.derivedKey`), so a dump of the database alone reveals no
 * key (ADR 015).
 * Sealed form: `v1.<nonce>.<ciphertext+tag>`, base64url, ASCII-safe for a text column.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Why a sealed value cannot be opened: not ours, changed, or sealed under another instance secret. */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
  readonly code = 'destination.key_unreadable';
}

/** What outside destinations' stream keys are sealed for. */
export const destinationKeyUse = 'madang:destination-key:v1';
const version = 'v1';
const nonceBytes = 12;
const tagBytes = 16;
const sealedPattern = /^v1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

export class SecretBox {
  readonly #key: Buffer;
  readonly #aad: Buffer;

  /**
   * `key` is `Signer.derivedKey(use)`: 32 bytes derived for this one use, so
   * keys for other uses never coincide; the use is bound as associated data
   * too, so a value sealed for one purpose does not open for another.
   */
  constructor(key: Buffer, use: string = destinationKeyUse) {
    if (key.length !== 32) throw new Error('A SecretBox key is 32 bytes (Signer.derivedKey).');
    this.#key = Buffer.from(key);
    this.#aad = Buffer.from(use);
  }

  seal(plain: string): string {
    const nonce = randomBytes(nonceBytes);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    cipher.setAAD(this.#aad);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${version}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
  }

  /** The plain value; throws `SecretBoxError` for anything that was not sealed by this box unchanged. */
  open(sealed: string): string {
    const match = sealedPattern.exec(sealed);
    if (!match) throw new SecretBoxError('The sealed value is not in the v1 format.');
    const nonce = Buffer.from(match[1]!, 'base64url');
    const body = Buffer.from(match[2]!, 'base64url');
    if (nonce.length !== nonceBytes || body.length < tagBytes)
      throw new SecretBoxError('The sealed value is truncated.');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, nonce);
    decipher.setAAD(this.#aad);
    decipher.setAuthTag(body.subarray(body.length - tagBytes));
    try {
      return Buffer.concat([decipher.update(body.subarray(0, body.length - tagBytes)), decipher.final()]).toString(
        'utf8'
      );
    } catch {
      throw new SecretBoxError('The sealed value was changed or sealed under another instance secret.');
    }
  }
}
