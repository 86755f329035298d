/**
 * Everything signed with the instance secret. Links sent by e-mail (and the
 * first-administrator link) are `<id>.<expiry>.<mac>`: the id of a database
 * row, the expiry in Unix seconds and an HMAC-SHA-256 over both and the
 * link's purpose, so a link cannot be forged, stretched or used for another
 * purpose, and the row makes it single-use. CSRF tokens are an HMAC of what
 * the form is bound to (the sign-in session, or a visitor cookie before
 * sign-in). Sealed values (`<value>.<mac>`) carry short-lived state in a
 * cookie the server must get back unchanged. Stream keys for stages are
 * `<stageId>.<mac>` (ADR 016). Random tokens are 32 bytes;
 * only their SHA-256 is stored.
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'setup' | 'invitation' | 'password-reset';
/** What a sealed value is for, so a value sealed for one use is refused by another. */
export type SealPurpose = 'oidc-flow' | 'participant';

export interface VerifiedLink {
  readonly id: string;
  readonly expiresAt: Date;
}

const linkPattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export class Signer {
  readonly #secret: Buffer;

  constructor(secret: string) {
    this.#secret = Buffer.from(secret, 'base64url');
    if (this.#secret.length < 32) throw new Error('The instance secret must be at least 32 bytes.');
  }

  /** A link token for a row; the expiry is kept to whole seconds, so the same row always signs to the same token. */
  signLink(purpose: LinkPurpose, id: string, expiresAt: Date): string {
    const seconds = Math.floor(expiresAt.getTime() / 1000);
    return `${id}.${seconds}.${this.#mac(`link:${purpose}:${id}.${seconds}`)}`;
  }

  /** The id and expiry of a genuine link, or null when it is malformed or tampered with. Expiry is the caller's to judge. */
  verifyLink(purpose: LinkPurpose, token: string): VerifiedLink | null {
    const match = linkPattern.exec(token);
    if (!match) return null;
    const [, id = '', seconds = '', mac = ''] = match;
    if (!equal(mac, this.#mac(`link:${purpose}:${id}.${seconds}`))) return null;
    return { id, expiresAt: new Date(Number(seconds) * 1000) };
  }

  csrfToken(binding: string): string {
    return this.#mac(`csrf:${binding}`);
  }

  verifyCsrf(binding: string, token: unknown): boolean {
    return typeof token === 'string' && equal(token, this.csrfToken(binding));
  }

  /** `value` (URL-safe text) with a MAC over it and its purpose: readable, but not changeable. */
  seal(purpose: SealPurpose, value: string): string {
    return `${value}.${this.#mac(`seal:${purpose}:${value}`)}`;
  }

  /** The sealed value, or null when it was changed, sealed for another purpose or is not a sealed value at all. */
  unseal(purpose: SealPurpose, sealed: string): string | null {
    const dot = sealed.lastIndexOf('.');
    if (dot <= 0) return null;
    const value = sealed.slice(0, dot);
    return equal(sealed.slice(dot + 1), this.#mac(`seal:${purpose}:${value}`)) ? value : null;
  }

  /**
   * The secret part of a stage's stream key for one generation (ADR 016):
   * derived, never stored, so rotating is a counter and a leaked database
   * dump holds no key.
   */
  streamKeyMac(stageId: string, generation: number): string {
    return this.#mac(`stream-key:${stageId}:${generation}`).slice(0, 32);
  }

  /** 32 bytes for one use (HKDF-SHA-256 of the instance secret, the use as info): an encryption key that never leaves the process. */
  derivedKey(use: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#secret, Buffer.alloc(0), use, 32));
  }

  #mac(message: string): string {
    return createHmac('sha256', this.#secret).update(message).digest('base64url');
  }
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** 32 random bytes, URL-safe: session tokens and visitor cookies. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of a token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whole seconds, so a signed expiry and the stored one agree. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
