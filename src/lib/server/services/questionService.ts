/**
 * The Q&A use cases: participants ask and vote; moderators (and admins) of
 * the edition approve, hide, merge, pin and mark answered. Participants are
 * plain ids (`p:<…>` or `account:<…>`); rate limits, the outbox wake-up and
 * the word filter are ports, so the service is tested with fakes and wired
 * once in app.ts. Returns outcomes the edge turns into messages; never
 * throws for bad input.
 */
import { z } from 'zod';
import { canModerate, type Actor } from '../../domain/access/policies.js';
import type { Question } from '../../domain/participation/questions/question.js';
import type { QuestionErrorCode } from '../../domain/participation/questions/questionErrors.js';
import { parseAskQuestion, type QuestionFieldProblem } from '../../domain/participation/questions/questionInput.js';
import type { ModerationAction } from '../../domain/participation/questions/questionModeration.js';
import { orderQuestions, type QuestionSort } from '../../domain/participation/questions/questionOrder.js';
import type { PanelQuestion, QuestionPanelView } from '../../domain/participation/questions/questionPanel.js';
import type {
  ModerationHistoryEntry,
  QuestionRepository,
  QuestionSession,
  QuestionSettings
} from '../db/questionRepository.js';
import {
  takeParticipationAllowance,
  type RateDecision,
  type RateLimiter,
  type RateRule
} from '../rateLimits/rateLimiter.js';
import type { LiveEvents } from '../realtime/outboxRelay.js';

export type { ModerationHistoryEntry } from '../db/questionRepository.js';

/** The edition's word filter (the chat's `applyWordFilter` over the edition's list), applied before a text is stored. */
export type ScreenText = (editionId: string, text: string) => Promise<string>;

/** Per participant 5 questions and 60 votes a minute; per address 30 questions a minute (a classroom behind one NAT still asks). */
export const questionRateRules = {
  ask: { name: 'question.ask', limit: 5, windowMs: 60_000 },
  askPerAddress: { name: 'question.ask_address', limit: 30, windowMs: 60_000 },
  vote: { name: 'question.vote', limit: 60, windowMs: 60_000 }
} as const satisfies Record<string, RateRule>;

/** How many shown questions the public panel lists (pinned first, then in the chosen order). */
export const panelQuestionLimit = 200;

const questionId = z.uuid();

export type AskOutcome =
  | { readonly status: 'asked'; readonly question: Question; readonly isNew: boolean }
  | { readonly status: 'invalid'; readonly problems: readonly QuestionFieldProblem[] }
  | { readonly status: 'too_fast'; readonly retryAfterMs: number }
  | { readonly status: 'not_found' };

export type VoteResult =
  | { readonly status: 'saved'; readonly question: Question; readonly hasVote: boolean }
  | { readonly status: 'refused'; readonly code: QuestionErrorCode }
  | { readonly status: 'too_fast'; readonly retryAfterMs: number }
  | { readonly status: 'not_found' };

export type ModerationResult =
  | { readonly status: 'saved'; readonly question: Question }
  | { readonly status: 'conflict'; readonly current: Question }
  | { readonly status: 'refused'; readonly code: QuestionErrorCode; readonly current: Question }
  | { readonly status: 'forbidden' | 'not_found' };

export type PremoderationResult =
  | { readonly status: 'saved'; readonly settings: QuestionSettings }
  | { readonly status: 'conflict'; readonly current: QuestionSettings }
  | { readonly status: 'forbidden' | 'not_found' };

export interface ModerationView {
  readonly session: QuestionSession;
  readonly settings: QuestionSettings;
  /** Every question of the session, merged ones included, oldest first. */
  readonly questions: readonly Question[];
  /** The latest moderation changes, newest first. */
  readonly history: readonly ModerationHistoryEntry[];
}

