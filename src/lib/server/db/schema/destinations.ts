/** Row types of outside destinations (migration 009), as Kysely sees them. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DestinationTable {
  id: string;
  stage_id: string;
  edition_id: string;
  name: string;
  url: string;
  /** `v1.<nonce>.<ciphertext+tag>` (secretBox.ts); never the key itself. */
  stream_key_sealed: string;
  key_last4: string;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  position: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface DestinationTables {
  destination: DestinationTable;
}
