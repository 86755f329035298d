/**
 * Participants chatting in a session: check the message, then the rate
 * limits, then (in the repository's transaction, under the participant's
 * lock) mute and slow mode, then store it with the edition's word filter
 * applied and its `chat.posted` event; after the commit, nudge the relay.
 * A retry with the same idempotency key gets the first message back, even
 * when the rules would now refuse a new one. Also reads what the public chat
 * panel shows.
 */
import { resolveChatMessage, type ChatInputProblem } from '../../domain/participation/chat/chatMessageInput.js';
import { isChatMessageId } from '../../domain/participation/chat/chatMessageId.js';
import { slowModeWaitSeconds } from '../../domain/participation/chat/slowMode.js';
import { applyWordFilter } from '../../domain/participation/wordFilter.js';
import type { ChatMessage, ChatPage, ChatRepository, ChatSessionRef, PostFacts } from '../db/chatRepository.js';
import { takeParticipationAllowance, type RateLimiter, type RateRule } from '../rateLimits/rateLimiter.js';
import type { LiveEvents } from '../realtime/outboxRelay.js';

/** Per participant 10 messages / 30 s, per address 100 / 30 s (issue 4). */
export const chatRateRules: { readonly perParticipant: RateRule; readonly perAddress: RateRule } = {
  perParticipant: { name: 'chat.post', limit: 10, windowMs: 30_000 },
  perAddress: { name: 'chat.post.address', limit: 100, windowMs: 30_000 }
};

/** Messages the panel shows at once. */
export const chatPageSize = 50;

export interface ChatPoster {
  readonly participantId: string;
  /** The client address (for the per-address limit). */
  readonly address: string;
}

export type ChatPostResult =
  | { readonly status: 'posted'; readonly message: ChatMessage }
  | { readonly status: 'invalid'; readonly problems: readonly ChatInputProblem[] }
  | { readonly status: 'muted' }
  | { readonly status: 'slow_mode'; readonly retryAfterSeconds: number }
  | { readonly status: 'too_fast'; readonly retryAfterSeconds: number }
  | { readonly status: 'not_found' };

type Refusal = { readonly status: 'muted' } | { readonly status: 'slow_mode'; readonly retryAfterSeconds: number };

export interface ChatPanelState {
  readonly page: ChatPage;
  readonly slowModeSeconds: number;
  /** The name the participant used last, to fill in the form (null for someone who never chatted). */
  readonly displayName: string | null;
}

export interface ChatMessagingPorts {
  readonly rateLimiter: RateLimiter;
  readonly liveEvents: LiveEvents;
  readonly clock?: () => Date;
}

export class ChatMessaging {
  readonly #clock: () => Date;

  constructor(
    private readonly chat: ChatRepository,
    private readonly ports: ChatMessagingPorts
  ) {
    this.#clock = ports.clock ?? (() => new Date());
  }

  /** The session for the public chat (null unless the session and its edition are published). */
  async publicSession(editionSlug: string, sessionId: string): Promise<ChatSessionRef | null> {
    const session = await this.chat.findSession(editionSlug, sessionId);
    return session?.isPublic ? session : null;
  }

  async post(session: ChatSessionRef, poster: ChatPoster, raw: unknown): Promise<ChatPostResult> {
    if (!session.isPublic) return { status: 'not_found' };
    const resolved = resolveChatMessage(raw);
    if (!resolved.ok) return { status: 'invalid', problems: resolved.problems };
    const allowance = await takeParticipationAllowance(
      this.ports.rateLimiter,
      chatRateRules,
      poster.participantId,
      poster.address
    );
    if (!allowance.allowed)
      return { status: 'too_fast', retryAfterSeconds: Math.max(1, Math.ceil(allowance.retryAfterMs / 1000)) };
    const { words } = await this.chat.wordFilter(session.editionId);
    const now = this.#clock();
    const outcome = await this.chat.post<Refusal>(
      {
        sessionId: session.sessionId,
        editionId: session.editionId,
        participantId: poster.participantId,
        displayName: applyWordFilter(resolved.values.displayName, words),
        text: applyWordFilter(resolved.values.text, words),
        idempotencyKey: resolved.values.idempotencyKey,
        postedAt: now
      },
      (facts) => refusalOf(facts, now)
    );
    if (outcome.status === 'refused') return outcome.refusal;
    if (!outcome.isReplay) this.ports.liveEvents.afterCommit();
    return { status: 'posted', message: outcome.message };
  }

  /** What the panel shows: the latest messages (or those before `beforeId`), slow mode, and the participant's name. */
  async panel(
    session: ChatSessionRef,
    participantId: string | null,
    beforeId: string | null = null
  ): Promise<ChatPanelState> {
    const page = await this.chat.page(session.sessionId, {
      limit: chatPageSize,
      beforeId: isChatMessageId(beforeId) ? beforeId : null
    });
    const slowModeSeconds = await this.chat.slowModeSeconds(session.sessionId);
    const displayName = participantId ? await this.chat.lastDisplayName(participantId) : null;
    return { page, slowModeSeconds, displayName };
  }

  /** The edition's word filter applied to a text (for other features that take text from participants, e.g. questions). */
  async screenText(editionId: string, text: string): Promise<string> {
    const { words } = await this.chat.wordFilter(editionId);
    return applyWordFilter(text, words);
  }
}

function refusalOf(facts: PostFacts, now: Date): Refusal | null {
  if (facts.isMuted) return { status: 'muted' };
  const wait = slowModeWaitSeconds(facts.lastPostedAt, now, facts.slowModeSeconds);
  return wait > 0 ? { status: 'slow_mode', retryAfterSeconds: wait } : null;
}
