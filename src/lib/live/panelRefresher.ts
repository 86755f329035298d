/**
 * Coalesces panel refreshes: whatever the number of events, a panel is
 * fetched at most once per `minGapMs`, after a random delay of up to
 * `jitterMs`, so 20k viewers who all receive the same event spread their
 * fetches instead of arriving together. An event during a fetch schedules
 * one more fetch after it; the reader's own action refreshes at once.
 */
import type { Timers } from './timers.js';

interface PanelState {
  scheduled: boolean;
  running: boolean;
  dirty: boolean;
  lastStartAt: number;
}

export class PanelRefresher {
  private readonly panels = new Map<string, PanelState>();

  constructor(
    private readonly fetchPanel: (panel: string) => Promise<void>,
    private readonly timers: Timers,
    private readonly random: () => number = Math.random,
    private readonly minGapMs = 1_000,
    private readonly jitterMs = 1_000
  ) {}

  /** Something changed in the panel: fetch it soon (coalesced). */
  request(panel: string): void {
    const state = this.state(panel);
    if (state.scheduled) return;
    if (state.running) {
      state.dirty = true;
      return;
    }
    const wait =
      Math.max(0, state.lastStartAt + this.minGapMs - this.timers.now()) + Math.floor(this.random() * this.jitterMs);
    state.scheduled = true;
    this.timers.later(() => this.start(panel), wait);
  }

  /** The reader acted in the panel: fetch it now (or right after the fetch under way). */
  refreshNow(panel: string): void {
    const state = this.state(panel);
    if (state.running) {
      state.dirty = true;
      return;
    }
    this.start(panel);
  }

  private start(panel: string): void {
    const state = this.state(panel);
    state.scheduled = false;
    state.running = true;
    state.lastStartAt = this.timers.now();
    const done = () => {
      state.running = false;
      if (state.dirty) {
        state.dirty = false;
        this.request(panel);
      }
    };
    this.fetchPanel(panel).then(done, done);
  }

  private state(panel: string): PanelState {
    let state = this.panels.get(panel);
    if (!state)
      this.panels.set(panel, (state = { scheduled: false, running: false, dirty: false, lastStartAt: -Infinity }));
    return state;
  }
}
