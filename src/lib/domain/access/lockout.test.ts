import { describe, expect, it } from 'vitest';
import { afterFailedSignIn, isLocked, lockAfterFailures, unlocked } from './lockout.js';

const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1, 9, minutes));

describe('sign-in lockout', () => {
  it('locks for 15 minutes at the fifth failure in a row', () => {
    let state = unlocked;
    for (let i = 0; i < 4; i++) state = afterFailedSignIn(state, at(i));
    expect(isLocked(state, at(4))).toBe(false);
    state = afterFailedSignIn(state, at(4));
    expect(state.lockedUntil).toEqual(at(19));
    expect(isLocked(state, at(18))).toBe(true);
    expect(isLocked(state, at(19))).toBe(false);
  });

  it('counts again from one after the lock has passed', () => {
    const locked = lockAfterFailures([at(0), at(1), at(2), at(3), at(4)]);
    const after = afterFailedSignIn(locked, at(20));
    expect(after).toEqual({ failedSignIns: 1, lockedUntil: null });
  });

  it('replays recorded failures to the same answer as the counter', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4)];
    let counted = unlocked;
    for (const failure of failures) counted = afterFailedSignIn(counted, failure);
    expect(lockAfterFailures(failures)).toEqual(counted);
    expect(lockAfterFailures([])).toEqual(unlocked);
  });
});
