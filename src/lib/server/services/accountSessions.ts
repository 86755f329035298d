/**
 * Sign-in sessions. A browser holds a random 32-byte token in the
 * `madang_session` cookie; the database holds only its SHA-256. A session
 * ends after 12 hours without a request or 7 days after sign-in, whichever
 * comes first; signing in always starts a new session and ends the one the
 * browser had (so a planted session id is worthless).
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/access/policies.js';
import type { Locale } from '../../i18n/locale.js';
import type { AccessRepositories } from '../db/accessRepositories.js';
import { randomToken, tokenHash } from '../auth/signer.js';

export const sessionCookieName = 'madang_session';
export const sessionIdleMs = 12 * 60 * 60 * 1000;
export const sessionAbsoluteMs = 7 * 24 * 60 * 60 * 1000;
/** Last-seen is written at most this often, so reading pages does not write on every request. */
const touchEveryMs = 60 * 1000;

/** The signed-in person as routes see them (`locals.account`). */
export interface SignedInAccount extends Actor {
  readonly email: string;
  readonly displayName: string;
  readonly locale: Locale;
}

export interface SignedInSession {
  readonly id: string;
  readonly expiresAt: Date;
  readonly account: SignedInAccount;
}

/** A session just started: the token goes into the cookie and nowhere else. */
export interface StartedSession {
  readonly id: string;
  readonly token: string;
  readonly expiresAt: Date;
}

/** Starts a session for `accountId`, ending the browser's previous one (rotation). */
export async function startSession(
  repositories: AccessRepositories,
  accountId: string,
  previousToken: string | null,
  now: Date
): Promise<StartedSession> {
  if (previousToken) await repositories.sessions.deleteByTokenHash(tokenHash(previousToken));
  const token = randomToken();
  const session = {
    id: randomUUID(),
    accountId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionAbsoluteMs)
  };
  await repositories.sessions.create(session, tokenHash(token));
  return { id: session.id, token, expiresAt: session.expiresAt };
}

/** The live session for a cookie token, or null (an expired session is deleted on the way). */
export async function resolveSession(
  repositories: AccessRepositories,
  token: string,
  now: Date
): Promise<SignedInSession | null> {
  if (token.length < 16 || token.length > 128) return null;
  const session = await repositories.sessions.findByTokenHash(tokenHash(token));
  if (!session) return null;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt.getTime() <= now.getTime() || idleFor >= sessionIdleMs) {
    await repositories.sessions.delete(session.id);
    return null;
  }
  const [account, grants] = await Promise.all([
    repositories.accounts.findById(session.accountId),
    repositories.accounts.grantsOf(session.accountId)
  ]);
  if (!account) return null;
  if (idleFor >= touchEveryMs) await repositories.sessions.touch(session.id, now);
  return {
    id: session.id,
    expiresAt: session.expiresAt,
    account: {
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      isAdmin: account.isAdmin,
      locale: account.locale,
      grants: grants.map((g) => ({ editionId: g.editionId, role: g.role }))
    }
  };
}
