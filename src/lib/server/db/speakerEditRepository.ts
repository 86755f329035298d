/**
 * Changes to an edition's speakers, each in one transaction with its audit
 * entry, under optimistic concurrency (see versionedEdit.ts). Deleting is
 * soft: a deleted speaker keeps their links to programme items, which the
 * programme no longer loads, so restoring brings them back where they spoke.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { SpeakerValues } from '../../domain/editing/speakerInput.js';
import type { Speaker } from '../../domain/programme.js';
import type { DatabaseSchema, SpeakerTable } from './schema.js';
import {
  editVersioned,
  freshRecordId,
  recordCreation,
  type EditActor,
  type EditOutcome,
  type Reader,
  type VersionedRecords
} from './versionedEdit.js';

export type VersionedSpeaker = Speaker & { readonly version: number };

const speakerRecords: VersionedRecords<VersionedSpeaker> = {
  recordType: 'speaker',
  async lock(tx, scope, id) {
    const row = await tx
      .selectFrom('speaker')
      .select(['version', 'deleted_at'])
      .where('id', '=', id)
      .where('edition_id', '=', scope.editionId)
      .forUpdate()
      .executeTakeFirst();
    return row && { version: row.version, isDeleted: row.deleted_at !== null };
  },
  read: (db, scope, id, deleted) => findSpeaker(db, scope.editionId, id, deleted),
  async markChanged(tx, id) {
    // The speaker table keeps no editor or time of change; the audit entry does.
    await tx
      .updateTable('speaker')
      .set({ version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  },
  comparable(speaker) {
    const { version: _version, editionId: _editionId, id: _id, ...rest } = speaker;
    return rest;
  }
};

export class SpeakerEditRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  find(editionId: string, speakerId: string, options: { deleted?: boolean } = {}): Promise<VersionedSpeaker | null> {
    return findSpeaker(this.db, editionId, speakerId, options.deleted ?? false);
  }

  /** Live speakers by id, or the deleted ones latest first. */
  async list(editionId: string, options: { deleted?: boolean } = {}): Promise<VersionedSpeaker[]> {
    const deleted = options.deleted ?? false;
    const rows = await this.db
      .selectFrom('speaker')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('deleted_at', deleted ? 'is not' : 'is', null)
      .$if(deleted, (q) => q.orderBy('deleted_at', 'desc'))
      .orderBy('id')
      .execute();
    return rows.map(toSpeaker);
  }

  async create(editionId: string, values: SpeakerValues, actor: EditActor): Promise<VersionedSpeaker> {
    return this.db.transaction().execute(async (tx) => {
      const id = await freshRecordId(
        values.name,
        'speaker',
        async (candidate) =>
          (await tx.selectFrom('speaker').select('id').where('id', '=', candidate).executeTakeFirst()) !== undefined
      );
      await tx
        .insertInto('speaker')
        .values({ id, edition_id: editionId, ...columns(values), photo_url: null })
        .execute();
      return recordCreation(tx, speakerRecords, { editionId }, id, actor);
    });
  }

  update(
    editionId: string,
    speakerId: string,
    baseVersion: number,
    values: SpeakerValues,
    actor: EditActor
  ): Promise<EditOutcome<VersionedSpeaker>> {
    return editVersioned(
      this.db,
      speakerRecords,
      { scope: { editionId }, id: speakerId, baseVersion },
      actor,
      async (tx) => {
        await tx.updateTable('speaker').set(columns(values)).where('id', '=', speakerId).execute();
        return 'update';
      }
    );
  }

  /** Sets (a path on this site) or clears (null) the speaker's photo. */
  setPhoto(
    editionId: string,
    speakerId: string,
    baseVersion: number,
    photoUrl: string | null,
    actor: EditActor
  ): Promise<EditOutcome<VersionedSpeaker>> {
    return editVersioned(
      this.db,
      speakerRecords,
      { scope: { editionId }, id: speakerId, baseVersion },
      actor,
      async (tx) => {
        await tx.updateTable('speaker').set({ photo_url: photoUrl }).where('id', '=', speakerId).execute();
        return 'update';
      }
    );
  }

  remove(
    editionId: string,
    speakerId: string,
    baseVersion: number,
    actor: EditActor
  ): Promise<EditOutcome<VersionedSpeaker>> {
    return editVersioned(
      this.db,
      speakerRecords,
      { scope: { editionId }, id: speakerId, baseVersion },
      actor,
      async (tx) => {
        await tx.updateTable('speaker').set({ deleted_at: new Date() }).where('id', '=', speakerId).execute();
        return 'delete';
      }
    );
  }

  restore(
    editionId: string,
    speakerId: string,
    baseVersion: number,
    actor: EditActor
  ): Promise<EditOutcome<VersionedSpeaker>> {
    return editVersioned(
      this.db,
      speakerRecords,
      { scope: { editionId }, id: speakerId, baseVersion, ofDeleted: true },
      actor,
      async (tx) => {
        await tx.updateTable('speaker').set({ deleted_at: null }).where('id', '=', speakerId).execute();
        return 'restore';
      }
    );
  }

  /** Live programme items each speaker of the edition is on, for the console's list (speaker id → count). */
  async itemCounts(editionId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('programme_item_speaker')
      .innerJoin('speaker', 'speaker.id', 'programme_item_speaker.speaker_id')
      .innerJoin('programme_item', 'programme_item.id', 'programme_item_speaker.programme_item_id')
      .select(['programme_item_speaker.speaker_id as speakerId', sql<number>`count(*)`.as('count')])
      .where('speaker.edition_id', '=', editionId)
      .where('programme_item.deleted_at', 'is', null)
      .groupBy('programme_item_speaker.speaker_id')
      .execute();
    return new Map(rows.map((r) => [r.speakerId, Number(r.count)]));
  }
}

function columns(values: SpeakerValues) {
  return {
    name: JSON.stringify(values.name),
    job_title: JSON.stringify(values.jobTitle),
    organisation: JSON.stringify(values.organisation),
    bio: JSON.stringify(values.bio),
    city_id: values.cityId,
    languages: [...values.languages],
    presence: values.presence,
    is_illustrative: values.isIllustrative
  };
}

async function findSpeaker(
  db: Reader,
  editionId: string,
  speakerId: string,
  deleted: boolean
): Promise<VersionedSpeaker | null> {
  const row = await db
    .selectFrom('speaker')
    .selectAll()
    .where('id', '=', speakerId)
    .where('edition_id', '=', editionId)
    .where('deleted_at', deleted ? 'is not' : 'is', null)
    .executeTakeFirst();
  return row ? toSpeaker(row) : null;
}

function toSpeaker(r: Selectable<SpeakerTable>): VersionedSpeaker {
  return {
    id: r.id,
    editionId: r.edition_id,
    name: r.name,
    jobTitle: r.job_title,
    organisation: r.organisation,
    cityId: r.city_id,
    bio: r.bio,
    photoUrl: r.photo_url,
    languages: r.languages,
    presence: r.presence,
    isIllustrative: r.is_illustrative,
    version: r.version
  };
}
