/**
 * Signing in and out. Sign-in is rate limited per client address (20 failed
 * attempts in 10 minutes) and locks an account after 5 failures in a row for
 * 15 minutes; an address without an account gets the very same answers,
 * after the same password-hashing work, so the form never tells whether an
 * address has an account. The password check runs outside any transaction
 * so the embedded database is not held while argon2 works.
 */
import { AccessError, InvalidInputError } from '../../domain/access/accessError.js';
import { afterFailedSignIn, isLocked, lockAfterFailures, unlocked } from '../../domain/access/lockout.js';
import { checkNewPassword } from '../../domain/access/password.js';
import { normaliseEmail } from '../../domain/access/accountDetails.js';
import {
  resolveSession,
  sessionIdleMs,
  startSession,
  type SignedInAccount,
  type SignedInSession,
  type StartedSession
} from './accountSessions.js';
import type { PasswordHasher } from '../auth/passwordHasher.js';
import type { AccessRepositories } from '../db/accessRepositories.js';
import { tokenHash } from '../auth/signer.js';

export const addressAttemptLimit = 20;
export const addressWindowMs = 10 * 60 * 1000;
const attemptsKeptMs = 24 * 60 * 60 * 1000;

export interface SignInRequest {
  readonly email: string;
  readonly password: string;
  /** The client's address, for the per-address limit. */
  readonly address: string;
  /** The token of the session this browser already has, which signing in ends. */
  readonly previousToken: string | null;
}

export class AuthService {
  constructor(
    private readonly repositories: AccessRepositories,
    private readonly hasher: PasswordHasher,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async signIn(request: SignInRequest): Promise<StartedSession> {
    const email = normaliseEmail(request.email);
    const { address } = request;
    const now = this.clock();

    const before = await this.repositories.transaction(async (r) => {
      await r.signInAttempts.pruneBefore(new Date(now.getTime() - attemptsKeptMs));
      const failures = await r.signInAttempts.failuresFromAddress(address, new Date(now.getTime() - addressWindowMs));
      if (failures.length >= addressAttemptLimit) {
        await r.signInAttempts.record(address, email, 'rate_limited', now);
        const oldestCounted = failures[failures.length - addressAttemptLimit] ?? now;
        return { refused: new AccessError('auth.rate_limited', new Date(oldestCounted.getTime() + addressWindowMs)) };
      }
      const account = await r.accounts.findByEmail(email);
      const lock =
        account?.signInLock ??
        lockAfterFailures(await r.signInAttempts.failuresForEmail(email, new Date(now.getTime() - attemptsKeptMs)));
      if (isLocked(lock, now)) {
        await r.signInAttempts.record(address, email, 'locked', now);
        return { refused: new AccessError('auth.locked', lock.lockedUntil) };
      }
      return { account };
    });
    if ('refused' in before) throw before.refused;

    const valid = await this.hasher.verify(before.account?.passwordHash ?? null, request.password);

    const outcome = await this.repositories.transaction(async (r) => {
      const account = before.account ? await r.accounts.findByEmail(email, { forUpdate: true }) : null;
      if (!valid || !account) {
        await r.signInAttempts.record(address, email, 'failed', now);
        const lock = account
          ? afterFailedSignIn(account.signInLock, now)
          : lockAfterFailures(await r.signInAttempts.failuresForEmail(email, new Date(now.getTime() - attemptsKeptMs)));
        if (account) await r.accounts.setSignInLock(account.id, lock);
        return {
          refused: isLocked(lock, now)
            ? new AccessError('auth.locked', lock.lockedUntil)
            : new AccessError('auth.invalid_credentials')
        };
      }
      await r.signInAttempts.record(address, email, 'succeeded', now);
      if (account.signInLock.failedSignIns > 0 || account.signInLock.lockedUntil)
        await r.accounts.setSignInLock(account.id, unlocked);
      await r.sessions.deleteExpired(now, new Date(now.getTime() - sessionIdleMs));
      return { session: await startSession(r, account.id, request.previousToken, now) };
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.session;
  }

  sessionFor(token: string): Promise<SignedInSession | null> {
    return resolveSession(this.repositories, token, this.clock());
  }

  async signOut(token: string): Promise<void> {
    await this.repositories.sessions.deleteByTokenHash(tokenHash(token));
  }

  /** Ends every session of the account, this one included. */
  async signOutEverywhere(account: SignedInAccount): Promise<number> {
    return this.repositories.sessions.deleteAllOf(account.id);
  }

  /**
   * Changes the password after checking the current one; every other session
   * of the account ends and this browser gets a fresh one.
   */
  async changePassword(
    account: SignedInAccount,
    change: { currentPassword: string; newPassword: string; currentToken: string | null }
  ): Promise<StartedSession> {
    const problem = checkNewPassword(change.newPassword);
    if (problem) throw new InvalidInputError({ newPassword: problem });
    const stored = await this.repositories.accounts.findById(account.id);
    if (!(await this.hasher.verify(stored?.passwordHash ?? null, change.currentPassword))) {
      throw new InvalidInputError({ currentPassword: 'auth.wrong_password' });
    }
    const passwordHash = await this.hasher.hash(change.newPassword);
    const now = this.clock();
    return this.repositories.transaction(async (r) => {
      await r.accounts.setPassword(account.id, passwordHash, now);
      await r.sessions.deleteAllOf(account.id);
      return startSession(r, account.id, null, now);
    });
  }
}
