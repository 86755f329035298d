/**
 * Outside destinations of a stage: listed for the console and for the
 * simulcast, added, edited (a new key optional), removed softly. Every
 * change is one transaction with its audit entry, like other console edits;
 * the audit names the key only by its last four characters. Keys arrive and
 * leave sealed: this repository never sees one in clear.
 */
import type { Kysely, Selectable } from 'kysely';
import type { LocalizedText } from '../../domain/localizedText.js';
import type { DatabaseSchema } from './schema.js';
import type { DestinationTable } from './schema/destinations.js';
import {
  editVersioned,
  freshRecordId,
  recordCreation,
  type EditActor,
  type EditOutcome,
  type Reader,
  type Tx,
  type VersionedRecords
} from './versionedEdit.js';

export const destinationRecordType = 'destination';

export interface StoredDestination {
  readonly id: string;
  readonly stageId: string;
  readonly editionId: string;
  readonly name: string;
  readonly url: string;
  readonly keyLast4: string;
  readonly enabled: boolean;
  readonly position: number;
  readonly version: number;
}

/** A key as stored: sealed, and the last four characters the console shows. */
export interface SealedKey {
  readonly sealed: string;
  readonly last4: string;
}

export interface DestinationWrite {
  readonly name: string;
  readonly url: string;
  readonly enabled: boolean;
  /** Null on an edit that keeps the stored key; required to add. */
  readonly key: SealedKey | null;
}

/** The stage a console page is about, found by the edition's slug and the stage's id. */
export interface DestinationStageRef {
  readonly editionId: string;
  readonly editionSlug: string;
  readonly editionTitle: LocalizedText;
  readonly defaultLocale: string;
  readonly stageId: string;
  readonly stageName: LocalizedText;
}

export interface DestinationScope {
  readonly editionId: string;
  readonly stageId: string;
}

/** What the simulcast needs of an enabled destination; the key still sealed. */
export interface SealedDestination {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly streamKeySealed: string;
}

function toDestination(row: Selectable<DestinationTable>): StoredDestination {
  return {
    id: row.id,
    stageId: row.stage_id,
    editionId: row.edition_id,
    name: row.name,
    url: row.url,
    keyLast4: row.key_last4,
    enabled: row.enabled,
    position: row.position,
    version: row.version
  };
}

const records: VersionedRecords<StoredDestination, DestinationScope> = {
  recordType: destinationRecordType,
  async lock(tx, scope, id) {
    const row = await tx
      .selectFrom('destination')
      .select(['version', 'deleted_at'])
      .where('id', '=', id)
      .where('edition_id', '=', scope.editionId)
      .where('stage_id', '=', scope.stageId)
      .forUpdate()
      .executeTakeFirst();
    return row && { version: row.version, isDeleted: row.deleted_at !== null };
  },
  async read(db: Reader, scope, id, deleted) {
    let query = db
      .selectFrom('destination')
      .selectAll()
      .where('id', '=', id)
      .where('edition_id', '=', scope.editionId)
      .where('stage_id', '=', scope.stageId);
    query = deleted ? query.where('deleted_at', 'is not', null) : query.where('deleted_at', 'is', null);
    const row = await query.executeTakeFirst();
    return row ? toDestination(row) : null;
  },
  async markChanged(tx: Tx, id: string) {
    await tx
      .updateTable('destination')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .execute();
  },
  // The key is compared by its last four characters: the audit log must never hold the key.
  comparable: (d) => ({ name: d.name, url: d.url, enabled: d.enabled, streamKey: `…${d.keyLast4}` })
};

