/**
 * Every sign-in attempt with its client address and e-mail, so rate limits
 * hold across app nodes. Rows older than a day are pruned as new ones arrive.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

export type SignInOutcome = 'failed' | 'locked' | 'rate_limited' | 'succeeded';

export class SignInAttemptRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async record(address: string, email: string, outcome: SignInOutcome, now: Date): Promise<void> {
    await this.db
      .insertInto('sign_in_attempt')
      .values({ address, email: email.toLowerCase(), outcome, attempted_at: now })
      .execute();
  }

  /** Times of failed attempts from one address since `since`, oldest first. */
  async failuresFromAddress(address: string, since: Date): Promise<Date[]> {
    const rows = await this.db
      .selectFrom('sign_in_attempt')
      .select('attempted_at')
      .where('address', '=', address)
      .where('outcome', '=', 'failed')
      .where('attempted_at', '>', since)
      .orderBy('attempted_at')
      .execute();
    return rows.map((r) => new Date(r.attempted_at));
  }

  /** Times of failed attempts for one e-mail since its last success (and `since`), oldest first. */
  async failuresForEmail(email: string, since: Date): Promise<Date[]> {
    const rows = await this.db
      .selectFrom('sign_in_attempt')
      .select(['attempted_at', 'outcome'])
      .where('email', '=', email.toLowerCase())
      .where('outcome', 'in', ['failed', 'succeeded'])
      .where('attempted_at', '>', since)
      .orderBy('attempted_at')
      .execute();
    const lastSuccess = rows.findLastIndex((r) => r.outcome === 'succeeded');
    return rows.slice(lastSuccess + 1).map((r) => new Date(r.attempted_at));
  }

  async pruneBefore(before: Date): Promise<void> {
    await this.db.deleteFrom('sign_in_attempt').where('attempted_at', '<', before).execute();
  }
}
