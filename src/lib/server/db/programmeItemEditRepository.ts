/**
 * Changes to a session's programme items and their speakers, each in one
 * transaction with its audit entry, under the same optimistic concurrency
 * as sessions (see versionedEdit.ts). An item is always reached through its
 * session and edition, so an id from elsewhere is simply not found.
 * Deleting is soft; restore brings the item back with its speakers.
 */
import { sql, type Kysely } from 'kysely';
import type { ProgrammeItemValues } from '../../domain/editing/programmeItemInput.js';
import type { ProgrammeItem } from '../../domain/programme.js';
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

/** A programme item as the console edits it: with the version its form is based on. */
export interface VersionedProgrammeItem extends ProgrammeItem {
  readonly version: number;
}

/** The session an item belongs to, within its edition. */
export interface ItemScope {
  readonly editionId: string;
  readonly sessionId: string;
}

const itemRecords: VersionedRecords<VersionedProgrammeItem, ItemScope> = {
  recordType: 'programme_item',
  async lock(tx, scope, id) {
    const row = await tx
      .selectFrom('programme_item')
      .innerJoin('session', 'session.id', 'programme_item.session_id')
      .select(['programme_item.version', 'programme_item.deleted_at'])
      .where('programme_item.id', '=', id)
      .where('programme_item.session_id', '=', scope.sessionId)
      .where('session.edition_id', '=', scope.editionId)
      .forUpdate('programme_item')
      .executeTakeFirst();
    return row && { version: row.version, isDeleted: row.deleted_at !== null };
  },
  read: (db, scope, id, deleted) => findItem(db, scope, id, deleted),
  async markChanged(tx, id) {
    // programme_item keeps no updated_at/updated_by: the audit log says who and when.
    await tx
      .updateTable('programme_item')
      .set({ version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  },
  comparable(item) {
    const { version: _version, id: _id, sessionId: _sessionId, position: _position, ...rest } = item;
    return rest;
  }
};

export class ProgrammeItemEditRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  find(
    scope: ItemScope,
    itemId: string,
    options: { includeDeleted?: boolean } = {}
  ): Promise<VersionedProgrammeItem | null> {
    return findItem(this.db, scope, itemId, options.includeDeleted ?? false);
  }

  /** The session's items in their running order (deleted ones with `deleted`, latest deletion first). */
  async listForSession(scope: ItemScope, options: { deleted?: boolean } = {}): Promise<VersionedProgrammeItem[]> {
    const deleted = options.deleted ?? false;
    const rows = await this.db
      .selectFrom('programme_item')
      .innerJoin('session', 'session.id', 'programme_item.session_id')
      .select('programme_item.id')
      .where('programme_item.session_id', '=', scope.sessionId)
      .where('session.edition_id', '=', scope.editionId)
      .where('programme_item.deleted_at', deleted ? 'is not' : 'is', null)
      .$if(deleted, (q) => q.orderBy('programme_item.deleted_at', 'desc'))
      .$if(!deleted, (q) => q.orderBy('programme_item.position').orderBy('programme_item.id'))
      .execute();
    const items = await Promise.all(rows.map((r) => findItem(this.db, scope, r.id, deleted)));
    return items.filter((i): i is VersionedProgrammeItem => i !== null);
  }

  /** Adds an item at the end of the session's running order; null when the session is not in the edition. */
  async create(
    scope: ItemScope,
    values: ProgrammeItemValues,
    actor: EditActor
  ): Promise<VersionedProgrammeItem | null> {
    return this.db.transaction().execute(async (tx) => {
      const session = await tx
        .selectFrom('session')
        .select('id')
        .where('id', '=', scope.sessionId)
        .where('edition_id', '=', scope.editionId)
        .where('deleted_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!session) return null;
      const id = await freshRecordId(values.title, 'item', async (candidate) =>
        Boolean(await tx.selectFrom('programme_item').select('id').where('id', '=', candidate).executeTakeFirst())
      );
      const last = await tx
        .selectFrom('programme_item')
        .select(sql<number>`coalesce(max(position), -1)`.as('position'))
        .where('session_id', '=', scope.sessionId)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('programme_item')
        .values({
          id,
          session_id: scope.sessionId,
          title: JSON.stringify(values.title),
          summary: JSON.stringify(values.summary),
          starts_at: values.startsAt,
          ends_at: values.endsAt,
          position: Number(last.position) + 1,
          is_illustrative: values.isIllustrative
        })
        .execute();
      await replaceSpeakers(tx, id, values.speakerIds);
      return recordCreation(tx, itemRecords, scope, id, actor);
    });
  }

  update(
    scope: ItemScope,
    itemId: string,
    baseVersion: number,
    values: ProgrammeItemValues,
    actor: EditActor
  ): Promise<EditOutcome<VersionedProgrammeItem>> {
    return editVersioned(this.db, itemRecords, { scope, id: itemId, baseVersion }, actor, async (tx) => {
      await tx
        .updateTable('programme_item')
        .set({
          title: JSON.stringify(values.title),
          summary: JSON.stringify(values.summary),
          starts_at: values.startsAt,
          ends_at: values.endsAt,
          is_illustrative: values.isIllustrative
        })
        .where('id', '=', itemId)
        .execute();
      await replaceSpeakers(tx, itemId, values.speakerIds);
      return 'update';
    });
  }

  remove(
    scope: ItemScope,
    itemId: string,
    baseVersion: number,
    actor: EditActor
  ): Promise<EditOutcome<VersionedProgrammeItem>> {
    return editVersioned(this.db, itemRecords, { scope, id: itemId, baseVersion }, actor, async (tx) => {
      await tx.updateTable('programme_item').set({ deleted_at: new Date() }).where('id', '=', itemId).execute();
      return 'delete';
    });
  }

  restore(
    scope: ItemScope,
    itemId: string,
    baseVersion: number,
    actor: EditActor
  ): Promise<EditOutcome<VersionedProgrammeItem>> {
    return editVersioned(
      this.db,
      itemRecords,
      { scope, id: itemId, baseVersion, ofDeleted: true },
      actor,
      async (tx) => {
        await tx.updateTable('programme_item').set({ deleted_at: null }).where('id', '=', itemId).execute();
        return 'restore';
      }
    );
  }

  /** Puts the session's items in the given order; a list that is not exactly its live items is refused. */
  async reorder(scope: ItemScope, orderedIds: readonly string[], actor: EditActor): Promise<'saved' | 'mismatch'> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('programme_item')
        .innerJoin('session', 'session.id', 'programme_item.session_id')
        .select(['programme_item.id', 'programme_item.position'])
        .where('programme_item.session_id', '=', scope.sessionId)
        .where('session.edition_id', '=', scope.editionId)
        .where('programme_item.deleted_at', 'is', null)
        .forUpdate('programme_item')
        .execute();
      const known = new Set(rows.map((r) => r.id));
      if (
        orderedIds.length !== known.size ||
        new Set(orderedIds).size !== known.size ||
        orderedIds.some((id) => !known.has(id))
      ) {
        return 'mismatch';
      }
      const before = rows.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id)).map((r) => r.id);
      for (const [position, id] of orderedIds.entries()) {
        await tx
          .updateTable('programme_item')
          .set({ position, version: sql`version + 1` })
          .where('id', '=', id)
          .execute();
      }
      await recordAudit(tx, {
        accountId: actor.accountId,
        editionId: scope.editionId,
        recordType: 'session',
        recordId: scope.sessionId,
        action: 'reorder',
        changes: { items: { from: before, to: orderedIds } }
      });
      await touchEdition(tx, scope.editionId);
      return 'saved';
    });
  }
}