export interface QuestionServicePorts {
  readonly limiter: RateLimiter;
  readonly liveEvents: LiveEvents;
  readonly screenText?: ScreenText;
  readonly clock?: () => Date;
}

export interface AskRequest {
  readonly editionSlug: string;
  readonly sessionId: string;
  readonly participantId: string;
  /** The client's address, for the per-address limit. */
  readonly address: string;
  /** The posted fields: `text`, `displayName`, `idempotencyKey`. */
  readonly input: unknown;
}

export interface VoteRequest {
  readonly editionSlug: string;
  readonly sessionId: string;
  readonly participantId: string;
  readonly questionId: string;
  readonly intent: 'up' | 'withdraw';
}

export class QuestionService {
  private readonly screenText: ScreenText;
  private readonly clock: () => Date;

  constructor(
    private readonly questions: QuestionRepository,
    private readonly ports: QuestionServicePorts
  ) {
    this.screenText = ports.screenText ?? (async (_editionId, text) => text);
    this.clock = ports.clock ?? (() => new Date());
  }

  /**
   * Stores the question before answering. A retry (same participant, same
   * key) returns the stored question without counting against the limits,
   * so a client that lost the answer can always find out it was stored.
   */
  async ask(request: AskRequest): Promise<AskOutcome> {
    const session = await this.questions.findSession(request.editionSlug, request.sessionId);
    if (!session?.isPublic) return { status: 'not_found' };
    const parsed = parseAskQuestion(request.input);
    if (!parsed.ok) return { status: 'invalid', problems: parsed.problems };
    const { values } = parsed;
    const earlier = await this.questions.findAsked(session.sessionId, request.participantId, values.idempotencyKey);
    if (earlier) return { status: 'asked', question: earlier, isNew: false };
    const decision = await takeParticipationAllowance(
      this.ports.limiter,
      { perParticipant: questionRateRules.ask, perAddress: questionRateRules.askPerAddress },
      request.participantId,
      request.address
    );
    if (!decision.allowed) return { status: 'too_fast', retryAfterMs: decision.retryAfterMs };
    const screened = {
      ...values,
      text: await this.screenText(session.editionId, values.text),
      displayName: values.displayName === null ? null : await this.screenText(session.editionId, values.displayName)
    };
    const asked = await this.questions.ask(session.sessionId, request.participantId, screened, this.clock());
    if (asked.isNew) this.ports.liveEvents.afterCommit();
    return { status: 'asked', ...asked };
  }

  /** Adds (`up`) or withdraws this participant's vote; repeating either changes nothing. */
  async vote(request: VoteRequest): Promise<VoteResult> {
    if (!questionId.safeParse(request.questionId).success) return { status: 'not_found' };
    const session = await this.questions.findSession(request.editionSlug, request.sessionId);
    if (!session?.isPublic) return { status: 'not_found' };
    const decision: RateDecision = await this.ports.limiter.take(questionRateRules.vote, request.participantId);
    if (!decision.allowed) return { status: 'too_fast', retryAfterMs: decision.retryAfterMs };
    const outcome = await this.questions.vote(
      session.sessionId,
      request.questionId.toLowerCase(),
      request.participantId,
      request.intent,
      this.clock()
    );
    if (outcome.status !== 'saved') return outcome;
    if (outcome.changed) this.ports.liveEvents.afterCommit();
    return { status: 'saved', question: outcome.question, hasVote: outcome.hasVote };
  }

  /** The public panel for one viewer (null: someone who never participated, so nothing of theirs to mark). */
  async panel(sessionId: string, viewerId: string | null, sort: QuestionSort): Promise<QuestionPanelView> {
    const [listed, settings] = await Promise.all([
      this.questions.listForPanel(sessionId, viewerId, sort, panelQuestionLimit),
      this.questions.settings(sessionId)
    ]);
    const view = (q: Question): PanelQuestion => ({
      id: q.id,
      text: q.text,
      displayName: q.displayName,
      voteCount: q.voteCount,
      isPinned: q.isPinned,
      isAnswered: q.isAnswered,
      askedAt: q.askedAt,
      hasMyVote: listed.votedIds.has(q.id),
      isMine: viewerId !== null && q.participantId === viewerId
    });
    return {
      sort,
      questions: orderQuestions(listed.questions, sort).map(view),
      total: listed.total,
      ownPending: listed.ownPending.map(view),
      isPremoderated: settings.isPremoderated
    };
  }

