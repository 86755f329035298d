/**
 * Changes to sessions, each in one transaction with its audit entry, under
 * optimistic concurrency: a write names the version it was based on, and a
 * stale write gets the current record back instead of overwriting it.
 * Deleting is soft; restore brings the session back as it was.
 */
import { sql, type Kysely } from 'kysely';
import type { AuditAction } from '../../domain/editing/audit.js';
import type { SessionValues } from '../../domain/editing/sessionInput.js';
import type { PublicationState, Session } from '../../domain/programme.js';
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

export type { EditOutcome };
export type Actor = EditActor;

/** Sessions as versioned records: locked and read within their edition. */
const sessionRecords: VersionedRecords<Session> = {
  recordType: 'session',
  async lock(tx, scope, id) {
    const row = await tx
      .selectFrom('session')
      .select(['version', 'deleted_at'])
      .where('id', '=', id)
      .where('edition_id', '=', scope.editionId)
      .forUpdate()
      .executeTakeFirst();
    return row && { version: row.version, isDeleted: row.deleted_at !== null };
  },
  read: (db, scope, id, deleted) => findSession(db, scope.editionId, id, deleted),
  async markChanged(tx, id, actor) {
    await tx
      .updateTable('session')
      .set({ version: sql`version + 1`, updated_at: new Date(), updated_by: actor.accountId })
      .where('id', '=', id)
      .execute();
  },
  comparable
};

export class SessionEditRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async find(
    editionId: string,
    sessionId: string,
    options: { includeDeleted?: boolean } = {}
  ): Promise<Session | null> {
    return findSession(this.db, editionId, sessionId, options.includeDeleted ?? false);
  }

  async listDeleted(editionId: string): Promise<Session[]> {
    const rows = await this.db
      .selectFrom('session')
      .select('id')
      .where('edition_id', '=', editionId)
      .where('deleted_at', 'is not', null)
      .orderBy('deleted_at', 'desc')
      .execute();
    const sessions = await Promise.all(rows.map((r) => findSession(this.db, editionId, r.id, true)));
    return sessions.filter((s): s is Session => s !== null);
  }

  async create(editionId: string, values: SessionValues, actor: Actor): Promise<Session> {
    return this.db.transaction().execute(async (tx) => {
      const id = await freshSessionId(tx, values.title);
      await tx
        .insertInto('session')
        .values({
          id,
          edition_id: editionId,
          day_id: values.dayId,
          stage_id: values.stageId,
          kind: values.kind,
          title: JSON.stringify(values.title),
          summary: JSON.stringify(values.summary),
          starts_at: values.startsAt,
          ends_at: values.endsAt,
          zone: values.zone,
          position: await nextPosition(tx, values.dayId),
          state: 'draft',
          is_illustrative: values.isIllustrative,
          updated_by: actor.accountId
        })
        .execute();
      await replaceChannels(tx, id, values.channelIds);
      return recordCreation(tx, sessionRecords, { editionId }, id, actor);
    });
  }

  update(
    editionId: string,
    sessionId: string,
    baseVersion: number,
    values: SessionValues,
    actor: Actor
  ): Promise<EditOutcome<Session>> {
    return this.change(editionId, sessionId, baseVersion, actor, async (tx, current) => {
      const action: AuditAction = current.dayId !== values.dayId ? 'move' : 'update';
      // A session moved to another day joins the end of that day's running order.
      const position = action === 'move' ? await nextPosition(tx, values.dayId) : current.position;
      await tx
        .updateTable('session')
        .set({
          day_id: values.dayId,
          position,
          stage_id: values.stageId,
          kind: values.kind,
          title: JSON.stringify(values.title),
          summary: JSON.stringify(values.summary),
          starts_at: values.startsAt,
          ends_at: values.endsAt,
          zone: values.zone,
          is_illustrative: values.isIllustrative
        })
        .where('id', '=', sessionId)
        .execute();
      await replaceChannels(tx, sessionId, values.channelIds);
      return action;
    });
  }

  setState(
    editionId: string,
    sessionId: string,
    baseVersion: number,
    state: PublicationState,
    actor: Actor
  ): Promise<EditOutcome<Session>> {
    return this.change(editionId, sessionId, baseVersion, actor, async (tx) => {
      await tx.updateTable('session').set({ state }).where('id', '=', sessionId).execute();
      return state === 'published' ? 'publish' : 'unpublish';
    });
  }

  remove(editionId: string, sessionId: string, baseVersion: number, actor: Actor): Promise<EditOutcome<Session>> {
    return this.change(editionId, sessionId, baseVersion, actor, async (tx) => {
      await tx.updateTable('session').set({ deleted_at: new Date() }).where('id', '=', sessionId).execute();
      return 'delete';
    });
  }

  /**
   * Refused with `day_deleted` while the session's day is deleted: it would
   * come back on a day nobody can see. The day's row is locked, so a day
   * deleted at the same moment waits and then finds the restored session.
   */
  async restore(
    editionId: string,
    sessionId: string,
    baseVersion: number,
    actor: Actor
  ): Promise<EditOutcome<Session> | { readonly status: 'day_deleted' }> {
    try {
      return await this.change(
        editionId,
        sessionId,
        baseVersion,
        actor,
        async (tx, current) => {
          const day = await tx
            .selectFrom('day')
            .select('deleted_at')
            .where('id', '=', current.dayId)
            .forUpdate()
            .executeTakeFirst();
          if (!day || day.deleted_at !== null) throw new DayDeleted();
          await tx.updateTable('session').set({ deleted_at: null }).where('id', '=', sessionId).execute();
          return 'restore';
        },
        true
      );
    } catch (error) {
      if (error instanceof DayDeleted) return { status: 'day_deleted' };
      throw error;
    }
  }

  /** Puts a day's sessions in the given order; ids not on that day are refused. */
  async reorder(
    editionId: string,
    dayId: string,
    orderedIds: readonly string[],
    actor: Actor
  ): Promise<'saved' | 'mismatch'> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('session')
        .select(['id', 'position'])
        .where('edition_id', '=', editionId)
        .where('day_id', '=', dayId)
        .where('deleted_at', 'is', null)
        .forUpdate()
        .execute();
      const known = new Set(rows.map((r) => r.id));
      if (orderedIds.length !== known.size || orderedIds.some((id) => !known.has(id))) return 'mismatch';
      const before = rows.sort((a, b) => a.position - b.position).map((r) => r.id);
      for (const [position, id] of orderedIds.entries()) {
        await tx
          .updateTable('session')
          .set({ position, version: sql`version + 1`, updated_at: new Date(), updated_by: actor.accountId })
          .where('id', '=', id)
          .execute();
      }
      await recordAudit(tx, {
        accountId: actor.accountId,
        editionId,
        recordType: 'day',
        recordId: dayId,
        action: 'reorder',
        changes: { sessions: { from: before, to: orderedIds } }
      });
      await touchEdition(tx, editionId);
      return 'saved';
    });
  }

  private change(
    editionId: string,
    sessionId: string,
    baseVersion: number,
    actor: Actor,
    apply: (tx: Tx, current: Session) => Promise<AuditAction>,
    ofDeleted = false
  ): Promise<EditOutcome<Session>> {
    return editVersioned(
      this.db,
      sessionRecords,
      { scope: { editionId }, id: sessionId, baseVersion, ofDeleted },
      actor,
      apply
    );
  }
}

