/**
 * The recent past of one channel: a ring buffer bounded by count and by age,
 * so a client that reconnects can be sent exactly what it missed, in order,
 * and memory stays bounded however busy the channel is.
 */

export interface SequencedEntry {
  readonly seq: number;
  /** When the entry was published, in epoch milliseconds. */
  readonly at: number;
}

export interface HistoryLimits {
  /** Entries kept per channel. */
  readonly maxEntries: number;
  /** Entries older than this are forgotten. */
  readonly maxAgeMs: number;
}

export class ChannelHistory<T extends SequencedEntry> {
  readonly #slots: (T | undefined)[];
  #start = 0;
  #size = 0;

  constructor(readonly limits: HistoryLimits) {
    if (!(limits.maxEntries >= 1)) throw new RangeError('a history keeps at least one entry');
    this.#slots = new Array<T | undefined>(limits.maxEntries);
  }

  get size(): number {
    return this.#size;
  }

  /**
   * Adds the newest entry. The history is always one contiguous run of
   * sequence numbers: an entry that does not follow the newest one (the
   * channel was reset) starts the run afresh.
   */
  append(entry: T): void {
    const newest = this.newest();
    if (newest && entry.seq <= newest.seq) throw new RangeError(`seq ${entry.seq} does not follow ${newest.seq}`);
    if (newest && entry.seq !== newest.seq + 1) this.clear();
    const capacity = this.#slots.length;
    if (this.#size === capacity) {
      this.#slots[this.#start] = entry;
      this.#start = (this.#start + 1) % capacity;
    } else {
      this.#slots[(this.#start + this.#size) % capacity] = entry;
      this.#size += 1;
    }
  }

  /** Forgets entries older than the age limit. */
  prune(nowMs: number): void {
    const oldestAllowed = nowMs - this.limits.maxAgeMs;
    while (this.#size > 0 && (this.#at(0) as T).at < oldestAllowed) {
      this.#slots[this.#start] = undefined;
      this.#start = (this.#start + 1) % this.#slots.length;
      this.#size -= 1;
    }
  }

  clear(): void {
    this.#slots.fill(undefined);
    this.#start = 0;
    this.#size = 0;
  }

  newest(): T | undefined {
    return this.#size === 0 ? undefined : this.#at(this.#size - 1);
  }

  oldest(): T | undefined {
    return this.#size === 0 ? undefined : this.#at(0);
  }

  /**
   * The entries after `seq`, oldest first, when the history still holds all
   * of them up to its newest (entry `seq + 1` is still here and younger than
   * the age limit); null when it does not know that stretch and the client
   * needs a snapshot. An empty list means `seq` is the newest entry.
   */
  after(seq: number, nowMs: number): T[] | null {
    this.prune(nowMs);
    const newest = this.newest();
    const oldest = this.oldest();
    if (!newest || !oldest || seq > newest.seq || seq + 1 < oldest.seq) return null;
    const missed: T[] = [];
    for (let i = seq + 1 - oldest.seq; i < this.#size; i += 1) missed.push(this.#at(i) as T);
    return missed;
  }

  #at(index: number): T | undefined {
    return this.#slots[(this.#start + index) % this.#slots.length];
  }
}
