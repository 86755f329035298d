/**
 * Creating and changing editions, each in one transaction with its audit
 * entry, under optimistic concurrency like every other record. A new edition
 * joins the instance's series (one is made when there is none yet). Deleting
 * is soft: a deleted edition leaves the public site and the dashboard until
 * an administrator restores it. Checks that depend on other rows (a slug in
 * use, days outside new dates) run inside the same transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { AuditAction } from '../../domain/editing/audit.js';
import type { EditionValues } from '../../domain/editing/editionInput.js';
import type { Edition, PublicationState } from '../../domain/programme.js';
import type { DatabaseSchema } from './schema.js';
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

/** An edit refused by a rule that reads other rows; `detail` names what is in the way. */
export type EditionEditOutcome =
  | EditOutcome<Edition>
  | { readonly status: 'refused'; readonly code: EditionRefusal; readonly detail: readonly string[] };
export type EditionRefusal = 'edition.slug_taken' | 'edition.days_outside_dates';

/** Thrown inside a transaction to roll it back with a refusal. */
class Refused extends Error {
  constructor(
    readonly code: EditionRefusal,
    readonly detail: readonly string[] = []
  ) {
    super(code);
  }
}

/** Editions as versioned records: an edition is its own scope. */
const editionRecords: VersionedRecords<Edition> = {
  recordType: 'edition',
  async lock(tx, scope, id) {
    const row = await tx
      .selectFrom('edition')
      .select(['version', 'deleted_at'])
      .where('id', '=', id)
      .where('id', '=', scope.editionId)
      .forUpdate()
      .executeTakeFirst();
    return row && { version: row.version, isDeleted: row.deleted_at !== null };
  },
  read: (db, _scope, id, deleted) => findEdition(db, 'id', id, deleted),
  async markChanged(tx, id) {
    await tx
      .updateTable('edition')
      .set({ version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },
  comparable(edition) {
    const { version: _version, updatedAt: _updatedAt, id: _id, seriesId: _seriesId, ...rest } = edition;
    return rest;
  }
};

export class EditionEditRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  find(slug: string, options: { deleted?: boolean } = {}): Promise<Edition | null> {
    return findEdition(this.db, 'slug', slug, options.deleted ?? false);
  }

  async listDeleted(): Promise<Edition[]> {
    const rows = await this.db
      .selectFrom('edition')
      .select('id')
      .where('deleted_at', 'is not', null)
      .orderBy('deleted_at', 'desc')
      .execute();
    const editions = await Promise.all(rows.map((r) => findEdition(this.db, 'id', r.id, true)));
    return editions.filter((e): e is Edition => e !== null);
  }

  /** A new draft edition in the instance's series; refused when its slug is in use (deleted editions keep theirs). */
  create(values: EditionValues, actor: EditActor): Promise<EditionEditOutcome> {
    return refusable(() =>
      this.db.transaction().execute(async (tx) => {
        await refuseTakenSlug(tx, values.slug, null);
        const seriesId = await seriesOfInstance(tx, values);
        const id = await freshRecordId(
          { en: values.slug },
          'edition',
          async (candidate) =>
            (await tx.selectFrom('edition').select('id').where('id', '=', candidate).executeTakeFirst()) !== undefined
        );
        await tx
          .insertInto('edition')
          .values({ id, series_id: seriesId, state: 'draft', ...columns(values) })
          .execute();
        const record = await recordCreation(tx, editionRecords, { editionId: id }, id, actor);
        return { status: 'saved', record } as const;
      })
    );
  }

  update(editionId: string, baseVersion: number, values: EditionValues, actor: EditActor): Promise<EditionEditOutcome> {
    return refusable(() =>
      this.change(editionId, baseVersion, actor, async (tx) => {
        await refuseTakenSlug(tx, values.slug, editionId);
        const outside = await tx
          .selectFrom('day')
          .select('date')
          .where('edition_id', '=', editionId)
          .where('deleted_at', 'is', null)
          .where((eb) => eb.or([eb('date', '<', values.startsOn), eb('date', '>', values.endsOn)]))
          .orderBy('date')
          .execute();
        if (outside.length > 0)
          throw new Refused(
            'edition.days_outside_dates',
            outside.map((d) => d.date)
          );
        await tx.updateTable('edition').set(columns(values)).where('id', '=', editionId).execute();
        return 'update';
      })
    );
  }

  setState(
    editionId: string,
    baseVersion: number,
    state: PublicationState,
    actor: EditActor
  ): Promise<EditionEditOutcome> {
    return this.change(editionId, baseVersion, actor, async (tx) => {
      await tx.updateTable('edition').set({ state }).where('id', '=', editionId).execute();
      return state === 'published' ? 'publish' : 'unpublish';
    });
  }

  remove(editionId: string, baseVersion: number, actor: EditActor): Promise<EditionEditOutcome> {
    return this.change(editionId, baseVersion, actor, async (tx) => {
      await tx.updateTable('edition').set({ deleted_at: new Date() }).where('id', '=', editionId).execute();
      return 'delete';
    });
  }

  restore(editionId: string, baseVersion: number, actor: EditActor): Promise<EditionEditOutcome> {
    return this.change(
      editionId,
      baseVersion,
      actor,
      async (tx) => {
        await tx.updateTable('edition').set({ deleted_at: null }).where('id', '=', editionId).execute();
        return 'restore';
      },
      true
    );
  }

  private change(
    editionId: string,
    baseVersion: number,
    actor: EditActor,
    apply: (tx: Tx, current: Edition) => Promise<AuditAction>,
    ofDeleted = false
  ) {
    return editVersioned(
      this.db,
      editionRecords,
      { scope: { editionId }, id: editionId, baseVersion, ofDeleted },
      actor,
      apply
    );
  }
}

/** Runs a transaction, turning a refusal thrown inside it (after the rollback) into an outcome. */
async function refusable(work: () => Promise<EditionEditOutcome>): Promise<EditionEditOutcome> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { status: 'refused', code: error.code, detail: error.detail };
    // Two editors creating one slug at the same moment: the unique index decides, and the loser hears why.
    if (isUniqueViolation(error)) return { status: 'refused', code: 'edition.slug_taken', detail: [] };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505'
  );
}

