import { describe, expect, it } from 'vitest';
import { backoffMaxMs, reconnectDelay } from './backoff.js';

describe('reconnect backoff', () => {
  it('doubles from half a second with half of each delay random', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, 0))).toEqual([250, 500, 1_000, 2_000]);
    expect([0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, 0.999_999))).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('never waits longer than the ceiling, however many attempts failed', () => {
    expect(reconnectDelay(50, 0.999_999)).toBe(backoffMaxMs);
    expect(reconnectDelay(1_000, 0)).toBe(backoffMaxMs / 2);
  });
});
