/**
 * Stores an imported programme as a new edition: the whole graph (edition,
 * days, stages, channels, cities, speakers, sessions, their channels,
 * programme items and their speakers) and one audit entry, in one
 * transaction, or nothing. The organisation and series are reused when this
 * Madang has them already (by id, else by slug), so a copy of an edition
 * joins its series; otherwise they are created from the file.
 */
import type { Kysely } from 'kysely';
import { changedFields } from '../../domain/editing/audit.js';
import type { Programme } from '../../domain/programme.js';
import { recordAudit } from './auditRepository.js';
import { insertProgramme } from './programmeRepository.js';
import type { DatabaseSchema } from './schema.js';
import type { EditActor, Tx } from './versionedEdit.js';

export type ProgrammeImportOutcome =
  | { readonly status: 'saved'; readonly editionId: string }
  | { readonly status: 'slug_taken' }
  /** Some record ids are in use by another edition; the caller retries with another prefix. */
  | { readonly status: 'ids_taken'; readonly ids: readonly string[] };

/** Tables whose ids an import hands out, and the programme lists they come from. */
const recordTables = [
  ['day', (p: Programme) => p.days],
  ['stage', (p: Programme) => p.stages],
  ['channel', (p: Programme) => p.channels],
  ['city', (p: Programme) => p.cities],
  ['speaker', (p: Programme) => p.speakers],
  ['session', (p: Programme) => p.sessions],
  ['programme_item', (p: Programme) => p.items]
] as const;

export class ProgrammeImportRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Deleted editions keep their slug (their public links may be cached), so they count. */
  async isSlugTaken(slug: string): Promise<boolean> {
    const row = await this.db.selectFrom('edition').select('id').where('slug', '=', slug).executeTakeFirst();
    return row !== undefined;
  }

  async importProgramme(
    programme: Programme,
    actor: EditActor,
    summary: Readonly<Record<string, unknown>>
  ): Promise<ProgrammeImportOutcome> {
    try {
      return await this.db.transaction().execute(async (tx) => {
        const slugTaken = await tx
          .selectFrom('edition')
          .select('id')
          .where('slug', '=', programme.edition.slug)
          .executeTakeFirst();
        if (slugTaken) return { status: 'slug_taken' } as const;
        const ids = await takenIds(tx, programme);
        if (ids.length > 0) return { status: 'ids_taken', ids } as const;
        const placed = await inExistingHome(tx, programme);
        await insertProgramme(tx, placed);
        await recordAudit(tx, {
          accountId: actor.accountId,
          editionId: placed.edition.id,
          recordType: 'edition',
          recordId: placed.edition.id,
          action: 'create',
          changes: changedFields({}, summary)
        });
        return { status: 'saved', editionId: placed.edition.id } as const;
      });
    } catch (error) {
      // Two imports of one slug at the same moment: the second meets the unique index.
      if (isUniqueViolation(error) && (await this.isSlugTaken(programme.edition.slug))) return { status: 'slug_taken' };
      throw error;
    }
  }
}

async function takenIds(tx: Tx, programme: Programme): Promise<string[]> {
  const taken: string[] = [];
  const edition = await tx.selectFrom('edition').select('id').where('id', '=', programme.edition.id).executeTakeFirst();
  if (edition) taken.push(edition.id);
  for (const [table, list] of recordTables) {
    const ids = list(programme).map((record) => record.id);
    for (let i = 0; i < ids.length; i += 1_000) {
      const rows = await tx
        .selectFrom(table)
        .select('id')
        .where('id', 'in', ids.slice(i, i + 1_000))
        .execute();
      taken.push(...rows.map((row) => row.id));
    }
  }
  return taken;
}

/** The programme with the organisation and series this Madang already has, when it has them. */
async function inExistingHome(tx: Tx, programme: Programme): Promise<Programme> {
  const { organisation, series, edition } = programme;
  const existingSeries = await tx
    .selectFrom('series')
    .select(['id', 'organisation_id', 'slug', 'name'])
    .where((eb) => eb.or([eb('id', '=', series.id), eb('slug', '=', series.slug)]))
    .orderBy((eb) => eb.case().when('id', '=', series.id).then(0).else(1).end())
    .executeTakeFirst();
  if (existingSeries) {
    // The series decides the organisation; insertProgramme leaves both alone because their ids exist.
    return {
      ...programme,
      organisation: { ...organisation, id: existingSeries.organisation_id },
      series: {
        id: existingSeries.id,
        organisationId: existingSeries.organisation_id,
        slug: existingSeries.slug,
        name: existingSeries.name
      },
      edition: { ...edition, seriesId: existingSeries.id }
    };
  }
  const existingOrganisation = await tx
    .selectFrom('organisation')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', organisation.id), eb('slug', '=', organisation.slug)]))
    .orderBy((eb) => eb.case().when('id', '=', organisation.id).then(0).else(1).end())
    .executeTakeFirst();
  const organisationId = existingOrganisation?.id ?? organisation.id;
  return {
    ...programme,
    organisation: { ...organisation, id: organisationId },
    series: { ...series, organisationId }
  };
}

/** PostgreSQL's unique_violation, from node-postgres or PGlite. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
