/**
 * Organisers adding, editing, ordering, deleting and restoring an edition's
 * days: permission first, then the input schema, then the edition's rules
 * (a date inside the edition), then one transaction with its audit entry.
 * Refusals that depend on other rows (a day with live sessions) come back as
 * problems with a count, never as exceptions.
 */
import type { Actor } from '../../domain/access/policies.js';
import { canEditProgramme } from '../../domain/access/policies.js';
import { byDate, dayInputSchema, moveDayInOrder, resolveDay, type EditableDay } from '../../domain/editing/dayInput.js';
import type { MoveDirection } from '../../domain/editing/runningOrder.js';
import type { Edition } from '../../domain/programme.js';
import type { DayEditOutcome, DayEditRepository } from '../db/dayEditRepository.js';
import type { EditionEditRepository } from '../db/editionEditRepository.js';
import type { EditionProblem } from './editionEditing.js';

export type DayEditResult =
  | { readonly status: 'saved'; readonly day: EditableDay }
  | { readonly status: 'invalid'; readonly problems: readonly EditionProblem[] }
  | { readonly status: 'conflict'; readonly current: EditableDay }
  | { readonly status: 'forbidden' }
  | { readonly status: 'not_found' };

export class DayEditing {
  constructor(
    private readonly editions: EditionEditRepository,
    private readonly days: DayEditRepository
  ) {}

  /** The edition with its live days by date, and its deleted days. */
  async view(
    actor: Actor,
    slug: string
  ): Promise<
    | {
        readonly status: 'found';
        readonly edition: Edition;
        readonly days: readonly EditableDay[];
        readonly deleted: readonly EditableDay[];
      }
    | { readonly status: 'forbidden' | 'not_found' }
  > {
    const opened = await this.open(actor, slug);
    if (opened.status !== 'found') return opened;
    const [days, deleted] = await Promise.all([
      this.days.list(opened.edition.id),
      this.days.list(opened.edition.id, { deleted: true })
    ]);
    return { status: 'found', edition: opened.edition, days: byDate(days), deleted };
  }

  async create(actor: Actor, slug: string, rawInput: unknown): Promise<DayEditResult> {
    const prepared = await this.prepare(actor, slug, rawInput);
    if (prepared.status !== 'ready') return prepared;
    return {
      status: 'saved',
      day: await this.days.create(prepared.edition.id, prepared.values, { accountId: actor.id })
    };
  }

  async update(
    actor: Actor,
    slug: string,
    dayId: string,
    baseVersion: number,
    rawInput: unknown
  ): Promise<DayEditResult> {
    const prepared = await this.prepare(actor, slug, rawInput);
    if (prepared.status !== 'ready') return prepared;
    return toResult(
      await this.days.update(prepared.edition.id, dayId, baseVersion, prepared.values, { accountId: actor.id })
    );
  }

  async remove(actor: Actor, slug: string, dayId: string, baseVersion: number): Promise<DayEditResult> {
    const opened = await this.open(actor, slug);
    if (opened.status !== 'found') return opened;
    return toResult(await this.days.remove(opened.edition.id, dayId, baseVersion, { accountId: actor.id }));
  }

  async restore(actor: Actor, slug: string, dayId: string, baseVersion: number): Promise<DayEditResult> {
    const opened = await this.open(actor, slug);
    if (opened.status !== 'found') return opened;
    return toResult(await this.days.restore(opened.edition.id, dayId, baseVersion, { accountId: actor.id }));
  }

  /** Moves a day one place among the days of its date; `unchanged` when there is none that way. */
  async move(
    actor: Actor,
    slug: string,
    dayId: string,
    direction: MoveDirection
  ): Promise<'saved' | 'unchanged' | 'conflict' | 'forbidden' | 'not_found'> {
    const opened = await this.open(actor, slug);
    if (opened.status !== 'found') return opened.status;
    const days = await this.days.list(opened.edition.id);
    if (!days.some((d) => d.id === dayId)) return 'not_found';
    const moved = moveDayInOrder(days, dayId, direction);
    if (!moved) return 'unchanged';
    const outcome = await this.days.reorder(opened.edition.id, moved, { accountId: actor.id });
    return outcome === 'saved' ? 'saved' : 'conflict';
  }

  private async open(actor: Actor, slug: string) {
    const edition = await this.editions.find(slug);
    if (!edition) return { status: 'not_found' } as const;
    if (!canEditProgramme(actor, edition.id)) return { status: 'forbidden' } as const;
    return { status: 'found', edition } as const;
  }

  private async prepare(actor: Actor, slug: string, rawInput: unknown) {
    const opened = await this.open(actor, slug);
    if (opened.status !== 'found') return opened;
    const parsed = dayInputSchema.safeParse(rawInput);
    if (!parsed.success) {
      return {
        status: 'invalid',
        problems: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), code: 'day.invalid_field' }))
      } as const;
    }
    const resolved = resolveDay(parsed.data, opened.edition);
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems } as const;
    return { status: 'ready', edition: opened.edition, values: resolved.values } as const;
  }
}

function toResult(outcome: DayEditOutcome): DayEditResult {
  switch (outcome.status) {
    case 'saved':
      return { status: 'saved', day: outcome.record };
    case 'conflict':
      return { status: 'conflict', current: outcome.current };
    case 'not_found':
      return { status: 'not_found' };
    case 'refused':
      return {
        status: 'invalid',
        problems: [
          {
            field: outcome.code === 'day.date_has_sessions' ? 'date' : '',
            code: outcome.code,
            detail: [{ value: '', count: outcome.count }]
          }
        ]
      };
  }
}
