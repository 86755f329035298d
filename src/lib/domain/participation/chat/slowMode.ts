/**
 * Slow mode: a moderator lets each participant send one message every N
 * seconds in a session (0 = off). Pure arithmetic, so the wait a participant
 * is told is the wait the service enforces.
 */

export const slowModeLimits = { maxSeconds: 3600 } as const;

/** Seconds (rounded up) before the participant may send again; 0 when they may send now. */
export function slowModeWaitSeconds(lastPostedAt: Date | null, now: Date, slowModeSeconds: number): number {
  if (slowModeSeconds <= 0 || lastPostedAt === null) return 0;
  const remainingMs = lastPostedAt.getTime() + slowModeSeconds * 1000 - now.getTime();
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0;
}

/** The moderator's slow mode field: a whole number of seconds from 0 to 3600, else null. */
export function readSlowModeSeconds(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\s*\d{1,4}\s*$/.test(raw)) return null;
  const seconds = Number(raw.trim());
  return seconds <= slowModeLimits.maxSeconds ? seconds : null;
}
