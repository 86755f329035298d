/**
 * Administrators creating editions and organisers changing their settings:
 * permission first, then the input schema, then the edition's rules, then one
 * transaction with its audit entry. Returns outcomes the console shows next
 * to the fields; never throws for input.
 *
 * A language is removed from an edition only once no live record has a text
 * in it (the texts are never deleted, but they would no longer show or be
 * editable); the refusal names each language and how many records it has.
 */
import type { Actor } from '../../domain/access/policies.js';
import {
  canCreateEdition,
  canDeleteEdition,
  canEditProgramme,
  canPublishProgramme
} from '../../domain/access/policies.js';
import {
  datesOutside,
  editionInputSchema,
  removedLocalesWithTexts,
  resolveEdition,
  translationsByLocale,
  type EditionInput,
  type StoredEditionFacts
} from '../../domain/editing/editionInput.js';
import type { FieldProblem } from '../../domain/editing/sessionInput.js';
import type { Edition, Programme, PublicationState } from '../../domain/programme.js';
import type { EditionEditOutcome, EditionEditRepository } from '../db/editionEditRepository.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';

/** A problem with what it is about: the dates of days in the way, or languages with how many texts they hold. */
export interface EditionProblem extends FieldProblem {
  readonly detail?: readonly { readonly value: string; readonly count?: number }[];
}

export type EditionEditResult =
  | { readonly status: 'saved'; readonly edition: Edition }
  | { readonly status: 'invalid'; readonly problems: readonly EditionProblem[] }
  | { readonly status: 'conflict'; readonly current: Edition }
  | { readonly status: 'forbidden' }
  | { readonly status: 'not_found' };

export class EditionEditing {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly editions: EditionEditRepository
  ) {}

  async create(actor: Actor, rawInput: unknown): Promise<EditionEditResult> {
    if (!canCreateEdition(actor)) return { status: 'forbidden' };
    const parsed = parse(rawInput);
    if (!parsed.ok) return parsed.result;
    const resolved = resolveEdition(parsed.input);
    if (!resolved.ok) return invalid(resolved.problems, parsed.input, null);
    return toResult(await this.editions.create(resolved.values, { accountId: actor.id }));
  }

  /** The edition and its programme as its editors see them (drafts included). */
  async settingsView(
    actor: Actor,
    slug: string
  ): Promise<
    { readonly status: 'found'; readonly programme: Programme } | { readonly status: 'forbidden' | 'not_found' }
  > {
    const programme = await this.programmes.loadProgramme(slug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' };
    if (!canEditProgramme(actor, programme.edition.id)) return { status: 'forbidden' };
    return { status: 'found', programme };
  }

  async update(actor: Actor, slug: string, baseVersion: number, rawInput: unknown): Promise<EditionEditResult> {
    const programme = await this.programmes.loadProgramme(slug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' };
    if (!canEditProgramme(actor, programme.edition.id)) return { status: 'forbidden' };
    const parsed = parse(rawInput);
    if (!parsed.ok) return parsed.result;
    const stored = storedFacts(programme);
    const resolved = resolveEdition(parsed.input, stored);
    if (!resolved.ok) return invalid(resolved.problems, parsed.input, stored);
    return toResult(
      await this.editions.update(programme.edition.id, baseVersion, resolved.values, { accountId: actor.id })
    );
  }

  async setState(actor: Actor, slug: string, baseVersion: number, state: PublicationState): Promise<EditionEditResult> {
    const edition = await this.editions.find(slug);
    if (!edition) return { status: 'not_found' };
    if (!canPublishProgramme(actor, edition.id)) return { status: 'forbidden' };
    return toResult(await this.editions.setState(edition.id, baseVersion, state, { accountId: actor.id }));
  }

  async remove(actor: Actor, slug: string, baseVersion: number): Promise<EditionEditResult> {
    if (!canDeleteEdition(actor)) return { status: 'forbidden' };
    const edition = await this.editions.find(slug);
    if (!edition) return { status: 'not_found' };
    return toResult(await this.editions.remove(edition.id, baseVersion, { accountId: actor.id }));
  }

  async restore(actor: Actor, slug: string, baseVersion: number): Promise<EditionEditResult> {
    if (!canDeleteEdition(actor)) return { status: 'forbidden' };
    const edition = await this.editions.find(slug, { deleted: true });
    if (!edition) return { status: 'not_found' };
    return toResult(await this.editions.restore(edition.id, baseVersion, { accountId: actor.id }));
  }

  /** Deleted editions, for the administrators who may restore them (none for anyone else). */
  async listDeleted(actor: Actor): Promise<Edition[]> {
    return canDeleteEdition(actor) ? this.editions.listDeleted() : [];
  }
}

function parse(rawInput: unknown) {
  const parsed = editionInputSchema.safeParse(rawInput);
  if (parsed.success) return { ok: true, input: parsed.data } as const;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
  const problems = fields.map((field) => ({ field, code: 'edition.invalid_field' }));
  return { ok: false, result: { status: 'invalid', problems } as const } as const;
}

/** Adds what a refusal is about: the languages that still hold texts, the days outside the dates. */
function invalid(
  problems: readonly FieldProblem[],
  input: EditionInput,
  stored: StoredEditionFacts | null
): EditionEditResult {
  return {
    status: 'invalid',
    problems: problems.map((problem): EditionProblem => {
      if (problem.code === 'edition.locale_has_translations') {
        const detail = removedLocalesWithTexts(input, stored, input.locales).map((l) => ({
          value: l.locale,
          count: l.records
        }));
        return { ...problem, detail };
      }
      if (problem.code === 'edition.days_outside_dates' && stored) {
        return {
          ...problem,
          detail: datesOutside(stored.dayDates, input.startsOn, input.endsOn).map((value) => ({ value }))
        };
      }
      return problem;
    })
  };
}

function storedFacts(programme: Programme): StoredEditionFacts {
  const p = programme;
  return {
    slug: p.edition.slug,
    isPublished: p.edition.state === 'published',
    dayDates: p.days.map((d) => d.date),
    translationsByLocale: translationsByLocale([
      ...p.days.map((d) => [d.title]),
      ...p.stages.map((s) => [s.name]),
      ...p.channels.map((c) => [c.name]),
      ...p.sessions.map((s) => [s.title, s.summary]),
      ...p.items.map((i) => [i.title, i.summary]),
      ...p.speakers.map((s) => [s.name, s.jobTitle, s.organisation, s.bio]),
      ...p.cities.map((c) => [c.name, c.summary])
    ])
  };
}

function toResult(outcome: EditionEditOutcome): EditionEditResult {
  switch (outcome.status) {
    case 'saved':
      return { status: 'saved', edition: outcome.record };
    case 'conflict':
      return { status: 'conflict', current: outcome.current };
    case 'not_found':
      return { status: 'not_found' };
    case 'refused':
      return {
        status: 'invalid',
        problems: [
          outcome.code === 'edition.slug_taken'
            ? { field: 'slug', code: outcome.code }
            : { field: 'startsOn', code: outcome.code, detail: outcome.detail.map((value) => ({ value })) }
        ]
      };
  }
}
