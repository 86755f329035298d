/** Timers for tests of the live script's logic: time moves only when the test says so. */
import type { Timers } from './timers.js';

export class FakeTimers implements Timers {
  #now = 0;
  #tasks: Array<{ at: number; task: () => void }> = [];

  now(): number {
    return this.#now;
  }

  later(task: () => void, ms: number): void {
    this.#tasks.push({ at: this.#now + ms, task });
  }

  get pending(): number {
    return this.#tasks.length;
  }

  /** Moves time forward, running every task that falls due, in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      this.#tasks.sort((a, b) => a.at - b.at);
      const next = this.#tasks[0];
      if (!next || next.at > until) break;
      this.#tasks.shift();
      this.#now = next.at;
      next.task();
    }
    this.#now = until;
  }
}