export class DestinationRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** The stage of a live (not deleted) edition, or null. */
  async findStage(editionSlug: string, stageId: string): Promise<DestinationStageRef | null> {
    const row = await this.db
      .selectFrom('stage')
      .innerJoin('edition', 'edition.id', 'stage.edition_id')
      .select([
        'edition.id as editionId',
        'edition.slug as editionSlug',
        'edition.title as editionTitle',
        'edition.default_locale as defaultLocale',
        'stage.id as stageId',
        'stage.name as stageName'
      ])
      .where('edition.slug', '=', editionSlug)
      .where('edition.deleted_at', 'is', null)
      .where('stage.id', '=', stageId)
      .where('stage.deleted_at', 'is', null)
      .executeTakeFirst();
    return row ?? null;
  }

  async listByStage(stageId: string): Promise<StoredDestination[]> {
    const rows = await this.db
      .selectFrom('destination')
      .selectAll()
      .where('stage_id', '=', stageId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map(toDestination);
  }

  async listByEdition(editionId: string): Promise<StoredDestination[]> {
    const rows = await this.db
      .selectFrom('destination')
      .selectAll()
      .where('edition_id', '=', editionId)
      .where('deleted_at', 'is', null)
      .orderBy('stage_id')
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map(toDestination);
  }

  /** The stage's enabled destinations with their sealed keys, for the simulcast to unseal. */
  async enabledSealed(stageId: string): Promise<SealedDestination[]> {
    return this.db
      .selectFrom('destination')
      .select(['id', 'name', 'url', 'stream_key_sealed as streamKeySealed'])
      .where('stage_id', '=', stageId)
      .where('enabled', '=', true)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /** Adds a destination at the end of the stage's list. */
  async add(
    scope: DestinationScope,
    values: DestinationWrite & { readonly key: SealedKey },
    actor: EditActor
  ): Promise<StoredDestination> {
    return this.db.transaction().execute(async (tx) => {
      const id = await freshRecordId(
        { en: values.name },
        'destination',
        async (candidate) =>
          (await tx.selectFrom('destination').select('id').where('id', '=', candidate).executeTakeFirst()) !== undefined
      );
      const last = await tx
        .selectFrom('destination')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('stage_id', '=', scope.stageId)
        .executeTakeFirst();
      await tx
        .insertInto('destination')
        .values({
          id,
          stage_id: scope.stageId,
          edition_id: scope.editionId,
          name: values.name,
          url: values.url,
          stream_key_sealed: values.key.sealed,
          key_last4: values.key.last4,
          enabled: values.enabled,
          position: (last?.position ?? -1) + 1
        })
        .execute();
      return recordCreation(tx, records, scope, id, actor);
    });
  }

  /** Changes name, URL and enabled, and the key when a new one is given; refused when `baseVersion` is stale. */
  update(
    scope: DestinationScope,
    id: string,
    baseVersion: number,
    values: DestinationWrite,
    actor: EditActor
  ): Promise<EditOutcome<StoredDestination>> {
    return editVersioned(this.db, records, { scope, id, baseVersion }, actor, async (tx) => {
      await tx
        .updateTable('destination')
        .set({
          name: values.name,
          url: values.url,
          enabled: values.enabled,
          ...(values.key ? { stream_key_sealed: values.key.sealed, key_last4: values.key.last4 } : {})
        })
        .where('id', '=', id)
        .execute();
      return 'update';
    });
  }

  setEnabled(
    scope: DestinationScope,
    id: string,
    baseVersion: number,
    enabled: boolean,
    actor: EditActor
  ): Promise<EditOutcome<StoredDestination>> {
    return editVersioned(this.db, records, { scope, id, baseVersion }, actor, async (tx) => {
      await tx.updateTable('destination').set({ enabled }).where('id', '=', id).execute();
      return 'update';
    });
  }

  remove(
    scope: DestinationScope,
    id: string,
    baseVersion: number,
    actor: EditActor
  ): Promise<EditOutcome<StoredDestination>> {
    return editVersioned(this.db, records, { scope, id, baseVersion }, actor, async (tx) => {
      await tx.updateTable('destination').set({ deleted_at: new Date() }).where('id', '=', id).execute();
      return 'delete';
    });
  }
}
