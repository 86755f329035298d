/** Row types of the account tables (migration 002), as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../../domain/access/roles.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Locale = 'ko' | 'en';

export interface AccountTable {
  id: string;
  email: string;
  display_name: string;
  /** argon2id PHC string; null for accounts that only sign in through single sign-on. */
  password_hash: string | null;
  is_admin: ColumnType<boolean, boolean | undefined, boolean>;
  locale: Locale;
  failed_sign_ins: ColumnType<number, number | undefined, number>;
  locked_until: MaybeTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
}

export interface AccountSessionTable {
  id: string;
  account_id: string;
  token_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface RoleGrantTable {
  id: string;
  account_id: string;
  edition_id: string;
  role: Role;
  granted_by: string | null;
  created_at: Timestamp;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  email: string;
  edition_id: string;
  role: Role;
  locale: Locale;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: MaybeTimestamp;
  used_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PasswordResetTable {
  id: string;
  token_hash: string;
  account_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: MaybeTimestamp;
}

export interface SetupTokenTable {
  id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: MaybeTimestamp;
  used_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InstanceSecretTable {
  id: number;
  secret: string;
  created_at: ColumnType<Date, string | undefined, never>;
}

export interface SignInAttemptTable {
  id: Generated<string>;
  address: string;
  email: string;
  outcome: 'failed' | 'locked' | 'rate_limited' | 'succeeded';
  attempted_at: Timestamp;
}

/** Tables of accounts and access (migration 002). */
export interface AccountTables {
  account: AccountTable;
  account_session: AccountSessionTable;
  role_grant: RoleGrantTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  setup_token: SetupTokenTable;
  instance_secret: InstanceSecretTable;
  sign_in_attempt: SignInAttemptTable;
}
