/**
 * Organisers editing sessions: permission first, then the input schema, then
 * the edition's own rules, then one transaction with its audit entry. Returns
 * outcomes the console can show next to the fields; never throws for input.
 */
import type { Actor } from '../../domain/access/policies.js';
import { canEditProgramme, canPublishProgramme } from '../../domain/access/policies.js';
import { byRunningOrder, moveInOrder, type MoveDirection } from '../../domain/editing/runningOrder.js';
import {
  resolveSession,
  sessionInputSchema,
  type EditionFacts,
  type FieldProblem
} from '../../domain/editing/sessionInput.js';
import type { Programme, PublicationState, Session } from '../../domain/programme.js';
import { localTimeIn } from '../../domain/time.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import type { SessionEditRepository } from '../db/sessionEditRepository.js';

export type SessionEditResult =
  | { readonly status: 'saved'; readonly session: Session }
  | { readonly status: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly status: 'conflict'; readonly current: Session }
  | { readonly status: 'forbidden' }
  | { readonly status: 'not_found' };

export class SessionEditing {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly sessions: SessionEditRepository
  ) {}

  /** The edition's programme as its editors see it: drafts included, and the deleted sessions they can restore. */
  async editorView(
    actor: Actor,
    editionSlug: string
  ): Promise<
    | { readonly status: 'found'; readonly programme: Programme; readonly deleted: readonly Session[] }
    | { readonly status: 'forbidden' | 'not_found' }
  > {
    const programme = await this.programmes.loadProgramme(editionSlug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' };
    if (!canEditProgramme(actor, programme.edition.id)) return { status: 'forbidden' };
    return { status: 'found', programme, deleted: await this.sessions.listDeleted(programme.edition.id) };
  }

  async create(actor: Actor, editionSlug: string, rawInput: unknown): Promise<SessionEditResult> {
    const prepared = await this.prepare(actor, editionSlug, rawInput);
    if (prepared.status !== 'ready') return prepared;
    const session = await this.sessions.create(prepared.editionId, prepared.values, { accountId: actor.id });
    return { status: 'saved', session };
  }

  async update(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    baseVersion: number,
    rawInput: unknown
  ): Promise<SessionEditResult> {
    const prepared = await this.prepare(actor, editionSlug, rawInput);
    if (prepared.status !== 'ready') return prepared;
    return toResult(
      await this.sessions.update(prepared.editionId, sessionId, baseVersion, prepared.values, { accountId: actor.id })
    );
  }

  async setState(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    baseVersion: number,
    state: PublicationState
  ): Promise<SessionEditResult> {
    const editionId = await this.editionId(editionSlug);
    if (!editionId) return { status: 'not_found' };
    if (!canPublishProgramme(actor, editionId)) return { status: 'forbidden' };
    return toResult(await this.sessions.setState(editionId, sessionId, baseVersion, state, { accountId: actor.id }));
  }

  async remove(actor: Actor, editionSlug: string, sessionId: string, baseVersion: number): Promise<SessionEditResult> {
    const editionId = await this.editionId(editionSlug);
    if (!editionId) return { status: 'not_found' };
    if (!canEditProgramme(actor, editionId)) return { status: 'forbidden' };
    return toResult(await this.sessions.remove(editionId, sessionId, baseVersion, { accountId: actor.id }));
  }

  async restore(actor: Actor, editionSlug: string, sessionId: string, baseVersion: number): Promise<SessionEditResult> {
    const editionId = await this.editionId(editionSlug);
    if (!editionId) return { status: 'not_found' };
    if (!canEditProgramme(actor, editionId)) return { status: 'forbidden' };
    const outcome = await this.sessions.restore(editionId, sessionId, baseVersion, { accountId: actor.id });
    if (outcome.status === 'day_deleted')
      return { status: 'invalid', problems: [{ field: 'dayId', code: 'session.day_deleted' }] };
    return toResult(outcome);
  }

  /**
   * Moves a session one place up or down in its day's running order.
   * `conflict` when the day changed under the editor (a session was added,
   * moved or deleted meanwhile); `unchanged` at either end of the day.
   */
  async move(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    direction: MoveDirection
  ): Promise<'saved' | 'unchanged' | 'conflict' | 'forbidden' | 'not_found'> {
    const programme = await this.programmes.loadProgramme(editionSlug, { includeDrafts: true });
    if (!programme) return 'not_found';
    if (!canEditProgramme(actor, programme.edition.id)) return 'forbidden';
    const session = programme.sessions.find((s) => s.id === sessionId);
    if (!session) return 'not_found';
    const order = byRunningOrder(programme.sessions.filter((s) => s.dayId === session.dayId)).map((s) => s.id);
    const moved = moveInOrder(order, sessionId, direction);
    if (!moved) return 'unchanged';
    const outcome = await this.sessions.reorder(programme.edition.id, session.dayId, moved, { accountId: actor.id });
    return outcome === 'saved' ? 'saved' : 'conflict';
  }

  /**
   * Moves a session to another day of its edition at the same wall-clock
   * times in the host zone, to the end of that day's running order.
   * `unchanged` when it is on that day already.
   */
  async moveToDay(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    baseVersion: number,
    dayId: string
  ): Promise<SessionEditResult | { readonly status: 'unchanged' }> {
    const programme = await this.programmes.loadProgramme(editionSlug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' };
    if (!canEditProgramme(actor, programme.edition.id)) return { status: 'forbidden' };
    const session = programme.sessions.find((s) => s.id === sessionId);
    if (!session) return { status: 'not_found' };
    if (session.dayId === dayId) return { status: 'unchanged' };
    const { hostZone } = programme.edition;
    const resolved = resolveSession(
      {
        dayId,
        stageId: session.stageId,
        kind: session.kind,
        title: session.title,
        summary: session.summary,
        startTime: localTimeIn(session.startsAt, hostZone),
        endTime: localTimeIn(session.endsAt, hostZone),
        channelIds: [...session.channelIds],
        isIllustrative: session.isIllustrative
      },
      editionFacts(programme)
    );
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems };
    return toResult(
      await this.sessions.update(programme.edition.id, sessionId, baseVersion, resolved.values, { accountId: actor.id })
    );
  }

  private async editionId(slug: string): Promise<string | null> {
    const programme = await this.programmes.loadProgramme(slug, { includeDrafts: true });
    return programme?.edition.id ?? null;
  }

  private async prepare(actor: Actor, editionSlug: string, rawInput: unknown) {
    const programme = await this.programmes.loadProgramme(editionSlug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' } as const;
    if (!canEditProgramme(actor, programme.edition.id)) return { status: 'forbidden' } as const;
    const parsed = sessionInputSchema.safeParse(rawInput);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        code: 'session.invalid_field'
      }));
      return { status: 'invalid', problems } as const;
    }
    const resolved = resolveSession(parsed.data, editionFacts(programme));
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems } as const;
    return { status: 'ready', editionId: programme.edition.id, values: resolved.values } as const;
  }
}

function editionFacts(programme: Programme): EditionFacts {
  return {
    hostZone: programme.edition.hostZone,
    defaultLocale: programme.edition.defaultLocale,
    days: programme.days,
    stageIds: programme.stages.map((s) => s.id),
    channelIds: programme.channels.map((c) => c.id)
  };
}

function toResult(outcome: Awaited<ReturnType<SessionEditRepository['update']>>): SessionEditResult {
  switch (outcome.status) {
    case 'saved':
      return { status: 'saved', session: outcome.record };
    case 'conflict':
      return { status: 'conflict', current: outcome.current };
    case 'not_found':
      return { status: 'not_found' };
  }
}
