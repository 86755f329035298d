/**
 * Sign-in lockout: five failed sign-ins in a row lock the account for 15
 * minutes, counted from the fifth. A success resets the count; once a lock has
 * passed, counting starts again. The same rule is replayed over the recorded
 * failures for an e-mail address nobody has, so an unknown address is
 * answered exactly like a known one.
 */
export const failuresBeforeLock = 5;
export const lockMinutes = 15;

export interface SignInLock {
  readonly failedSignIns: number;
  readonly lockedUntil: Date | null;
}

export const unlocked: SignInLock = { failedSignIns: 0, lockedUntil: null };

export function isLocked(state: SignInLock, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failed sign-in at `now`. */
export function afterFailedSignIn(state: SignInLock, now: Date): SignInLock {
  const current = state.lockedUntil && state.lockedUntil.getTime() <= now.getTime() ? unlocked : state;
  const failed = current.failedSignIns + 1;
  if (failed >= failuresBeforeLock)
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000) };
  return { failedSignIns: failed, lockedUntil: current.lockedUntil };
}

/** The state after a list of failures, oldest first (for addresses without an account). */
export function lockAfterFailures(failures: readonly Date[]): SignInLock {
  return failures.reduce(afterFailedSignIn, unlocked);
}
