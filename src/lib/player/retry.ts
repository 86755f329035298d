/**
 * What the player does after a fatal network error of hls.js: try again after
 * a growing, jittered delay (the live script's backoff, so viewers dropped
 * together do not return together), tell the viewer once that it is
 * reconnecting, and once that it is back, never reloading the page.
 */
import { reconnectDelay } from '../live/backoff.js';

export class StreamRetry {
  private attempts = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** A fatal error happened: how long to wait, and whether to say "Reconnecting…" (only the first time). */
  failed(): { delayMs: number; announce: boolean } {
    const delayMs = reconnectDelay(this.attempts, this.random());
    this.attempts += 1;
    return { delayMs, announce: this.attempts === 1 };
  }

  /** Media arrived again: true when this ends a reconnection (say so once). */
  recovered(): boolean {
    const was = this.attempts > 0;
    this.attempts = 0;
    return was;
  }

  get isReconnecting(): boolean {
    return this.attempts > 0;
  }
}
