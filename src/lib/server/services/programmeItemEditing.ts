/**
 * Organisers editing the programme items of a session and who speaks in
 * them: permission first, then the session (drafts included, never deleted
 * ones), then the input schema and the edition's rules, then one
 * transaction with its audit entry. Returns outcomes the console can show
 * next to the fields; never throws for input.
 */
import type { Actor } from '../../domain/access/policies.js';
import { canEditProgramme } from '../../domain/access/policies.js';
import { programmeItemInputSchema, resolveProgrammeItem } from '../../domain/editing/programmeItemInput.js';
import { moveInOrder, type MoveDirection } from '../../domain/editing/runningOrder.js';
import type { FieldProblem } from '../../domain/editing/sessionInput.js';
import type { Programme, Session } from '../../domain/programme.js';
import type { EditOutcome } from '../db/versionedEdit.js';
import type {
  ItemScope,
  ProgrammeItemEditRepository,
  VersionedProgrammeItem
} from '../db/programmeItemEditRepository.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';

export type ProgrammeItemEditResult =
  | { readonly status: 'saved'; readonly item: VersionedProgrammeItem }
  | { readonly status: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly status: 'conflict'; readonly current: VersionedProgrammeItem }
  | { readonly status: 'forbidden' }
  | { readonly status: 'not_found' };

export interface SessionItems {
  readonly status: 'found';
  /** In running order. */
  readonly items: readonly VersionedProgrammeItem[];
  /** Removed items that can be restored, latest first. */
  readonly deleted: readonly VersionedProgrammeItem[];
}

type Located =
  | { readonly status: 'found'; readonly programme: Programme; readonly session: Session; readonly scope: ItemScope }
  | { readonly status: 'forbidden' }
  | { readonly status: 'not_found' };

export class ProgrammeItemEditing {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly items: ProgrammeItemEditRepository
  ) {}

  async list(
    actor: Actor,
    editionSlug: string,
    sessionId: string
  ): Promise<SessionItems | { readonly status: 'forbidden' | 'not_found' }> {
    const located = await this.locate(actor, editionSlug, sessionId);
    if (located.status !== 'found') return located;
    const [items, deleted] = await Promise.all([
      this.items.listForSession(located.scope),
      this.items.listForSession(located.scope, { deleted: true })
    ]);
    return { status: 'found', items, deleted };
  }

  async find(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    itemId: string
  ): Promise<
    { readonly status: 'found'; readonly item: VersionedProgrammeItem } | { readonly status: 'forbidden' | 'not_found' }
  > {
    const located = await this.locate(actor, editionSlug, sessionId);
    if (located.status !== 'found') return located;
    const item = await this.items.find(located.scope, itemId);
    return item ? { status: 'found', item } : { status: 'not_found' };
  }

  async create(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    rawInput: unknown
  ): Promise<ProgrammeItemEditResult> {
    const prepared = await this.prepare(actor, editionSlug, sessionId, rawInput);
    if (prepared.status !== 'ready') return prepared;
    const item = await this.items.create(prepared.scope, prepared.values, { accountId: actor.id });
    // The session was deleted between reading it and writing the item.
    return item ? { status: 'saved', item } : { status: 'not_found' };
  }

  async update(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    itemId: string,
    baseVersion: number,
    rawInput: unknown
  ): Promise<ProgrammeItemEditResult> {
    const prepared = await this.prepare(actor, editionSlug, sessionId, rawInput);
    if (prepared.status !== 'ready') return prepared;
    return toResult(
      await this.items.update(prepared.scope, itemId, baseVersion, prepared.values, { accountId: actor.id })
    );
  }

  async remove(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    itemId: string,
    baseVersion: number
  ): Promise<ProgrammeItemEditResult> {
    const located = await this.locate(actor, editionSlug, sessionId);
    if (located.status !== 'found') return located;
    return toResult(await this.items.remove(located.scope, itemId, baseVersion, { accountId: actor.id }));
  }

  async restore(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    itemId: string,
    baseVersion: number
  ): Promise<ProgrammeItemEditResult> {
    const located = await this.locate(actor, editionSlug, sessionId);
    if (located.status !== 'found') return located;
    return toResult(await this.items.restore(located.scope, itemId, baseVersion, { accountId: actor.id }));
  }

  /** Moves an item one place up or down the session's running order (see SessionEditing.move). */
  async move(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    itemId: string,
    direction: MoveDirection
  ): Promise<'saved' | 'unchanged' | 'conflict' | 'forbidden' | 'not_found'> {
    const located = await this.locate(actor, editionSlug, sessionId);
    if (located.status !== 'found') return located.status;
    const order = (await this.items.listForSession(located.scope)).map((i) => i.id);
    if (!order.includes(itemId)) return 'not_found';
    const moved = moveInOrder(order, itemId, direction);
    if (!moved) return 'unchanged';
    const outcome = await this.items.reorder(located.scope, moved, { accountId: actor.id });
    return outcome === 'saved' ? 'saved' : 'conflict';
  }

  /** The session in its edition, once the actor may edit that edition's programme. */
  private async locate(actor: Actor, editionSlug: string, sessionId: string): Promise<Located> {
    const programme = await this.programmes.loadProgramme(editionSlug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' };
    if (!canEditProgramme(actor, programme.edition.id)) return { status: 'forbidden' };
    const session = programme.sessions.find((s) => s.id === sessionId);
    if (!session) return { status: 'not_found' };
    return { status: 'found', programme, session, scope: { editionId: programme.edition.id, sessionId } };
  }

  private async prepare(actor: Actor, editionSlug: string, sessionId: string, rawInput: unknown) {
    const located = await this.locate(actor, editionSlug, sessionId);
    if (located.status !== 'found') return located;
    const parsed = programmeItemInputSchema.safeParse(rawInput);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        code: 'programme_item.invalid_field'
      }));
      return { status: 'invalid', problems } as const;
    }
    const { programme, session } = located;
    const day = programme.days.find((d) => d.id === session.dayId);
    if (!day) return { status: 'not_found' } as const;
    const resolved = resolveProgrammeItem(parsed.data, {
      hostZone: programme.edition.hostZone,
      defaultLocale: programme.edition.defaultLocale,
      sessionDate: day.date,
      sessionStartsAt: session.startsAt,
      sessionEndsAt: session.endsAt,
      speakerIds: programme.speakers.map((s) => s.id)
    });
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems } as const;
    return { status: 'ready', scope: located.scope, values: resolved.values } as const;
  }
}

function toResult(outcome: EditOutcome<VersionedProgrammeItem>): ProgrammeItemEditResult {
  switch (outcome.status) {
    case 'saved':
      return { status: 'saved', item: outcome.record };
    case 'conflict':
      return { status: 'conflict', current: outcome.current };
    case 'not_found':
      return { status: 'not_found' };
  }
}
