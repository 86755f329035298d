/**
 * How long a stage's segment files stay: one that left the live window is
 * deleted `keepSeconds` later unless a recording keeps it, swept every 30 s.
 * After a restart the delete timers are gone, so the files on disk outside
 * every window and recording get a fresh delay.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { WindowSegment } from '../../../domain/broadcast/playlists.js';
import { renditionNames, type RenditionName } from '../../../domain/broadcast/renditions.js';
import type { SplicerClock } from './splicerClock.js';
import { segmentPath, segmentsDir } from './splicerFiles.js';

const sweepEveryMs = 30_000;

export interface SegmentRetentionOptions {
  /** The stage's folder. */
  readonly dir: string;
  readonly clock: SplicerClock;
  readonly keepMs: number;
  /** Whether a recording keeps a segment. */
  isRecorded(seq: number): boolean;
  /** Runs a change on the splicer's queue, after whatever is queued; its failure is logged there. */
  background(work: () => void | Promise<void>): Promise<void>;
}

export class SegmentRetention {
  readonly #options: SegmentRetentionOptions;
  #pendingDeletes = new Map<string, number>();
  #cancelSweep: (() => void) | null = null;
  #closed = false;

  constructor(options: SegmentRetentionOptions) {
    this.#options = options;
  }

  /** Segments that left the window: deleted after `keepSeconds` unless a recording keeps them. */
  forget(name: RenditionName, dropped: readonly WindowSegment[]): void {
    const deleteAt = this.#options.clock.now().getTime() + this.#options.keepMs;
    for (const segment of dropped) {
      if (!this.#options.isRecorded(segment.seq))
        this.#pendingDeletes.set(segmentPath(this.#options.dir, name, segment.seq), deleteAt);
    }
  }

  /**
   * After a restart: schedules every segment file outside the windows and the
   * recordings, and calls `onDisk` with each number found, so numbering goes
   * past them.
   */
  async scheduleOrphans(inWindow: (name: RenditionName) => ReadonlySet<number>, onDisk: (seq: number) => void) {
    const { dir, clock, keepMs, isRecorded } = this.#options;
    const deleteAt = clock.now().getTime() + keepMs;
    for (const name of renditionNames) {
      const windowSeqs = inWindow(name);
      for (const file of await readdir(segmentsDir(dir, name))) {
        const match = /^(\d+)\.ts$/.exec(file);
        if (!match) continue;
        const seq = Number(match[1]);
        onDisk(seq);
        if (!windowSeqs.has(seq) && !isRecorded(seq))
          this.#pendingDeletes.set(join(segmentsDir(dir, name), file), deleteAt);
      }
    }
  }

  /** Starts the sweep; it re-arms itself until `close`. */
  start(): void {
    if (this.#closed) return;
    this.#cancelSweep = this.#options.clock.after(sweepEveryMs, () => {
      void this.#options.background(() => this.#sweep()).then(() => this.start());
    });
  }

  close(): void {
    this.#closed = true;
    this.#cancelSweep?.();
    this.#cancelSweep = null;
  }

  async #sweep(): Promise<void> {
    const now = this.#options.clock.now().getTime();
    for (const [path, at] of this.#pendingDeletes) {
      if (at > now) continue;
      this.#pendingDeletes.delete(path);
      await rm(path, { force: true });
    }
  }
}
