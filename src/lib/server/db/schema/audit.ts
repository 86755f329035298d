/** Row types of the audit log (migration 003), as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely';
import type { AuditAction, FieldChanges } from '../../../domain/editing/audit.js';

export interface AuditEntryTable {
  id: Generated<string>;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
  account_id: string | null;
  edition_id: string | null;
  record_type: string;
  record_id: string;
  action: AuditAction;
  changes: ColumnType<FieldChanges, string, never>;
}

export interface AuditTables {
  audit_entry: AuditEntryTable;
}
