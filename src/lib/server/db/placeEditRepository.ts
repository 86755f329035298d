/**
 * Changes to an edition's cities and channels: records listed in the order
 * organisers arrange by hand (`position`), each edit in one transaction with
 * its audit entry under optimistic concurrency (see versionedEdit.ts),
 * deleting soft. Both tables share the columns this needs (id, edition_id,
 * position, version, deleted_at); each kind says how its rows are read and
 * written.
 *
 * Moving a record changes only positions, never what the forms edit, so it
 * does not count versions up: an editor with a city's form open can still
 * save it after someone reordered the list.
 */
import { sql, type Kysely } from 'kysely';
import { moveInOrder, type MoveDirection } from '../../domain/editing/runningOrder.js';
import type { LocalizedText } from '../../domain/localizedText.js';
import { recordAudit } from './auditRepository.js';
import type { DatabaseSchema } from './schema.js';
import {
  editVersioned,
  freshRecordId,
  recordCreation,
  touchEdition,
  type EditActor,
  type EditOutcome,
  type Reader,
  type VersionedRecords
} from './versionedEdit.js';

export type PlaceTable = 'city' | 'channel';

/** A city or channel as the console edits it: with the version its form is based on. */
export interface VersionedPlace {
  readonly id: string;
  readonly name: LocalizedText;
  readonly position: number;
  readonly version: number;
}

/** How one kind of place is stored: its table, how a row reads and how values are written. */
export interface PlaceKind<T extends VersionedPlace, V extends { readonly name: LocalizedText }> {
  readonly table: PlaceTable;
  /** Row (all columns) → record. */
  fromRow(row: Record<string, unknown>): T;
  /** Values → the columns the form edits. */
  toColumns(values: V): Record<string, unknown>;
}

export type MoveOutcome = 'saved' | 'unchanged' | 'not_found';

export class PlaceEditRepository<T extends VersionedPlace, V extends { readonly name: LocalizedText }> {
  private readonly records: VersionedRecords<T>;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly kind: PlaceKind<T, V>
  ) {
    // Both tables have these columns; naming one of them keeps Kysely's types for the shared ones.
    const table = kind.table as 'city';
    this.records = {
      recordType: kind.table,
      async lock(tx, scope, id) {
        const row = await tx
          .selectFrom(table)
          .select(['version', 'deleted_at'])
          .where('id', '=', id)
          .where('edition_id', '=', scope.editionId)
          .forUpdate()
          .executeTakeFirst();
        return row && { version: row.version, isDeleted: row.deleted_at !== null };
      },
      read: (db, scope, id, deleted) => this.read(db, scope.editionId, id, deleted),
      async markChanged(tx, id) {
        // Cities and channels keep no updated_at/updated_by: the audit log says who and when.
        await tx
          .updateTable(table)
          .set({ version: sql`version + 1` })
          .where('id', '=', id)
          .execute();
      },
      comparable(record) {
        const {
          version: _version,
          id: _id,
          position: _position,
          editionId: _editionId,
          ...rest
        } = record as T & { editionId?: string };
        return rest;
      }
    };
  }

  private get table(): 'city' {
    return this.kind.table as 'city';
  }

  find(editionId: string, id: string, options: { includeDeleted?: boolean } = {}): Promise<T | null> {
    return this.read(this.db, editionId, id, options.includeDeleted ?? false);
  }

  /** Live records in their order; with `deleted`, the deleted ones, latest deletion first. */
  async list(editionId: string, options: { deleted?: boolean } = {}): Promise<T[]> {
    const deleted = options.deleted ?? false;
    const rows = await this.db
      .selectFrom(this.table)
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('deleted_at', deleted ? 'is not' : 'is', null)
      .$if(deleted, (q) => q.orderBy('deleted_at', 'desc'))
      .$if(!deleted, (q) => q.orderBy('position').orderBy('id'))
      .execute();
    return rows.map((row) => this.kind.fromRow(row));
  }

  /** Adds a record at the end of the edition's list; null when the edition does not exist. */
  async create(editionId: string, values: V, actor: EditActor): Promise<T | null> {
    return this.db.transaction().execute(async (tx) => {
      const edition = await tx
        .selectFrom('edition')
        .select('id')
        .where('id', '=', editionId)
        .where('deleted_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!edition) return null;
      const id = await freshRecordId(values.name, this.kind.table, async (candidate) =>
        Boolean(await tx.selectFrom(this.table).select('id').where('id', '=', candidate).executeTakeFirst())
      );
      const last = await tx
        .selectFrom(this.table)
        .select(sql<number>`coalesce(max(position), -1)`.as('position'))
        .where('edition_id', '=', editionId)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto(this.table)
        .values({
          ...this.kind.toColumns(values),
          id,
          edition_id: editionId,
          position: Number(last.position) + 1
        } as never)
        .execute();
      return recordCreation(tx, this.records, { editionId }, id, actor);
    });
  }

  update(editionId: string, id: string, baseVersion: number, values: V, actor: EditActor): Promise<EditOutcome<T>> {
    return editVersioned(this.db, this.records, { scope: { editionId }, id, baseVersion }, actor, async (tx) => {
      await tx
        .updateTable(this.table)
        .set(this.kind.toColumns(values) as never)
        .where('id', '=', id)
        .execute();
      return 'update';
    });
  }

  remove(editionId: string, id: string, baseVersion: number, actor: EditActor): Promise<EditOutcome<T>> {
    return editVersioned(this.db, this.records, { scope: { editionId }, id, baseVersion }, actor, async (tx) => {
      await tx.updateTable(this.table).set({ deleted_at: new Date() }).where('id', '=', id).execute();
      return 'delete';
    });
  }

  restore(editionId: string, id: string, baseVersion: number, actor: EditActor): Promise<EditOutcome<T>> {
    return editVersioned(
      this.db,
      this.records,
      { scope: { editionId }, id, baseVersion, ofDeleted: true },
      actor,
      async (tx) => {
        await tx.updateTable(this.table).set({ deleted_at: null }).where('id', '=', id).execute();
        return 'restore';
      }
    );
  }

  /**
   * Moves a live record one place up or down the edition's list, reading
   * and writing the order under row locks in one transaction, so two
   * editors moving at once each move from what the other left.
   */
  async move(editionId: string, id: string, direction: MoveDirection, actor: EditActor): Promise<MoveOutcome> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom(this.table)
        .select(['id', 'position'])
        .where('edition_id', '=', editionId)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .orderBy('id')
        .forUpdate()
        .execute();
      const before = rows.map((r) => r.id);
      if (!before.includes(id)) return 'not_found';
      const after = moveInOrder(before, id, direction);
      if (!after) return 'unchanged';
      for (const [position, recordId] of after.entries()) {
        await tx.updateTable(this.table).set({ position }).where('id', '=', recordId).execute();
      }
      await recordAudit(tx, {
        accountId: actor.accountId,
        editionId,
        recordType: this.kind.table,
        recordId: id,
        action: 'reorder',
        changes: { order: { from: before, to: after } }
      });
      await touchEdition(tx, editionId);
      return 'saved';
    });
  }

  private async read(db: Reader, editionId: string, id: string, deleted: boolean): Promise<T | null> {
    const row = await db
      .selectFrom(this.table)
      .selectAll()
      .where('id', '=', id)
      .where('edition_id', '=', editionId)
      .where('deleted_at', deleted ? 'is not' : 'is', null)
      .executeTakeFirst();
    return row ? this.kind.fromRow(row) : null;
  }
}
