/**
 * How long the live script waits before reconnecting: doubling from half a
 * second up to 30 s, with "equal jitter" (half fixed, half random) so that
 * thousands of viewers dropped at once by a restart do not return at once.
 */
export const backoffBaseMs = 500;
export const backoffMaxMs = 30_000;

/** The delay before reconnect attempt `attempt` (0 for the first), given a random number in [0, 1). */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
