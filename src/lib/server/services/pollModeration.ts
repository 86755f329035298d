/**
 * Moderators (and producers and admins) of an edition running a session's
 * polls: create and edit drafts, open, close and reopen, delete drafts, and
 * read the results. Permission first, then the input rules, then one
 * transaction with its audit entry and its outbox events; returns outcomes
 * the console shows, never throws for input.
 *
 * Only opening and closing reach the public (`poll.opened`, `poll.closed`):
 * drafts are not on the public panel, so their changes wake no viewer.
 */
import type { Actor } from '../../domain/access/policies.js';
import { canModerate } from '../../domain/access/policies.js';
import type { FieldProblem } from '../../domain/editing/sessionInput.js';
import type { Poll, PollTransition } from '../../domain/participation/polls/poll.js';
import { resolvePoll } from '../../domain/participation/polls/pollInput.js';
import { pollResults, type PollResults } from '../../domain/participation/polls/voteCount.js';
import type { Edition, Session } from '../../domain/programme.js';
import type { PollEditOutcome, PollRepository, PollScope } from '../db/pollRepository.js';
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import type { LiveEvents } from '../realtime/outboxRelay.js';

export type PollEditResult =
  | PollEditOutcome
  | { readonly status: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly status: 'forbidden' };

export type PollCreateResult =
  | { readonly status: 'saved'; readonly poll: Poll }
  | { readonly status: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly status: 'forbidden' | 'not_found' };

export interface ModeratedPoll {
  readonly poll: Poll;
  readonly results: PollResults;
}

export type PollModerationView =
  | {
      readonly status: 'found';
      readonly edition: Edition;
      readonly session: Session;
      readonly polls: readonly ModeratedPoll[];
    }
  | { readonly status: 'forbidden' | 'not_found' };

/** What a service needs once its write committed: the repository wrote the events, the relay is woken (ADR 010). */
export interface LivePublishing {
  readonly liveEvents: LiveEvents;
}

export class PollModeration {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly polls: PollRepository,
    private readonly live: LivePublishing
  ) {}

  /** The edition and session, when the actor moderates the edition (a form needs the edition's languages). */
  async where(actor: Actor, editionSlug: string, sessionId: string) {
    const found = await this.session(actor, editionSlug, sessionId);
    if (found.status !== 'found') return found;
    return { status: 'found', edition: found.edition, session: found.session } as const;
  }

  /** The session's polls with their results, oldest first. */
  async view(actor: Actor, editionSlug: string, sessionId: string): Promise<PollModerationView> {
    const found = await this.session(actor, editionSlug, sessionId);
    if (found.status !== 'found') return found;
    const polls = await this.polls.listForSession(found.scope);
    const withResults = await Promise.all(
      polls.map(async (poll) => ({ poll, results: pollResults(poll, await this.polls.tally(poll.id)) }))
    );
    return { status: 'found', edition: found.edition, session: found.session, polls: withResults };
  }

  async create(actor: Actor, editionSlug: string, sessionId: string, rawInput: unknown): Promise<PollCreateResult> {
    const prepared = await this.prepare(actor, editionSlug, sessionId, rawInput);
    if (prepared.status !== 'ready') return prepared;
    const poll = await this.polls.create(prepared.scope, prepared.values, { accountId: actor.id });
    this.live.liveEvents.afterCommit();
    return { status: 'saved', poll };
  }

  async update(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    pollId: string,
    baseVersion: number,
    rawInput: unknown
  ): Promise<PollEditResult> {
    const prepared = await this.prepare(actor, editionSlug, sessionId, rawInput);
    if (prepared.status !== 'ready') return prepared;
    return this.committed(
      this.polls.update(prepared.scope, pollId, baseVersion, prepared.values, { accountId: actor.id })
    );
  }

  /** Opens a poll (closing the session's open one, if another: one open poll per session) or closes it. */
  async transition(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    pollId: string,
    baseVersion: number,
    transition: PollTransition
  ): Promise<PollEditResult> {
    const found = await this.session(actor, editionSlug, sessionId);
    if (found.status !== 'found') return found;
    return this.committed(this.polls.transition(found.scope, pollId, baseVersion, transition, { accountId: actor.id }));
  }

  async remove(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    pollId: string,
    baseVersion: number
  ): Promise<PollEditResult> {
    const found = await this.session(actor, editionSlug, sessionId);
    if (found.status !== 'found') return found;
    return this.committed(this.polls.remove(found.scope, pollId, baseVersion, { accountId: actor.id }));
  }

  private async committed(write: Promise<PollEditOutcome>): Promise<PollEditOutcome> {
    const outcome = await write;
    if (outcome.status === 'saved' || outcome.status === 'deleted') this.live.liveEvents.afterCommit();
    return outcome;
  }

  private async session(actor: Actor, editionSlug: string, sessionId: string) {
    const programme = await this.programmes.loadProgramme(editionSlug, { includeDrafts: true });
    if (!programme) return { status: 'not_found' } as const;
    if (!canModerate(actor, programme.edition.id)) return { status: 'forbidden' } as const;
    const session = programme.sessions.find((s) => s.id === sessionId);
    if (!session) return { status: 'not_found' } as const;
    const scope: PollScope = { editionId: programme.edition.id, sessionId: session.id };
    return { status: 'found', edition: programme.edition, session, scope } as const;
  }

  private async prepare(actor: Actor, editionSlug: string, sessionId: string, rawInput: unknown) {
    const found = await this.session(actor, editionSlug, sessionId);
    if (found.status !== 'found') return found;
    const resolved = resolvePoll(rawInput, found.edition.defaultLocale);
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems } as const;
    return { status: 'ready', scope: found.scope, values: resolved.values } as const;
  }
}
