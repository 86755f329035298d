/** The one-time links that create the first administrator. */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';
import { toLinkRecord, type LinkRecord } from './linkRecord.js';

export class SetupTokenRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(token: LinkRecord, now: Date): Promise<void> {
    await this.db
      .insertInto('setup_token')
      .values({ id: token.id, token_hash: token.tokenHash, created_at: now, expires_at: token.expiresAt })
      .execute();
  }

  async find(id: string): Promise<LinkRecord | null> {
    const row = await this.db
      .selectFrom('setup_token')
      .select(['id', 'token_hash', 'expires_at', 'used_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toLinkRecord(row) : null;
  }

  /** The newest link that is neither used nor expired. */
  async current(now: Date): Promise<LinkRecord | null> {
    const row = await this.db
      .selectFrom('setup_token')
      .select(['id', 'token_hash', 'expires_at', 'used_at'])
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('expires_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toLinkRecord(row) : null;
  }

  async markUsed(id: string, usedBy: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('setup_token')
      .set({ used_at: now, used_by: usedBy })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
