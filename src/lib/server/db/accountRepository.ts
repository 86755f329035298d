/**
 * Accounts and their roles per edition. E-mail addresses are kept as typed
 * and matched case-insensitively (one account per address). Also reads the
 * editions the console offers, which the programme owns but accounts refer to.
 */
import { sql, type Kysely } from 'kysely';
import type { RoleGrant } from '../../domain/access/policies.js';
import type { Role } from '../../domain/access/roles.js';
import type { SignInLock } from '../../domain/access/lockout.js';
import type { LocalizedText } from '../../domain/localizedText.js';
import type { Locale } from '../../i18n/locale.js';
import type { DatabaseSchema } from './schema.js';

export interface AccountRecord {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  readonly isAdmin: boolean;
  readonly locale: Locale;
  readonly signInLock: SignInLock;
}

export interface NewAccount {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  readonly isAdmin: boolean;
  readonly locale: Locale;
}

export interface GrantRecord extends RoleGrant {
  readonly id: string;
  readonly accountId: string;
}

export interface ConsoleEdition {
  readonly id: string;
  readonly slug: string;
  readonly title: LocalizedText;
  readonly state: 'draft' | 'published';
}

const accountColumns = [
  'id',
  'email',
  'display_name',
  'password_hash',
  'is_admin',
  'locale',
  'failed_sign_ins',
  'locked_until'
] as const;

type AccountRow = {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_admin: boolean;
  locale: Locale;
  failed_sign_ins: number;
  locked_until: Date | null;
};

function toGrant(row: { id: string; account_id: string; edition_id: string; role: Role }): GrantRecord {
  return { id: row.id, accountId: row.account_id, editionId: row.edition_id, role: row.role };
}

function toAccount(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    isAdmin: row.is_admin,
    locale: row.locale,
    signInLock: {
      failedSignIns: row.failed_sign_ins,
      lockedUntil: row.locked_until ? new Date(row.locked_until) : null
    }
  };
}

export class AccountRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** `forUpdate` locks the row until the transaction ends, so concurrent sign-ins count failures one at a time. */
  async findByEmail(email: string, options: { forUpdate?: boolean } = {}): Promise<AccountRecord | null> {
    const row = await this.db
      .selectFrom('account')
      .select(accountColumns)
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .$if(options.forUpdate === true, (q) => q.forUpdate())
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async findById(id: string): Promise<AccountRecord | null> {
    const row = await this.db.selectFrom('account').select(accountColumns).where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async create(account: NewAccount, now: Date): Promise<void> {
    await this.db
      .insertInto('account')
      .values({
        id: account.id,
        email: account.email,
        display_name: account.displayName,
        password_hash: account.passwordHash,
        is_admin: account.isAdmin,
        locale: account.locale,
        created_at: now,
        updated_at: now
      })
      .execute();
  }

  /** A new password also lifts any lock. */
  async setPassword(id: string, passwordHash: string, now: Date): Promise<void> {
    await this.db
      .updateTable('account')
      .set({
        password_hash: passwordHash,
        failed_sign_ins: 0,
        locked_until: null,
        updated_at: now,
        version: sql`version + 1`
      })
      .where('id', '=', id)
      .execute();
  }

  async setSignInLock(id: string, lock: SignInLock): Promise<void> {
    await this.db
      .updateTable('account')
      .set({ failed_sign_ins: lock.failedSignIns, locked_until: lock.lockedUntil })
      .where('id', '=', id)
      .execute();
  }

  async hasAdministrator(): Promise<boolean> {
    const row = await this.db
      .selectFrom('account')
      .select('id')
      .where('is_admin', '=', true)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async list(): Promise<AccountRecord[]> {
    const rows = await this.db
      .selectFrom('account')
      .select(accountColumns)
      .orderBy(sql`lower(email)`)
      .execute();
    return rows.map(toAccount);
  }

  async grantsOf(accountId: string): Promise<GrantRecord[]> {
    return (await this.grantQuery().where('account_id', '=', accountId).execute()).map(toGrant);
  }

  /** Every grant on the given editions (all editions when `editionIds` is null). */
  async grantsOn(editionIds: readonly string[] | null): Promise<GrantRecord[]> {
    if (editionIds !== null && editionIds.length === 0) return [];
    const query = editionIds === null ? this.grantQuery() : this.grantQuery().where('edition_id', 'in', editionIds);
    return (await query.execute()).map(toGrant);
  }

  async findGrant(id: string): Promise<GrantRecord | null> {
    const row = await this.grantQuery().where('id', '=', id).executeTakeFirst();
    return row ? toGrant(row) : null;
  }

  /** Adding a role someone already has changes nothing. */
  async addGrant(grant: GrantRecord, grantedBy: string | null, now: Date): Promise<void> {
    await this.db
      .insertInto('role_grant')
      .values({
        id: grant.id,
        account_id: grant.accountId,
        edition_id: grant.editionId,
        role: grant.role,
        granted_by: grantedBy,
        created_at: now
      })
      .onConflict((c) => c.columns(['account_id', 'edition_id', 'role']).doNothing())
      .execute();
  }

  async deleteGrant(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('role_grant').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async editions(): Promise<ConsoleEdition[]> {
    return this.db
      .selectFrom('edition')
      .select(['id', 'slug', 'title', 'state'])
      .where('deleted_at', 'is', null)
      .orderBy('starts_on', 'desc')
      .execute();
  }

  async edition(id: string): Promise<ConsoleEdition | null> {
    const row = await this.db
      .selectFrom('edition')
      .select(['id', 'slug', 'title', 'state'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ?? null;
  }

  private grantQuery() {
    return this.db.selectFrom('role_grant').select(['id', 'account_id', 'edition_id', 'role']).orderBy('created_at');
  }
}
