/**
 * Brings outbox rows to the hub. Polls every second, and wakes at once when a
 * service calls `afterCommit()`, so events go out promptly while a crash
 * between commit and wake loses nothing (the next poll finds the row).
 * Publishing is at least once: if the hub fails mid-batch the batch is
 * retried, so clients apply events idempotently (they name ids and versions).
 * Published rows are deleted after an hour.
 */
import { OutboxRepository, type OutboxRow } from '../db/outboxRepository.js';
import type { Hub } from './hub.js';

/** Port services use after their transaction commits, to publish promptly. */
export interface LiveEvents {
  afterCommit(): void;
}

export interface OutboxRelayOptions {
  readonly pollMs?: number;
  readonly batchSize?: number;
  /** Published rows older than this are deleted. */
  readonly keepPublishedMs?: number;
  /** How often the deletion runs. */
  readonly cleanupEveryMs?: number;
  readonly onFailure?: (error: unknown, context: string) => void;
}

export class OutboxRelay implements LiveEvents {
  readonly #settings: Required<Omit<OutboxRelayOptions, 'onFailure'>>;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;
  #lastCleanupAt = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly hub: Pick<Hub, 'publish'>,
    private readonly options: OutboxRelayOptions = {}
  ) {
    this.#settings = {
      pollMs: options.pollMs ?? 1_000,
      batchSize: options.batchSize ?? 100,
      keepPublishedMs: options.keepPublishedMs ?? 60 * 60_000,
      cleanupEveryMs: options.cleanupEveryMs ?? 60_000
    };
  }

  start(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setInterval(() => this.afterCommit(), this.#settings.pollMs);
    this.#timer.unref();
    this.afterCommit();
  }

  /** Wakes the relay now; a wake during a run makes it run once more. */
  afterCommit(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#run().finally(() => (this.#running = null));
  }

  /** Publishes everything unpublished now (tests and shutdown); resolves when the table is drained or a batch failed. */
  async drain(): Promise<void> {
    while (this.#running) await this.#running;
    this.#running = this.#run().finally(() => (this.#running = null));
    await this.#running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    while (this.#running) await this.#running;
  }

  async #run(): Promise<void> {
    do {
      this.#again = false;
      try {
        let published: number;
        do {
          published = await this.outbox.publishBatch(this.#settings.batchSize, (rows) => this.#publish(rows));
        } while (published === this.#settings.batchSize && !this.#closed);
        await this.#cleanup();
      } catch (error) {
        this.options.onFailure?.(error, 'outbox relay');
        return;
      }
    } while (this.#again && !this.#closed);
  }

  async #publish(rows: readonly OutboxRow[]): Promise<void> {
    for (const row of rows) {
      try {
        await this.hub.publish(row.channel, row.name, row.data);
      } catch (error) {
        // A row the hub can never take (bad channel or name, too large) must not block the rows after it.
        if (error instanceof RangeError) this.options.onFailure?.(error, `outbox event ${row.id} dropped`);
        else throw error;
      }
    }
  }

  async #cleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.#lastCleanupAt < this.#settings.cleanupEveryMs) return;
    this.#lastCleanupAt = now;
    await this.outbox.deletePublishedBefore(this.#settings.keepPublishedMs);
  }
}