async function refuseTakenSlug(tx: Tx, slug: string, exceptId: string | null): Promise<void> {
  let query = tx.selectFrom('edition').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw new Refused('edition.slug_taken');
}

/**
 * The series new editions join: the one of the latest edition, else any;
 * on an empty instance, an organisation and a series named after the first
 * edition, which an administrator can rename later.
 */
async function seriesOfInstance(tx: Tx, values: EditionValues): Promise<string> {
  const latest = await tx
    .selectFrom('edition')
    .select('series_id')
    .orderBy('starts_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest) return latest.series_id;
  const any = await tx.selectFrom('series').select('id').orderBy('id').limit(1).executeTakeFirst();
  if (any) return any.id;
  const name = JSON.stringify(values.title);
  await tx
    .insertInto('organisation')
    .values({ id: 'organisation', slug: 'organisation', name })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await tx
    .insertInto('series')
    .values({ id: 'series', organisation_id: 'organisation', slug: 'series', name })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return 'series';
}

function columns(values: EditionValues) {
  return {
    slug: values.slug,
    title: JSON.stringify(values.title),
    theme: JSON.stringify(values.theme),
    summary: JSON.stringify(values.summary),
    host_zone: values.hostZone,
    default_locale: values.defaultLocale,
    locales: [...values.locales],
    starts_on: values.startsOn,
    ends_on: values.endsOn
  };
}

async function findEdition(db: Reader, by: 'id' | 'slug', value: string, deleted: boolean): Promise<Edition | null> {
  const row = await db
    .selectFrom('edition')
    .selectAll()
    .where(by, '=', value)
    .where('deleted_at', deleted ? 'is not' : 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    seriesId: row.series_id,
    slug: row.slug,
    title: row.title,
    theme: row.theme,
    summary: row.summary,
    hostZone: row.host_zone,
    defaultLocale: row.default_locale,
    locales: row.locales,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    state: row.state,
    version: row.version,
    updatedAt: new Date(row.updated_at)
  };
}
