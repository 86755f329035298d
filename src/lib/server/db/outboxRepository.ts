/**
 * The outbox table: services add live events inside their transaction
 * (`addToOutbox`); the relay claims unpublished rows in id order, marks them
 * published and deletes old published rows. Claiming locks rows with
 * `FOR UPDATE SKIP LOCKED` (PostgreSQL and PGlite alike), so two relays never
 * publish the same row, and a relay that does not hold the oldest unpublished
 * row backs off, so rows go out in id order.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseSchema } from './schema.js';

/** A live event for the hub: `data` is small (ids, versions, counts); clients refetch what changed. */
export interface LiveEvent {
  readonly channel: string;
  readonly name: string;
  readonly data: unknown;
}

export interface OutboxRow extends LiveEvent {
  readonly id: string;
}

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** Inserts the event in the caller's transaction, so it exists iff the write committed. */
export async function addToOutbox(db: Db, event: LiveEvent): Promise<void> {
  await db
    .insertInto('outbox_event')
    .values({ channel: event.channel, name: event.name, data: JSON.stringify(event.data ?? {}) })
    .execute();
}

export class OutboxRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /**
   * Runs `publish` over the oldest unpublished rows (up to `limit`) in one
   * transaction that holds their locks, then marks them published. Resolves to
   * how many rows went out; 0 when there were none or another relay is
   * publishing older rows right now.
   */
  async publishBatch(limit: number, publish: (rows: readonly OutboxRow[]) => Promise<void>): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('outbox_event')
        .select(['id', 'channel', 'name', 'data'])
        .where('published_at', 'is', null)
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      const first = rows[0];
      if (!first) return 0;
      // Rows older than ours that we could not lock belong to another relay: let it finish first.
      const older = await tx
        .selectFrom('outbox_event')
        .select('id')
        .where('published_at', 'is', null)
        .where('id', '<', first.id)
        .limit(1)
        .executeTakeFirst();
      if (older) return 0;
      const batch = rows.map((row) => ({ id: String(row.id), channel: row.channel, name: row.name, data: row.data }));
      await publish(batch);
      await tx
        .updateTable('outbox_event')
        .set({ published_at: sql<Date>`now()` })
        .where(
          'id',
          'in',
          batch.map((row) => row.id)
        )
        .execute();
      return batch.length;
    });
  }

  /** Deletes rows published more than `ageMs` ago. */
  async deletePublishedBefore(ageMs: number): Promise<number> {
    const result = await this.db
      .deleteFrom('outbox_event')
      .where('published_at', 'is not', null)
      .where('published_at', '<', new Date(Date.now() - ageMs))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Rows not yet published (for tests and metrics). */
  async unpublishedCount(): Promise<number> {
    const row = await this.db
      .selectFrom('outbox_event')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('published_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
