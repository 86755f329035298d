/**
 * The programme in and out of the console as a frab schedule file.
 *
 * Export: an edition's whole programme, drafts and every translation, as
 * frab JSON with Madang's lossless `x-madang` extension, for its editors.
 *
 * Import: permission, then the form's fields, then the file (the domain
 * importer checks size, shape and meaning and answers with every problem
 * and its JSON path), then one transaction. Decisions:
 * - the new edition is always a draft: the extension does not carry the
 *   edition's state and a plain file has none, so nothing goes public until
 *   an organiser publishes it; sessions keep the state the file gives them
 *   (a plain file's sessions are published, i.e. public once the edition is);
 * - every record gets a fresh id, `<slug>-<id in the file>` (ids are primary
 *   keys across editions, so a copy of an edition cannot keep its ids); when
 *   one is in use after all, another random prefix is tried;
 * - the organisation and series are reused when this Madang has them (a copy
 *   joins its series); a plain file's new ones are named after its conference.
 * Never throws for input; returns outcomes the console can show.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/access/policies.js';
import { canEditProgramme, canImportEdition } from '../../domain/access/policies.js';
import type { FieldProblem } from '../../domain/editing/sessionInput.js';
import { readEditionImportInput } from '../../domain/imports/editionImportInput.js';
import { importFrabScheduleText } from '../../domain/imports/importFrabSchedule.js';
import { importError, type ImportError } from '../../domain/imports/importResult.js';
import { programmeToMadangFrabJson } from '../../domain/imports/programmeToMadangFrabJson.js';
import { defaultIdPrefix } from '../../domain/imports/recordIds.js';
import type { Programme } from '../../domain/programme.js';
import type { ProgrammeImportRepository } from '../db/programmeImportRepository.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';

/** How much of each kind an import brought in, for the organiser's summary. */
export interface ImportCounts {
  readonly days: number;
  readonly stages: number;
  readonly sessions: number;
  readonly items: number;
  readonly speakers: number;
  readonly cities: number;
  readonly channels: number;
}

export interface ImportRequest {
  /** The file's text; null when no file came with the form. */
  readonly text: string | null;
  readonly slug: unknown;
  readonly zone: unknown;
  readonly defaultLocale: unknown;
}

export type ImportOutcome =
  | {
      readonly status: 'saved';
      readonly slug: string;
      readonly source: 'madang' | 'frab';
      readonly counts: ImportCounts;
    }
  /** Problems with the form's own fields (slug, zone, language, no file). */
  | { readonly status: 'invalid'; readonly problems: readonly FieldProblem[] }
  /** Problems with the file, each with its path in the file. */
  | { readonly status: 'rejected'; readonly errors: readonly ImportError[] }
  | { readonly status: 'forbidden' };

export type ExportOutcome =
  | { readonly status: 'found'; readonly filename: string; readonly body: string }
  | { readonly status: 'forbidden' | 'not_found' };

/** Prefixes tried before giving up: the readable one, then random ones. */
const attempts = 3;

export class ProgrammeImport {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly imports: ProgrammeImportRepository,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async exportEdition(
    actor: Actor,
    slug: string,
    options: { readonly baseUrl: string; readonly locale: string }
  ): Promise<ExportOutcome> {
    const programme = await this.programmes.loadProgramme(slug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' };
    if (!canEditProgramme(actor, programme.edition.id)) return { status: 'forbidden' };
    const json = programmeToMadangFrabJson(programme, { ...options, now: programme.edition.updatedAt });
    return {
      status: 'found',
      filename: `${programme.edition.slug}-schedule.json`,
      body: JSON.stringify(json, null, 2)
    };
  }

  async importEdition(actor: Actor, request: ImportRequest): Promise<ImportOutcome> {
    if (!canImportEdition(actor)) return { status: 'forbidden' };
    const input = readEditionImportInput(request);
    const problems: FieldProblem[] = input.ok ? [] : [...input.problems];
    if (request.text === null || request.text.trim() === '')
      problems.push({ field: 'file', code: 'import.file_missing' });
    if (!input.ok || problems.length > 0 || request.text === null) return { status: 'invalid', problems };
    const { slug, zone, defaultLocale } = input.values;
    if (await this.imports.isSlugTaken(slug))
      return { status: 'invalid', problems: [{ field: 'slug', code: 'import.slug_taken' }] };

    for (let attempt = 0; attempt < attempts; attempt++) {
      const prefix =
        attempt === 0 ? defaultIdPrefix(slug) : `${defaultIdPrefix(slug)}${randomBytes(3).toString('hex')}-`;
      const result = importFrabScheduleText(
        request.text,
        { editionId: prefix.slice(0, -1), slug, seriesId: `${prefix}series`, idPrefix: prefix },
        { zone: zone ?? undefined, defaultLocale: defaultLocale ?? undefined, now: this.clock() }
      );
      if (!result.ok) return { status: 'rejected', errors: result.errors };
      const programme = result.source === 'frab' ? namedAfterConference(result.programme) : result.programme;
      const counts = countsOf(programme);
      const saved = await this.imports.importProgramme(
        programme,
        { accountId: actor.id },
        { slug, title: programme.edition.title, source: result.source, ...counts }
      );
      if (saved.status === 'saved') return { status: 'saved', slug, source: result.source, counts };
      if (saved.status === 'slug_taken')
        return { status: 'invalid', problems: [{ field: 'slug', code: 'import.slug_taken' }] };
    }
    return {
      status: 'rejected',
      errors: [
        importError(
          'import.ids_taken',
          '',
          'The ids of this programme are in use by another edition; import it again under another slug.'
        )
      ]
    };
  }
}

export function countsOf(programme: Programme): ImportCounts {
  return {
    days: programme.days.length,
    stages: programme.stages.length,
    sessions: programme.sessions.length,
    items: programme.items.length,
    speakers: programme.speakers.length,
    cities: programme.cities.length,
    channels: programme.channels.length
  };
}

/** A plain file says nothing of who organises the forum: its new organisation and series carry the conference's title. */
function namedAfterConference(programme: Programme): Programme {
  const name = programme.edition.title;
  return { ...programme, organisation: { ...programme.organisation, name }, series: { ...programme.series, name } };
}
