/**
 * Polite announcements for screen readers, not chatty: at most one per
 * `gapMs` (5 s). What arrives in between replaces what is waiting, so the
 * reader hears the latest summary once the gap has passed, never a queue.
 */
import type { Timers } from './timers.js';

export class Announcer {
  private lastAt = -Infinity;
  private waiting: string | null = null;

  constructor(
    private readonly say: (text: string) => void,
    private readonly timers: Timers,
    private readonly gapMs = 5_000
  ) {}

  announce(text: string): void {
    if (text === '') return;
    const now = this.timers.now();
    if (this.waiting !== null) {
      this.waiting = text;
      return;
    }
    if (now - this.lastAt >= this.gapMs) return this.speak(text, now);
    this.waiting = text;
    this.timers.later(
      () => {
        const waiting = this.waiting;
        this.waiting = null;
        if (waiting !== null) this.speak(waiting, this.timers.now());
      },
      this.lastAt + this.gapMs - now
    );
  }

  private speak(text: string, now: number): void {
    this.lastAt = now;
    this.say(text);
  }
}