/** Thrown inside a restore to roll it back; never leaves the repository. */
class DayDeleted extends Error {}

/** The fields an organiser edits, for change lists (not version or timestamps). */
function comparable(session: Session): Record<string, unknown> {
  const { version: _version, editionId: _editionId, id: _id, ...rest } = session;
  return rest;
}

async function findSession(
  db: Reader,
  editionId: string,
  sessionId: string,
  deleted: boolean
): Promise<Session | null> {
  const row = await db
    .selectFrom('session')
    .selectAll()
    .where('id', '=', sessionId)
    .where('edition_id', '=', editionId)
    .where('deleted_at', deleted ? 'is not' : 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const channels = await db
    .selectFrom('session_channel')
    .innerJoin('channel', 'channel.id', 'session_channel.channel_id')
    .select('session_channel.channel_id')
    .where('session_channel.session_id', '=', sessionId)
    .where('channel.deleted_at', 'is', null)
    .orderBy('session_channel.channel_id')
    .execute();
  return {
    id: row.id,
    editionId: row.edition_id,
    dayId: row.day_id,
    stageId: row.stage_id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    zone: row.zone,
    position: row.position,
    state: row.state,
    channelIds: channels.map((c) => c.channel_id),
    isIllustrative: row.is_illustrative,
    version: row.version
  };
}

/** The position after the last session of a day (deleted ones included, so a restore never collides). */
async function nextPosition(tx: Tx, dayId: string): Promise<number> {
  const last = await tx
    .selectFrom('session')
    .select(sql<number>`coalesce(max(position), -1)`.as('position'))
    .where('day_id', '=', dayId)
    .executeTakeFirstOrThrow();
  return Number(last.position) + 1;
}

/** Links to deleted channels stay (the form cannot show them), so a restored channel comes back to its sessions. */
async function replaceChannels(tx: Tx, sessionId: string, channelIds: readonly string[]): Promise<void> {
  await tx
    .deleteFrom('session_channel')
    .where('session_id', '=', sessionId)
    .where('channel_id', 'in', tx.selectFrom('channel').select('id').where('deleted_at', 'is', null))
    .execute();
  if (channelIds.length > 0) {
    await tx
      .insertInto('session_channel')
      .values(channelIds.map((channelId) => ({ session_id: sessionId, channel_id: channelId })))
      .execute();
  }
}

/** A readable id from the title, e.g. `open-debate-3fa2c1`. */
function freshSessionId(tx: Tx, title: Readonly<Record<string, string>>): Promise<string> {
  return freshRecordId(
    title,
    'session',
    async (id) => (await tx.selectFrom('session').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}
