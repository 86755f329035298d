/**
 * The slate on one stage: a watchdog notices that the source has been silent
 * for `slateAfterSeconds`, then one slate segment goes into every rendition
 * per slate length, each tick scheduled against the slate's start so timer
 * lateness never adds up. A source segment, going off air or closing stops
 * it. The slate's files are hard links to the one clip per rendition.
 */
import type { Logger } from 'pino';
import type { WindowSegment } from '../../../domain/broadcast/playlists.js';
import { renditionNames, type RenditionName } from '../../../domain/broadcast/renditions.js';
import type { SlateClips } from '../slate.js';
import type { Origin } from './livePlaylists.js';
import type { SplicerClock } from './splicerClock.js';
import { linkFile, liveSegmentUri, segmentPath } from './splicerFiles.js';

export interface SlateInserterOptions {
  /** The stage's folder. */
  readonly dir: string;
  readonly slate: SlateClips;
  readonly clock: SplicerClock;
  readonly slateAfterMs: number;
  readonly log: Logger;
  isOnAir(): boolean;
  /** The number of the next slate segment. */
  takeSeq(): number;
  /** Publishes one segment in one rendition (live window, journal, state). */
  publish(name: RenditionName, added: Omit<WindowSegment, 'discontinuityBefore'> & { origin: Origin }): Promise<void>;
  /** Runs a change on the splicer's queue, after whatever is queued; its failure is logged there. */
  background(work: () => void | Promise<void>): Promise<void>;
}

export class SlateInserter {
  readonly #options: SlateInserterOptions;
  readonly #periodMs: number;
  #lastSourceAt = 0;
  #slating = false;
  #cancelWatchdog: (() => void) | null = null;
  #cancelSlateTick: (() => void) | null = null;
  #closed = false;

  constructor(options: SlateInserterOptions) {
    this.#options = options;
    this.#periodMs = Math.max(...renditionNames.map((name) => options.slate[name].durationSeconds)) * 1000;
  }

  get isSlating(): boolean {
    return this.#slating;
  }

  /** Starts counting silence from now (on air, or back on air after a restart). */
  watchFromNow(): void {
    this.#lastSourceAt = this.#options.clock.now().getTime();
    this.#armWatchdog();
  }

  /** A source segment was published: the slate stops, and silence counts from now. */
  sourceArrived(seq: number): void {
    this.#lastSourceAt = this.#options.clock.now().getTime();
    if (this.#slating) {
      this.#stopSlate();
      this.#options.log.info({ seq }, 'source back; slate stopped');
    }
    this.#armWatchdog();
  }

  /** The source went away; the slate still waits from its last segment, which the encoder flushes after the end. */
  sourceEnded(): void {
    if (!this.#slating) this.#armWatchdog();
  }

  /** Off air: no slate and no watchdog until `watchFromNow`. */
  halt(): void {
    this.#stopSlate();
    this.#cancelWatchdog?.();
    this.#cancelWatchdog = null;
  }

  close(): void {
    this.#closed = true;
    this.halt();
  }

  #armWatchdog(): void {
    this.#cancelWatchdog?.();
    if (this.#closed) return;
    const due = this.#lastSourceAt + this.#options.slateAfterMs - this.#options.clock.now().getTime();
    this.#cancelWatchdog = this.#options.clock.after(Math.max(0, due), () => {
      this.#cancelWatchdog = null;
      void this.#options.background(() => this.#startSlateIfSilent());
    });
  }

  #startSlateIfSilent(): void {
    const { clock, log } = this.#options;
    if (!this.#options.isOnAir() || this.#slating || this.#closed) return;
    const silentMs = clock.now().getTime() - this.#lastSourceAt;
    if (silentMs < this.#options.slateAfterMs) return this.#armWatchdog();
    this.#slating = true;
    log.info({ silentSeconds: silentMs / 1000 }, 'source silent; slate on');
    const startedAt = clock.now().getTime();
    // Each tick is scheduled against the slate's start, not the last tick, so timer lateness never adds up.
    const tick = (count: number): void => {
      this.#cancelSlateTick = null;
      void this.#options.background(async () => {
        if (!this.#slating || this.#closed) return;
        try {
          await this.#insertSlate();
        } finally {
          // A failed tick (a slate file gone) must not end the slate: the next one may work, and the source stops it.
          if (this.#slating && !this.#closed) {
            const due = startedAt + (count + 1) * this.#periodMs - clock.now().getTime();
            this.#cancelSlateTick = clock.after(Math.max(0, due), () => tick(count + 1));
          }
        }
      });
    };
    tick(0);
  }

  #stopSlate(): void {
    this.#slating = false;
    this.#cancelSlateTick?.();
    this.#cancelSlateTick = null;
  }

  async #insertSlate(): Promise<void> {
    const { dir, slate, clock } = this.#options;
    const seq = this.#options.takeSeq();
    const startsAt = clock.now();
    for (const name of renditionNames) {
      await linkFile(slate[name].path, segmentPath(dir, name, seq));
      await this.#options.publish(name, {
        seq,
        uri: liveSegmentUri(name, seq),
        durationSeconds: slate[name].durationSeconds,
        startsAt,
        origin: `slate:${seq}`
      });
    }
  }
}
