/** The instance secret: created once by whichever node starts first, then read by all. */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

export class InstanceSecretRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Stores `candidate` unless a secret exists already; returns the one in force. */
  async loadOrCreate(candidate: string): Promise<string> {
    await this.db
      .insertInto('instance_secret')
      .values({ id: 1, secret: candidate })
      .onConflict((c) => c.column('id').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('instance_secret')
      .select('secret')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return row.secret;
  }
}
