/**
 * The ports chat needs from the live-stage foundation, with the names and
 * shapes of its contract (issue 4): a rate limiter, the check of the
 * per-participant and per-address rules together, and the nudge that
 * publishes outbox rows right after a commit. Defined here so chat is built
 * and tested against them before the foundation lands; then these become
 * re-exports of the real ones.
 */

export interface RateRule {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
}
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };
export interface RateLimiter {
  take(rule: RateRule, key: string): Promise<RateDecision>;
}

/** Checks the per-participant rule and the per-address rule; the first refusal wins. */
export async function takeParticipationAllowance(
  limiter: RateLimiter,
  rules: { perParticipant: RateRule; perAddress: RateRule },
  participantId: string,
  address: string
): Promise<RateDecision> {
  const mine = await limiter.take(rules.perParticipant, participantId);
  if (!mine.allowed) return mine;
  return limiter.take(rules.perAddress, address);
}

/** Publishes committed outbox rows promptly (the relay also polls). */
export interface LiveEvents {
  afterCommit(): void;
}
