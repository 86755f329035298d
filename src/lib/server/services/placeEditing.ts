/**
 * Organisers editing an edition's cities and channels: permission first
 * (canEditProgramme), then the input schema and the rules of that kind of
 * record, then one transaction with its audit entry. One class for both
 * kinds, each instance given its schema and rules; returns outcomes the
 * console shows next to the fields and never throws for input.
 */
import type { z } from 'zod';
import type { Actor } from '../../domain/access/policies.js';
import { canEditProgramme } from '../../domain/access/policies.js';
import type { MoveDirection } from '../../domain/editing/runningOrder.js';
import type { FieldProblem } from '../../domain/editing/sessionInput.js';
import type { LocalizedText } from '../../domain/localizedText.js';
import type { Programme } from '../../domain/programme.js';
import type { PlaceEditRepository, VersionedPlace } from '../db/placeEditRepository.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import type { EditOutcome } from '../db/versionedEdit.js';

export type { VersionedChannel } from '../db/channelEditRepository.js';
export type { VersionedCity } from '../db/cityEditRepository.js';

export type PlaceEditResult<T> =
  | { readonly status: 'saved'; readonly record: T }
  | { readonly status: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly status: 'conflict'; readonly current: T }
  | { readonly status: 'forbidden' }
  | { readonly status: 'not_found' };

type Refused = { readonly status: 'forbidden' | 'not_found' };

/** The rules of one kind of record: its `<kind>.invalid_field` code, schema and edition rules. */
export interface PlaceRules<I, V> {
  readonly kind: 'city' | 'channel';
  readonly schema: z.ZodType<I>;
  resolve(
    input: I,
    edition: { readonly defaultLocale: string }
  ): { ok: true; values: V } | { ok: false; problems: FieldProblem[] };
}

export class PlaceEditing<T extends VersionedPlace, I, V extends { readonly name: LocalizedText }> {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly records: PlaceEditRepository<T, V>,
    private readonly rules: PlaceRules<I, V>
  ) {}

  /** The edition's programme as editors see it, its records in order, and the deleted ones (latest first). */
  async list(
    actor: Actor,
    editionSlug: string
  ): Promise<
    | {
        readonly status: 'found';
        readonly programme: Programme;
        readonly records: readonly T[];
        readonly deleted: readonly T[];
      }
    | Refused
  > {
    const located = await this.locate(actor, editionSlug);
    if (located.status !== 'found') return located;
    const editionId = located.programme.edition.id;
    const [records, deleted] = await Promise.all([
      this.records.list(editionId),
      this.records.list(editionId, { deleted: true })
    ]);
    return { status: 'found', programme: located.programme, records, deleted };
  }

  async find(
    actor: Actor,
    editionSlug: string,
    id: string
  ): Promise<{ readonly status: 'found'; readonly programme: Programme; readonly record: T } | Refused> {
    const located = await this.locate(actor, editionSlug);
    if (located.status !== 'found') return located;
    const record = await this.records.find(located.programme.edition.id, id);
    return record ? { status: 'found', programme: located.programme, record } : { status: 'not_found' };
  }

  async create(actor: Actor, editionSlug: string, rawInput: unknown): Promise<PlaceEditResult<T>> {
    const prepared = await this.prepare(actor, editionSlug, rawInput);
    if (prepared.status !== 'ready') return prepared;
    const record = await this.records.create(prepared.editionId, prepared.values, { accountId: actor.id });
    // The edition was deleted between reading it and writing the record.
    return record ? { status: 'saved', record } : { status: 'not_found' };
  }

  async update(
    actor: Actor,
    editionSlug: string,
    id: string,
    baseVersion: number,
    rawInput: unknown
  ): Promise<PlaceEditResult<T>> {
    const prepared = await this.prepare(actor, editionSlug, rawInput);
    if (prepared.status !== 'ready') return prepared;
    return toResult(
      await this.records.update(prepared.editionId, id, baseVersion, prepared.values, { accountId: actor.id })
    );
  }

  async remove(actor: Actor, editionSlug: string, id: string, baseVersion: number): Promise<PlaceEditResult<T>> {
    const located = await this.locate(actor, editionSlug);
    if (located.status !== 'found') return located;
    return toResult(await this.records.remove(located.programme.edition.id, id, baseVersion, { accountId: actor.id }));
  }

  async restore(actor: Actor, editionSlug: string, id: string, baseVersion: number): Promise<PlaceEditResult<T>> {
    const located = await this.locate(actor, editionSlug);
    if (located.status !== 'found') return located;
    return toResult(await this.records.restore(located.programme.edition.id, id, baseVersion, { accountId: actor.id }));
  }

  /** Names of the deleted records of a programme the caller has loaded already (for audit logs elsewhere); empty for those who may not edit it. */
  async deletedNames(actor: Actor, programme: Programme): Promise<ReadonlyMap<string, LocalizedText>> {
    if (!canEditProgramme(actor, programme.edition.id)) return new Map();
    const deleted = await this.records.list(programme.edition.id, { deleted: true });
    return new Map(deleted.map((r) => [`${this.rules.kind}:${r.id}`, r.name]));
  }

  /** One place up or down the edition's list; `unchanged` at either end. */
  async move(
    actor: Actor,
    editionSlug: string,
    id: string,
    direction: MoveDirection
  ): Promise<'saved' | 'unchanged' | 'forbidden' | 'not_found'> {
    const located = await this.locate(actor, editionSlug);
    if (located.status !== 'found') return located.status;
    return this.records.move(located.programme.edition.id, id, direction, { accountId: actor.id });
  }

  private async locate(
    actor: Actor,
    editionSlug: string
  ): Promise<{ readonly status: 'found'; readonly programme: Programme } | Refused> {
    const programme = await this.programmes.loadProgramme(editionSlug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' };
    if (!canEditProgramme(actor, programme.edition.id)) return { status: 'forbidden' };
    return { status: 'found', programme };
  }

  private async prepare(actor: Actor, editionSlug: string, rawInput: unknown) {
    const located = await this.locate(actor, editionSlug);
    if (located.status !== 'found') return located;
    const parsed = this.rules.schema.safeParse(rawInput);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        code: `${this.rules.kind}.invalid_field`
      }));
      return { status: 'invalid', problems } as const;
    }
    const { edition } = located.programme;
    const resolved = this.rules.resolve(parsed.data, edition);
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems } as const;
    return { status: 'ready', editionId: edition.id, values: resolved.values } as const;
  }
}

function toResult<T>(outcome: EditOutcome<T>): PlaceEditResult<T> {
  switch (outcome.status) {
    case 'saved':
      return { status: 'saved', record: outcome.record };
    case 'conflict':
      return { status: 'conflict', current: outcome.current };
    case 'not_found':
      return { status: 'not_found' };
  }
}
