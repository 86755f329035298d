import { describe, expect, it } from 'vitest';
import { StreamRetry } from './retry.js';

describe('stream retry after a fatal network error', () => {
  it('waits longer after each failure and says "Reconnecting…" only the first time', () => {
    const retry = new StreamRetry(() => 0);
    expect([retry.failed(), retry.failed(), retry.failed()]).toEqual([
      { delayMs: 250, announce: true },
      { delayMs: 500, announce: false },
      { delayMs: 1_000, announce: false }
    ]);
    expect(retry.isReconnecting).toBe(true);
  });

  it('starts over once media arrives, telling once that the stream is back', () => {
    const retry = new StreamRetry(() => 0);
    retry.failed();
    retry.failed();
    expect(retry.recovered()).toBe(true);
    expect(retry.recovered()).toBe(false);
    expect(retry.isReconnecting).toBe(false);
    expect(retry.failed()).toEqual({ delayMs: 250, announce: true });
  });
});
