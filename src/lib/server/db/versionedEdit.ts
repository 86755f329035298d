/**
 * The transaction every edit of a versioned record goes through, whatever
 * the record: lock its row, refuse a write based on a stale version (handing
 * back the current record instead), apply the change, count the version up,
 * write the audit entry with the changed fields, and date the edition. Each
 * repository says how its records are locked, read and compared.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { changedFields, type AuditAction } from '../../domain/editing/audit.js';
import { recordAudit } from './auditRepository.js';
import type { DatabaseSchema } from './schema.js';

export type Tx = Transaction<DatabaseSchema>;
/** Reads run inside a transaction or on the database itself. */
export type Reader = Kysely<DatabaseSchema> | Tx;

export type EditOutcome<T> =
  | { readonly status: 'saved'; readonly record: T }
  | { readonly status: 'conflict'; readonly current: T }
  | { readonly status: 'not_found' };

/** Who made a change, as the audit log keeps it (null for the system itself). */
export interface EditActor {
  readonly accountId: string | null;
}

/** Where a record lives; narrower scopes (a session's items) add to it. */
export interface EditScope {
  readonly editionId: string;
}

/** How one kind of versioned record is locked, read, counted up and compared. */
export interface VersionedRecords<T, S extends EditScope = EditScope> {
  /** `record_type` of its audit entries. */
  readonly recordType: string;
  /** Locks the row until the transaction ends; undefined when the scope has no such record. */
  lock(tx: Tx, scope: S, id: string): Promise<{ readonly version: number; readonly isDeleted: boolean } | undefined>;
  read(db: Reader, scope: S, id: string, deleted: boolean): Promise<T | null>;
  /** Counts the version up (and notes who changed it and when, where the table keeps that). */
  markChanged(tx: Tx, id: string, actor: EditActor): Promise<void>;
  /** The fields an organiser edits, for change lists (not version or timestamps). */
  comparable(record: T): Record<string, unknown>;
}

export interface VersionedChange<S extends EditScope> {
  readonly scope: S;
  readonly id: string;
  /** The version the editor's form was based on. */
  readonly baseVersion: number;
  /** True for changes to a deleted record (restore); everything else needs a live one. */
  readonly ofDeleted?: boolean;
}

/** One edit of an existing record, in one transaction with its audit entry. */
export function editVersioned<T, S extends EditScope>(
  db: Kysely<DatabaseSchema>,
  records: VersionedRecords<T, S>,
  change: VersionedChange<S>,
  actor: EditActor,
  apply: (tx: Tx, current: T) => Promise<AuditAction>
): Promise<EditOutcome<T>> {
  const { scope, id, baseVersion } = change;
  const ofDeleted = change.ofDeleted ?? false;
  return db.transaction().execute(async (tx) => {
    const locked = await records.lock(tx, scope, id);
    if (!locked || locked.isDeleted !== ofDeleted) return { status: 'not_found' } as const;
    const current = (await records.read(tx, scope, id, ofDeleted))!;
    if (locked.version !== baseVersion) return { status: 'conflict', current } as const;
    const action = await apply(tx, current);
    await records.markChanged(tx, id, actor);
    const saved = (await records.read(tx, scope, id, action === 'delete'))!;
    await recordAudit(tx, {
      accountId: actor.accountId,
      editionId: scope.editionId,
      recordType: records.recordType,
      recordId: id,
      action,
      changes: changedFields(records.comparable(current), records.comparable(saved))
    });
    await touchEdition(tx, scope.editionId);
    return { status: 'saved', record: saved } as const;
  });
}

/** After inserting a record inside `tx`: reads it back, logs its creation and dates the edition. */
export async function recordCreation<T, S extends EditScope>(
  tx: Tx,
  records: VersionedRecords<T, S>,
  scope: S,
  id: string,
  actor: EditActor
): Promise<T> {
  const created = (await records.read(tx, scope, id, false))!;
  await recordAudit(tx, {
    accountId: actor.accountId,
    editionId: scope.editionId,
    recordType: records.recordType,
    recordId: id,
    action: 'create',
    changes: changedFields({}, records.comparable(created))
  });
  await touchEdition(tx, scope.editionId);
  return created;
}

/** Exports date themselves by the edition's last change. */
export async function touchEdition(tx: Tx, editionId: string): Promise<void> {
  await tx.updateTable('edition').set({ updated_at: new Date() }).where('id', '=', editionId).execute();
}

/**
 * A readable id from a title (ASCII words), else `fallback`, plus a short
 * random suffix so two records with one title never clash; `isTaken` says
 * whether an id is in use already.
 */
export async function freshRecordId(
  title: Readonly<Record<string, string>>,
  fallback: string,
  isTaken: (id: string) => Promise<boolean>
): Promise<string> {
  const words = (title.en ?? Object.values(title)[0] ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const base = words || fallback;
  for (;;) {
    const id = `${base}-${randomBytes(3).toString('hex')}`;
    if (!(await isTaken(id))) return id;
  }
}
