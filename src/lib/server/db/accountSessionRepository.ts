/** Sign-in sessions: a row per signed-in browser, found by the SHA-256 of its cookie token. */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

export interface AccountSessionRecord {
  readonly id: string;
  readonly accountId: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

export class AccountSessionRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(session: AccountSessionRecord, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('account_session')
      .values({
        id: session.id,
        account_id: session.accountId,
        token_hash: tokenHash,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<AccountSessionRecord | null> {
    const row = await this.db
      .selectFrom('account_session')
      .select(['id', 'account_id', 'created_at', 'last_seen_at', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      accountId: row.account_id,
      createdAt: new Date(row.created_at),
      lastSeenAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at)
    };
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.db.updateTable('account_session').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  async deleteByTokenHash(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('account_session').where('token_hash', '=', tokenHash).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('account_session').where('id', '=', id).execute();
  }

  /** Signs an account out everywhere, except (optionally) the session it is using. */
  async deleteAllOf(accountId: string, exceptId: string | null = null): Promise<number> {
    let query = this.db.deleteFrom('account_session').where('account_id', '=', accountId);
    if (exceptId) query = query.where('id', '!=', exceptId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async countOf(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('account_session')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Removes sessions past their absolute expiry or idle since before `idleSince`. */
  async deleteExpired(now: Date, idleSince: Date): Promise<void> {
    await this.db
      .deleteFrom('account_session')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
      .execute();
  }
}
