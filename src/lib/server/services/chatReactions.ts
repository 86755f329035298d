/**
 * Emoji reactions: counted in memory per session for one second on this
 * node (ReactionBursts), then published straight through the hub as one
 * `reaction.burst` `{ counts }` per session. Not stored and not sent through
 * the outbox, by design (ADR 013): a reaction is a momentary signal, and a
 * burst lost in a crash or a Redis outage is one second of applause, while
 * storing every click at 20k viewers would be most of the database's work.
 */
import { channelName } from '../../domain/realtime/channel.js';
import { ReactionBursts } from '../../domain/participation/chat/reactionBursts.js';
import { isReactionKey } from '../../domain/participation/chat/reactions.js';
import { takeParticipationAllowance, type RateLimiter, type RateRule } from '../rateLimits/rateLimiter.js';

/** Per participant 10 reactions / 10 s (issue 4); per address 100 / 10 s so one machine cannot fake a crowd with fresh cookies. */
export const reactionRateRules: { readonly perParticipant: RateRule; readonly perAddress: RateRule } = {
  perParticipant: { name: 'chat.react', limit: 10, windowMs: 10_000 },
  perAddress: { name: 'chat.react.address', limit: 100, windowMs: 10_000 }
};

/** The hub's publish (`hub.publish`): numbers and delivers an event on a channel. */
export type PublishEvent = (channel: string, name: string, data: unknown) => Promise<unknown>;

export type ReactionResult =
  | { readonly status: 'counted' }
  | { readonly status: 'invalid' }
  | { readonly status: 'too_fast'; readonly retryAfterSeconds: number };

export interface ChatReactionsOptions {
  readonly rateLimiter: RateLimiter;
  readonly publish: PublishEvent;
  readonly intervalMs?: number;
  readonly onFailure?: (error: unknown) => void;
}

export class ChatReactions {
  readonly #bursts = new ReactionBursts();
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ChatReactionsOptions) {}

  /** Counts a reaction in a session the caller resolved (published, not deleted). */
  async react(
    sessionId: string,
    poster: { readonly participantId: string; readonly address: string },
    rawKey: unknown
  ): Promise<ReactionResult> {
    if (!isReactionKey(rawKey)) return { status: 'invalid' };
    const allowance = await takeParticipationAllowance(
      this.options.rateLimiter,
      reactionRateRules,
      poster.participantId,
      poster.address
    );
    if (!allowance.allowed)
      return { status: 'too_fast', retryAfterSeconds: Math.max(1, Math.ceil(allowance.retryAfterMs / 1000)) };
    this.#bursts.add(sessionId, rawKey);
    return { status: 'counted' };
  }

  /** Publishes one burst per session that had reactions since the last flush. */
  async flush(): Promise<void> {
    const bursts = this.#bursts.drain();
    await Promise.all(
      bursts.map(async (burst) => {
        try {
          await this.options.publish(channelName('session', burst.sessionId), 'reaction.burst', {
            counts: burst.counts
          });
        } catch (error) {
          this.options.onFailure?.(error);
        }
      })
    );
  }

  /** Flushes every second until closed. */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.flush(), this.options.intervalMs ?? 1000);
    this.#timer.unref();
  }

  /** Stops the timer and publishes what is still counted. */
  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.flush();
  }
}
