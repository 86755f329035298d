/** Row types of identities at OpenID Connect issuers (migration 004), as Kysely sees them. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AccountIdentityTable {
  id: string;
  account_id: string;
  issuer: string;
  subject: string;
  /** The address the issuer vouched for when the link was made; for people reading the table, never for matching. */
  email: string | null;
  linked_at: Timestamp;
  last_signed_in_at: Timestamp;
}

export interface AccountIdentityTables {
  account_identity: AccountIdentityTable;
}
