/** Identities at OpenID Connect issuers and the accounts they are linked to (migration 004). */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

export interface AccountIdentityRecord {
  readonly id: string;
  readonly accountId: string;
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  readonly linkedAt: Date;
  readonly lastSignedInAt: Date;
}

const columns = ['id', 'account_id', 'issuer', 'subject', 'email', 'linked_at', 'last_signed_in_at'] as const;

function toIdentity(row: {
  id: string;
  account_id: string;
  issuer: string;
  subject: string;
  email: string | null;
  linked_at: Date;
  last_signed_in_at: Date;
}): AccountIdentityRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    issuer: row.issuer,
    subject: row.subject,
    email: row.email,
    linkedAt: new Date(row.linked_at),
    lastSignedInAt: new Date(row.last_signed_in_at)
  };
}

export class AccountIdentityRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async find(issuer: string, subject: string): Promise<AccountIdentityRecord | null> {
    const row = await this.db
      .selectFrom('account_identity')
      .select(columns)
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row ? toIdentity(row) : null;
  }

  /** The identity an account has at an issuer, if any (at most one). */
  async ofAccount(accountId: string, issuer: string): Promise<AccountIdentityRecord | null> {
    const row = await this.db
      .selectFrom('account_identity')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('issuer', '=', issuer)
      .executeTakeFirst();
    return row ? toIdentity(row) : null;
  }

  /**
   * Stores a link; false when another sign-in stored a link for this
   * identity or this account at this issuer first (two first sign-ins at
   * once), so the caller decides again on what is stored now.
   */
  async link(identity: Omit<AccountIdentityRecord, 'lastSignedInAt'>): Promise<boolean> {
    const result = await this.db
      .insertInto('account_identity')
      .values({
        id: identity.id,
        account_id: identity.accountId,
        issuer: identity.issuer,
        subject: identity.subject,
        email: identity.email,
        linked_at: identity.linkedAt,
        last_signed_in_at: identity.linkedAt
      })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Every identity linked to an account, oldest link first. */
  async allOfAccount(accountId: string): Promise<AccountIdentityRecord[]> {
    const rows = await this.db
      .selectFrom('account_identity')
      .select(columns)
      .where('account_id', '=', accountId)
      .orderBy('linked_at')
      .orderBy('id')
      .execute();
    return rows.map(toIdentity);
  }

  /** Removes one of the account's own links; false when the account has no such link. */
  async unlink(accountId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('account_identity')
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.db.updateTable('account_identity').set({ last_signed_in_at: now }).where('id', '=', id).execute();
  }
}
