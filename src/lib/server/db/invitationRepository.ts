/** Invitations to take a role on an edition, sent by e-mail, used once. */
import type { Kysely } from 'kysely';
import type { Role } from '../../domain/access/roles.js';
import type { Locale } from '../../i18n/locale.js';
import type { DatabaseSchema } from './schema.js';
import { toLinkRecord, type LinkRecord } from './linkRecord.js';

export interface InvitationRecord extends LinkRecord {
  readonly email: string;
  readonly editionId: string;
  readonly role: Role;
  readonly locale: Locale;
  readonly invitedBy: string | null;
  readonly createdAt: Date;
}

const columns = [
  'id',
  'token_hash',
  'email',
  'edition_id',
  'role',
  'locale',
  'invited_by',
  'created_at',
  'expires_at',
  'used_at'
] as const;

export class InvitationRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(invitation: InvitationRecord): Promise<void> {
    await this.db
      .insertInto('invitation')
      .values({
        id: invitation.id,
        token_hash: invitation.tokenHash,
        email: invitation.email,
        edition_id: invitation.editionId,
        role: invitation.role,
        locale: invitation.locale,
        invited_by: invitation.invitedBy,
        created_at: invitation.createdAt,
        expires_at: invitation.expiresAt
      })
      .execute();
  }

  async find(id: string): Promise<InvitationRecord | null> {
    const row = await this.db.selectFrom('invitation').select(columns).where('id', '=', id).executeTakeFirst();
    return row ? toInvitation(row) : null;
  }

  /** Unused, unexpired invitations on the given editions (all when null), newest first. */
  async pending(editionIds: readonly string[] | null, now: Date): Promise<InvitationRecord[]> {
    if (editionIds !== null && editionIds.length === 0) return [];
    let query = this.db
      .selectFrom('invitation')
      .select(columns)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc');
    if (editionIds !== null) query = query.where('edition_id', 'in', editionIds);
    return (await query.execute()).map(toInvitation);
  }

  /** True for the one caller that used it; false when it was already used. */
  async markUsed(id: string, usedBy: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('invitation')
      .set({ used_at: now, used_by: usedBy })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('invitation').where('id', '=', id).execute();
  }
}

function toInvitation(row: {
  id: string;
  token_hash: string;
  email: string;
  edition_id: string;
  role: Role;
  locale: Locale;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}): InvitationRecord {
  return {
    ...toLinkRecord(row),
    email: row.email,
    editionId: row.edition_id,
    role: row.role,
    locale: row.locale,
    invitedBy: row.invited_by,
    createdAt: new Date(row.created_at)
  };
}
