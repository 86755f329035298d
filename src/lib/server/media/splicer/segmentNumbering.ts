/**
 * The stage's one numbering: every moment gets a sequence number, the same in
 * every rendition, and numbers only ever go up (segment URLs are cached as
 * immutable). Each encoder run counts its segments from its own index; this
 * maps a run's indices to the stage's numbers.
 */
import type { Logger } from 'pino';
import type { RenditionName } from '../../../domain/broadcast/renditions.js';

export class SegmentNumbering {
  readonly #windowSize: number;
  readonly #log: Logger;
  /** The number the next new moment gets. */
  #nextSeq = 0;
  /** Which encoder run this is; a segment's origin names it. */
  #run = 0;
  /** This encoder run's index → seq, so one moment has one number in every rendition. */
  #runSeqs = new Map<number, number>();
  #runHighestIndex = -1;
  #runLastIndex = new Map<RenditionName, number>();

  constructor(options: { windowSegments: number; log: Logger }) {
    this.#windowSize = options.windowSegments;
    this.#log = options.log;
  }

  get nextSeq(): number {
    return this.#nextSeq;
  }

  get run(): number {
    return this.#run;
  }

  /** Continues from a saved state. */
  restore(nextSeq: number, run: number): void {
    this.#nextSeq = nextSeq;
    this.#run = run;
  }

  /** Numbers a moment no encoder index names (a slate segment). */
  take(): number {
    return this.#nextSeq++;
  }

  /** Numbering goes past `seq` (a segment found on disk): a number is never given twice. */
  passSeq(seq: number): void {
    this.#nextSeq = Math.max(this.#nextSeq, seq + 1);
  }

  /** A new encoder run begins: its indices start again. */
  beginRun(): void {
    this.#run += 1;
    this.#runSeqs.clear();
    this.#runHighestIndex = -1;
    this.#runLastIndex.clear();
  }

  /**
   * The stage-wide number of an encoder segment: the first rendition to
   * deliver an index gives it the next number, the others find it. Indices a
   * rendition skipped still get numbers, so order is kept; an index a
   * rendition already passed means the encoder restarted without telling.
   * Null for an index older than the ones already numbered (too late).
   */
  seqFor(rendition: RenditionName, index: number): number | null {
    const last = this.#runLastIndex.get(rendition);
    if (last !== undefined && index <= last) {
      this.#log.warn({ rendition, index, last }, 'encoder index went back; a new run');
      this.beginRun();
    }
    this.#runLastIndex.set(rendition, index);
    const known = this.#runSeqs.get(index);
    if (known !== undefined) return known;
    if (this.#runHighestIndex >= 0 && index < this.#runHighestIndex) return null;
    const from = this.#runHighestIndex < 0 ? index : this.#runHighestIndex + 1;
    for (let at = from; at <= index; at += 1) this.#runSeqs.set(at, this.#nextSeq++);
    this.#runHighestIndex = index;
    for (const at of this.#runSeqs.keys()) if (at < index - 4 * this.#windowSize) this.#runSeqs.delete(at);
    return this.#runSeqs.get(index) as number;
  }
}