  /** Everything the moderation page shows, for moderators and admins of the edition. */
  async moderationView(
    actor: Actor,
    editionSlug: string,
    sessionId: string
  ): Promise<({ readonly status: 'found' } & ModerationView) | { readonly status: 'forbidden' | 'not_found' }> {
    const session = await this.moderatedSession(actor, editionSlug, sessionId);
    if (session.status !== 'found') return session;
    const [settings, questions, history] = await Promise.all([
      this.questions.settings(sessionId),
      this.questions.listForModeration(sessionId),
      this.questions.moderationHistory(sessionId)
    ]);
    return { status: 'found', session: session.session, settings, questions, history };
  }

  async moderate(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    id: string,
    baseVersion: number,
    action: ModerationAction
  ): Promise<ModerationResult> {
    if (!questionId.safeParse(id).success) return { status: 'not_found' };
    const session = await this.moderatedSession(actor, editionSlug, sessionId);
    if (session.status !== 'found') return session;
    const outcome = await this.questions.moderate(
      this.scopeOf(session.session),
      id.toLowerCase(),
      baseVersion,
      action,
      { accountId: actor.id },
      this.clock()
    );
    if (outcome.status === 'saved') this.ports.liveEvents.afterCommit();
    return outcome;
  }

  /** Folds the duplicate into the question kept; the duplicate's voters count once on it. */
  async merge(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    duplicateId: string,
    baseVersion: number,
    keepId: string
  ): Promise<ModerationResult> {
    if (!questionId.safeParse(duplicateId).success) return { status: 'not_found' };
    const session = await this.moderatedSession(actor, editionSlug, sessionId);
    if (session.status !== 'found') return session;
    if (!questionId.safeParse(keepId).success) {
      const current = (await this.questions.listForModeration(sessionId)).find(
        (q) => q.id === duplicateId.toLowerCase()
      );
      return current
        ? { status: 'refused', code: 'question.merge_target_unavailable', current }
        : { status: 'not_found' };
    }
    const outcome = await this.questions.merge(
      this.scopeOf(session.session),
      duplicateId.toLowerCase(),
      baseVersion,
      keepId.toLowerCase(),
      { accountId: actor.id },
      this.clock()
    );
    if (outcome.status === 'saved') this.ports.liveEvents.afterCommit();
    return outcome;
  }

  async setPremoderation(
    actor: Actor,
    editionSlug: string,
    sessionId: string,
    baseVersion: number,
    isPremoderated: boolean
  ): Promise<PremoderationResult> {
    const session = await this.moderatedSession(actor, editionSlug, sessionId);
    if (session.status !== 'found') return session;
    return this.questions.setPremoderation(
      this.scopeOf(session.session),
      baseVersion,
      isPremoderated,
      { accountId: actor.id },
      this.clock()
    );
  }

  private async moderatedSession(
    actor: Actor,
    editionSlug: string,
    sessionId: string
  ): Promise<
    { readonly status: 'found'; readonly session: QuestionSession } | { readonly status: 'forbidden' | 'not_found' }
  > {
    const session = await this.questions.findSession(editionSlug, sessionId);
    if (!session) return { status: 'not_found' };
    if (!canModerate(actor, session.editionId)) return { status: 'forbidden' };
    return { status: 'found', session };
  }

  private scopeOf(session: QuestionSession) {
    return { editionId: session.editionId, sessionId: session.sessionId };
  }
}
