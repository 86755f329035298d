/** Time as the splicer sees it: the slate, retention and recordings read it; tests pass one they drive. */
export interface SplicerClock {
  now(): Date;
  /** Runs `task` after `ms` milliseconds; returns the function that cancels it. */
  after(ms: number, task: () => void): () => void;
}

export const systemClock: SplicerClock = {
  now: () => new Date(),
  after(ms, task) {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  }
};
