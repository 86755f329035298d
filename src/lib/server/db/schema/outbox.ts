/** Row types of the outbox (migration 005), as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely';

export interface OutboxEventTable {
  id: Generated<string>;
  channel: string;
  name: string;
  data: ColumnType<unknown, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  published_at: ColumnType<Date | null, never, Date | string | null>;
}

export interface OutboxTables {
  outbox_event: OutboxEventTable;
}
