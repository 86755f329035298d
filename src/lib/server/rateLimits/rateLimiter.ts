/**
 * Rate limits for participation (asking, voting, chatting): fixed windows
 * counted per rule and key. The memory limiter serves one process and evicts
 * expired windows as it goes, so its memory is bounded by the keys active in
 * one window; the Redis limiter counts with one atomic script per take
 * (INCR, PEXPIRE on the first hit), so limits hold across app nodes.
 */
import { Redis } from 'ioredis';

export interface RateRule {
  /** Unique per rule, e.g. `question.ask.participant`; part of the storage key. */
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export interface RateLimiter {
  take(rule: RateRule, key: string): Promise<RateDecision>;
}

const allowed: RateDecision = { allowed: true };

/** Checks the per-participant rule and then the per-address rule; the first refusal wins (and the address is not charged). */
export async function takeParticipationAllowance(
  limiter: RateLimiter,
  rules: { perParticipant: RateRule; perAddress: RateRule },
  participantId: string,
  address: string
): Promise<RateDecision> {
  const byParticipant = await limiter.take(rules.perParticipant, participantId);
  if (!byParticipant.allowed) return byParticipant;
  return limiter.take(rules.perAddress, address);
}

/** Whole seconds to tell a person ("try again in N seconds"), at least 1. */
export function retryAfterSeconds(decision: { readonly retryAfterMs: number }): number {
  return Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
}

/** Every decision allowed: the test server under MADANG_TEST_UNLIMITED=1 (load and fault tests). */
export const unlimitedRateLimiter: RateLimiter = { take: () => Promise.resolve(allowed) };

interface Window {
  count: number;
  endsAt: number;
}

export class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, Window>();
  #nextSweepAt = 0;

  constructor(
    private readonly clock: () => number = Date.now,
    /** How often expired windows are swept out (on a take; no timer). */
    private readonly sweepEveryMs = 10_000
  ) {}

  /** Windows currently kept (for tests of the eviction). */
  get size(): number {
    return this.#windows.size;
  }

  take(rule: RateRule, key: string): Promise<RateDecision> {
    const now = this.clock();
    if (now >= this.#nextSweepAt) this.#sweep(now);
    const id = `${rule.name}:${key}`;
    let window = this.#windows.get(id);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + rule.windowMs };
      this.#windows.set(id, window);
    }
    window.count += 1;
    return Promise.resolve(
      window.count <= rule.limit ? allowed : { allowed: false, retryAfterMs: window.endsAt - now }
    );
  }

  #sweep(now: number): void {
    this.#nextSweepAt = now + this.sweepEveryMs;
    for (const [id, window] of this.#windows) if (window.endsAt <= now) this.#windows.delete(id);
  }
}

/** INCR the window's counter, start its expiry on the first hit (or if it somehow has none); answer the count and the time left. */
const takeScript = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export const rateKeyPrefix = 'madang:rate:';

/** The limiter for this configuration: Redis when REDIS_URL is set (limits hold across nodes), memory otherwise. */
export function createRateLimiter(
  config: { readonly redisUrl: string | null },
  onFailure: (error: unknown) => void
): { readonly limiter: RateLimiter; close(): Promise<void> } {
  if (!config.redisUrl) return { limiter: new MemoryRateLimiter(), close: () => Promise.resolve() };
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', onFailure);
  return {
    limiter: new RedisRateLimiter(redis, { onFailure }),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    }
  };
}

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly options: { readonly prefix?: string; readonly onFailure?: (error: unknown) => void } = {}
  ) {}

  async take(rule: RateRule, key: string): Promise<RateDecision> {
    const redisKey = `${this.options.prefix ?? rateKeyPrefix}${rule.name}:${key}`;
    try {
      const [count, ttl] = (await this.redis.eval(takeScript, 1, redisKey, String(rule.windowMs))) as [number, number];
      return count <= rule.limit ? allowed : { allowed: false, retryAfterMs: Math.max(1, ttl) };
    } catch (error) {
      // A limiter that cannot count lets people take part rather than refusing everyone.
      this.options.onFailure?.(error);
      return allowed;
    }
  }
}
