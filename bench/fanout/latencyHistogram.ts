/**
 * Delivery latencies in 0.1 ms buckets up to 60 s: a fixed 2.4 MB array per
 * viewer process however many millions of events arrive, merged by the
 * orchestrator (sparse pairs over IPC) and read as percentiles.
 */

const bucketMs = 0.1;
const bucketCount = 600_000;

export class LatencyHistogram {
  readonly #counts = new Uint32Array(bucketCount);
  #total = 0;
  #max = 0;

  record(ms: number): void {
    const bucket = ms <= 0 ? 0 : Math.min(bucketCount - 1, Math.floor(ms / bucketMs));
    this.#counts[bucket] = (this.#counts[bucket] as number) + 1;
    this.#total += 1;
    if (ms > this.#max) this.#max = ms;
  }

  get total(): number {
    return this.#total;
  }

  get maxMs(): number {
    return this.#max;
  }

  reset(): void {
    this.#counts.fill(0);
    this.#total = 0;
    this.#max = 0;
  }

  sparse(): [number, number][] {
    const pairs: [number, number][] = [];
    for (let i = 0; i < bucketCount; i += 1) {
      const count = this.#counts[i] as number;
      if (count > 0) pairs.push([i, count]);
    }
    return pairs;
  }

  merge(pairs: readonly (readonly [number, number])[], maxMs: number): void {
    for (const [bucket, count] of pairs) {
      this.#counts[bucket] = (this.#counts[bucket] as number) + count;
      this.#total += count;
    }
    if (maxMs > this.#max) this.#max = maxMs;
  }

  /** The latency below which `fraction` of the samples fall (upper edge of its bucket), ms; null without samples. */
  percentile(fraction: number): number | null {
    if (this.#total === 0) return null;
    const rank = Math.max(1, Math.ceil(fraction * this.#total));
    let seen = 0;
    for (let i = 0; i < bucketCount; i += 1) {
      seen += this.#counts[i] as number;
      if (seen >= rank) return Math.min((i + 1) * bucketMs, this.#max);
    }
    return this.#max;
  }
}
