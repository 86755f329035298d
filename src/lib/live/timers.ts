/** The clock and timer the live script's logic uses, passed in so tests drive time themselves. */
export interface Timers {
  now(): number;
  later(task: () => void, ms: number): void;
}

export const browserTimers: Timers = {
  now: () => Date.now(),
  later: (task, ms) => void setTimeout(task, ms)
};