async function findItem(
  db: Reader,
  scope: ItemScope,
  itemId: string,
  deleted: boolean
): Promise<VersionedProgrammeItem | null> {
  const row = await db
    .selectFrom('programme_item')
    .innerJoin('session', 'session.id', 'programme_item.session_id')
    .selectAll('programme_item')
    .where('programme_item.id', '=', itemId)
    .where('programme_item.session_id', '=', scope.sessionId)
    .where('session.edition_id', '=', scope.editionId)
    .where('programme_item.deleted_at', deleted ? 'is not' : 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // Deleted speakers are not offered to editors; their links wait for a restore (see replaceSpeakers).
  const speakers = await db
    .selectFrom('programme_item_speaker')
    .innerJoin('speaker', 'speaker.id', 'programme_item_speaker.speaker_id')
    .select('programme_item_speaker.speaker_id')
    .where('programme_item_speaker.programme_item_id', '=', itemId)
    .where('speaker.deleted_at', 'is', null)
    .orderBy('programme_item_speaker.position')
    .execute();
  return {
    id: row.id,
    sessionId: row.session_id,
    title: row.title,
    summary: row.summary,
    startsAt: row.starts_at ? new Date(row.starts_at) : null,
    endsAt: row.ends_at ? new Date(row.ends_at) : null,
    position: row.position,
    speakerIds: speakers.map((s) => s.speaker_id),
    isIllustrative: row.is_illustrative,
    version: row.version
  };
}

/** Replaces the item's live speakers; links to deleted speakers stay, so restoring a speaker puts them back on the item. */
async function replaceSpeakers(tx: Tx, itemId: string, speakerIds: readonly string[]): Promise<void> {
  await tx
    .deleteFrom('programme_item_speaker')
    .where('programme_item_id', '=', itemId)
    .where('speaker_id', 'in', (eb) => eb.selectFrom('speaker').select('id').where('deleted_at', 'is', null))
    .execute();
  if (speakerIds.length > 0) {
    await tx
      .insertInto('programme_item_speaker')
      .values(speakerIds.map((speakerId, position) => ({ programme_item_id: itemId, speaker_id: speakerId, position })))
      .execute();
  }
}
