/**
 * For repository and service tests: the live events in the outbox table, as
 * the relay will publish them, and a way to make the outbox unwritable so a
 * test can prove a change and its events are one transaction.
 */
import type { Kysely } from 'kysely';
import type { LiveEvent } from '../outboxRepository.js';
import type { DatabaseSchema } from '../schema.js';

export interface OutboxEvent extends LiveEvent {
  readonly data: Record<string, unknown>;
}

/** Every event written so far, oldest first (published or not). */
export async function outboxEvents(db: Kysely<DatabaseSchema>): Promise<OutboxEvent[]> {
  const rows = await db.selectFrom('outbox_event').select(['channel', 'name', 'data']).orderBy('id').execute();
  return rows.map((row) => ({
    channel: row.channel,
    name: row.name,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>
  }));
}

/** Counts from now on: `since()` returns the events written after the mark was made. */
export async function outboxMark(db: Kysely<DatabaseSchema>): Promise<{ since(): Promise<OutboxEvent[]> }> {
  const seen = (await outboxEvents(db)).length;
  return { since: async () => (await outboxEvents(db)).slice(seen) };
}

/** Runs `work` while the outbox table cannot be written, as when the database refuses the insert. */
export async function withOutboxDown<T>(db: Kysely<DatabaseSchema>, work: () => Promise<T>): Promise<T> {
  await db.schema.alterTable('outbox_event').renameTo('outbox_event_down').execute();
  try {
    return await work();
  } finally {
    await db.schema.alterTable('outbox_event_down').renameTo('outbox_event').execute();
  }
}
