/**
 * Changes to an edition's days, each in one transaction with its audit
 * entry, under optimistic concurrency. Deleting is soft and refused while the
 * day still has live sessions; restoring is refused when the edition's dates
 * no longer include the day. Both checks read inside the transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { AuditAction } from '../../domain/editing/audit.js';
import type { DayValues, EditableDay } from '../../domain/editing/dayInput.js';
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
  type Tx,
  type VersionedRecords
} from './versionedEdit.js';

export type DayRefusal = 'day.has_sessions' | 'day.date_has_sessions' | 'day.outside_edition';
export type DayEditOutcome =
  EditOutcome<EditableDay> | { readonly status: 'refused'; readonly code: DayRefusal; readonly count: number };

class Refused extends Error {
  constructor(
    readonly code: DayRefusal,
    readonly count = 0
  ) {
    super(code);
  }
}

const dayRecords: VersionedRecords<EditableDay> = {
  recordType: 'day',
  async lock(tx, scope, id) {
    const row = await tx
      .selectFrom('day')
      .select(['version', 'deleted_at'])
      .where('id', '=', id)
      .where('edition_id', '=', scope.editionId)
      .forUpdate()
      .executeTakeFirst();
    return row && { version: row.version, isDeleted: row.deleted_at !== null };
  },
  read: (db, scope, id, deleted) => findDay(db, scope.editionId, id, deleted),
  async markChanged(tx, id) {
    await tx
      .updateTable('day')
      .set({ version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  },
  comparable(day) {
    const { version: _version, editionId: _editionId, id: _id, ...rest } = day;
    return rest;
  }
};

export class DayEditRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async list(editionId: string, options: { deleted?: boolean } = {}): Promise<EditableDay[]> {
    const rows = await this.db
      .selectFrom('day')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('deleted_at', options.deleted ? 'is not' : 'is', null)
      .orderBy('date')
      .orderBy('position')
      .execute();
    return rows.map(toDay);
  }

  /** A new day after the others of its date. */
  async create(editionId: string, values: DayValues, actor: EditActor): Promise<EditableDay> {
    return this.db.transaction().execute(async (tx) => {
      // Lock the edition so two days added at once get distinct positions.
      await tx.selectFrom('edition').select('id').where('id', '=', editionId).forUpdate().execute();
      const id = await freshRecordId(
        values.title,
        'day',
        async (candidate) =>
          (await tx.selectFrom('day').select('id').where('id', '=', candidate).executeTakeFirst()) !== undefined
      );
      const last = await tx
        .selectFrom('day')
        .select(sql<number>`coalesce(max(position), -1)`.as('position'))
        .where('edition_id', '=', editionId)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('day')
        .values({
          id,
          edition_id: editionId,
          date: values.date,
          title: JSON.stringify(values.title),
          position: Number(last.position) + 1
        })
        .execute();
      return recordCreation(tx, dayRecords, { editionId }, id, actor);
    });
  }

  /** Refused to change the date of a day with live sessions: their instants lie on the old date. */
  update(
    editionId: string,
    dayId: string,
    baseVersion: number,
    values: DayValues,
    actor: EditActor
  ): Promise<DayEditOutcome> {
    return refusable(() =>
      this.change(editionId, dayId, baseVersion, actor, async (tx, current) => {
        if (current.date !== values.date) {
          const live = await liveSessions(tx, dayId);
          if (live > 0) throw new Refused('day.date_has_sessions', live);
        }
        await tx
          .updateTable('day')
          .set({ date: values.date, title: JSON.stringify(values.title) })
          .where('id', '=', dayId)
          .execute();
        return current.date !== values.date ? 'move' : 'update';
      })
    );
  }

  remove(editionId: string, dayId: string, baseVersion: number, actor: EditActor): Promise<DayEditOutcome> {
    return refusable(() =>
      this.change(editionId, dayId, baseVersion, actor, async (tx) => {
        const live = await liveSessions(tx, dayId);
        if (live > 0) throw new Refused('day.has_sessions', live);
        await tx.updateTable('day').set({ deleted_at: new Date() }).where('id', '=', dayId).execute();
        return 'delete';
      })
    );
  }

  restore(editionId: string, dayId: string, baseVersion: number, actor: EditActor): Promise<DayEditOutcome> {
    return refusable(() =>
      this.change(
        editionId,
        dayId,
        baseVersion,
        actor,
        async (tx, current) => {
          const edition = await tx
            .selectFrom('edition')
            .select(['starts_on', 'ends_on'])
            .where('id', '=', editionId)
            .executeTakeFirstOrThrow();
          if (current.date < edition.starts_on || current.date > edition.ends_on)
            throw new Refused('day.outside_edition');
          await tx.updateTable('day').set({ deleted_at: null }).where('id', '=', dayId).execute();
          return 'restore';
        },
        true
      )
    );
  }

  /**
   * Puts the edition's live days in the given order (positions 0…n-1);
   * 'mismatch' when the list is not exactly the live days (one was added or
   * deleted meanwhile).
   */
  async reorder(editionId: string, orderedIds: readonly string[], actor: EditActor): Promise<'saved' | 'mismatch'> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('day')
        .select(['id', 'position', 'date'])
        .where('edition_id', '=', editionId)
        .where('deleted_at', 'is', null)
        .forUpdate()
        .execute();
      const known = new Set(rows.map((r) => r.id));
      if (orderedIds.length !== known.size || orderedIds.some((id) => !known.has(id))) return 'mismatch';
      const before = rows.sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position).map((r) => r.id);
      for (const [position, id] of orderedIds.entries()) {
        await tx
          .updateTable('day')
          .set({ position, version: sql`version + 1` })
          .where('id', '=', id)
          .execute();
      }
      await recordAudit(tx, {
        accountId: actor.accountId,
        editionId,
        recordType: 'edition',
        recordId: editionId,
        action: 'reorder',
        changes: { days: { from: before, to: orderedIds } }
      });
      await touchEdition(tx, editionId);
      return 'saved';
    });
  }

  private change(
    editionId: string,
    dayId: string,
    baseVersion: number,
    actor: EditActor,
    apply: (tx: Tx, current: EditableDay) => Promise<AuditAction>,
    ofDeleted = false
  ): Promise<EditOutcome<EditableDay>> {
    return editVersioned(
      this.db,
      dayRecords,
      { scope: { editionId }, id: dayId, baseVersion, ofDeleted },
      actor,
      apply
    );
  }
}

async function refusable(work: () => Promise<EditOutcome<EditableDay>>): Promise<DayEditOutcome> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { status: 'refused', code: error.code, count: error.count };
    throw error;
  }
}

async function liveSessions(tx: Tx, dayId: string): Promise<number> {
  const row = await tx
    .selectFrom('session')
    .select(sql<number>`count(*)`.as('count'))
    .where('day_id', '=', dayId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function findDay(db: Reader, editionId: string, dayId: string, deleted: boolean): Promise<EditableDay | null> {
  const row = await db
    .selectFrom('day')
    .selectAll()
    .where('id', '=', dayId)
    .where('edition_id', '=', editionId)
    .where('deleted_at', deleted ? 'is not' : 'is', null)
    .executeTakeFirst();
  return row ? toDay(row) : null;
}

function toDay(row: {
  id: string;
  edition_id: string;
  date: string;
  title: Record<string, string>;
  position: number;
  version: number;
}): EditableDay {
  return {
    id: row.id,
    editionId: row.edition_id,
    date: row.date,
    title: row.title,
    position: row.position,
    version: row.version
  };
}
