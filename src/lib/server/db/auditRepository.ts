/**
 * Writes audit entries inside the caller's transaction and reads them back
 * per record or per edition, naming who made each change by the account's
 * current display name.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditAction, AuditEntry, FieldChanges } from '../../domain/editing/audit.js';
import type { DatabaseSchema } from './schema.js';
import type { AuditEntryTable } from './schema/audit.js';

export interface AuditWrite {
  readonly accountId: string | null;
  readonly editionId: string | null;
  readonly recordType: string;
  readonly recordId: string;
  readonly action: AuditAction;
  readonly changes: FieldChanges;
}

export async function recordAudit(tx: Transaction<DatabaseSchema>, entry: AuditWrite): Promise<void> {
  await tx
    .insertInto('audit_entry')
    .values({
      account_id: entry.accountId,
      edition_id: entry.editionId,
      record_type: entry.recordType,
      record_id: entry.recordId,
      action: entry.action,
      changes: JSON.stringify(entry.changes)
    })
    .execute();
}

export class AuditRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  private entries() {
    return this.db
      .selectFrom('audit_entry')
      .leftJoin('account', (join) => join.on(sql<boolean>`account.id::text = audit_entry.account_id`))
      .selectAll('audit_entry')
      .select('account.display_name as account_name');
  }

  async forRecord(recordType: string, recordId: string, limit = 100): Promise<AuditEntry[]> {
    const rows = await this.entries()
      .where('record_type', '=', recordType)
      .where('record_id', '=', recordId)
      .orderBy('audit_entry.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEntry);
  }

  /** The edition's entries, newest first; only of the given record types when some are named. */
  async forEdition(editionId: string, limit = 200, recordTypes: readonly string[] = []): Promise<AuditEntry[]> {
    let query = this.entries().where('edition_id', '=', editionId);
    if (recordTypes.length > 0) query = query.where('record_type', 'in', recordTypes);
    const rows = await query.orderBy('audit_entry.id', 'desc').limit(limit).execute();
    return rows.map(toEntry);
  }
}

function toEntry(r: Selectable<AuditEntryTable> & { account_name: string | null }): AuditEntry {
  return {
    id: String(r.id),
    occurredAt: new Date(r.occurred_at),
    accountId: r.account_id,
    accountName: r.account_name,
    editionId: r.edition_id,
    recordType: r.record_type,
    recordId: r.record_id,
    action: r.action,
    changes: r.changes
  };
}
