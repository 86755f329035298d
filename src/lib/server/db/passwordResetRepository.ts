/** Password reset links: one account each, short-lived, used once. */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';
import { toLinkRecord, type LinkRecord } from './linkRecord.js';

export interface PasswordResetRecord extends LinkRecord {
  readonly accountId: string;
}

export class PasswordResetRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(reset: PasswordResetRecord, now: Date): Promise<void> {
    await this.db
      .insertInto('password_reset')
      .values({
        id: reset.id,
        token_hash: reset.tokenHash,
        account_id: reset.accountId,
        created_at: now,
        expires_at: reset.expiresAt
      })
      .execute();
  }

  async find(id: string): Promise<PasswordResetRecord | null> {
    const row = await this.db
      .selectFrom('password_reset')
      .select(['id', 'token_hash', 'account_id', 'expires_at', 'used_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { ...toLinkRecord(row), accountId: row.account_id } : null;
  }

  /** Links created for the account after `since`. */
  async countSince(accountId: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('password_reset')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('account_id', '=', accountId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async markUsed(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('password_reset')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
