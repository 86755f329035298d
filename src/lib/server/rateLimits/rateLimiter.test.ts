import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MemoryRateLimiter,
  RedisRateLimiter,
  retryAfterSeconds,
  takeParticipationAllowance,
  type RateLimiter,
  type RateRule
} from './rateLimiter.js';

const ask: RateRule = { name: 'test.ask', limit: 3, windowMs: 10_000 };
const rules = {
  perParticipant: { name: 'test.participant', limit: 2, windowMs: 10_000 },
  perAddress: { name: 'test.address', limit: 3, windowMs: 10_000 }
};

describe('memory rate limiter', () => {
  it('allows the limit in a window, then refuses with the time left, then allows again in the next window', async () => {
    let now = 1_000;
    const limiter = new MemoryRateLimiter(() => now);
    for (let i = 0; i < 3; i += 1) expect(await limiter.take(ask, 'p:a')).toEqual({ allowed: true });
    now += 4_000;
    expect(await limiter.take(ask, 'p:a')).toEqual({ allowed: false, retryAfterMs: 6_000 });
    expect(await limiter.take(ask, 'p:b')).toEqual({ allowed: true });
    now += 6_000;
    expect(await limiter.take(ask, 'p:a')).toEqual({ allowed: true });
  });

  it('evicts expired windows, so memory holds only the keys of the current window', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now, 1_000);
    for (let i = 0; i < 100; i += 1) await limiter.take(ask, `p:${i}`);
    expect(limiter.size).toBe(100);
    now += 20_000;
    await limiter.take(ask, 'p:late');
    expect(limiter.size).toBe(1);
  });

  it('keeps rules apart', async () => {
    const limiter = new MemoryRateLimiter(() => 0);
    const one = { name: 'test.one', limit: 1, windowMs: 1_000 };
    expect((await limiter.take(one, 'k')).allowed).toBe(true);
    expect((await limiter.take(one, 'k')).allowed).toBe(false);
    expect((await limiter.take({ ...one, name: 'test.two' }, 'k')).allowed).toBe(true);
  });
});

describe('participation allowance', () => {
  it('refuses on the per-participant rule first, then on the per-address rule across participants', async () => {
    const limiter = new MemoryRateLimiter(() => 0);
    expect(await takeParticipationAllowance(limiter, rules, 'p:a', '10.0.0.1')).toEqual({ allowed: true });
    expect(await takeParticipationAllowance(limiter, rules, 'p:a', '10.0.0.1')).toEqual({ allowed: true });
    expect((await takeParticipationAllowance(limiter, rules, 'p:a', '10.0.0.1')).allowed).toBe(false);
    // The refused take did not charge the address: one more participant gets through, the next does not.
    expect((await takeParticipationAllowance(limiter, rules, 'p:b', '10.0.0.1')).allowed).toBe(true);
    expect((await takeParticipationAllowance(limiter, rules, 'p:c', '10.0.0.1')).allowed).toBe(false);
    expect((await takeParticipationAllowance(limiter, rules, 'p:d', '10.0.0.2')).allowed).toBe(true);
  });

  it('rounds the wait up to whole seconds, at least one', () => {
    expect(retryAfterSeconds({ retryAfterMs: 1 })).toBe(1);
    expect(retryAfterSeconds({ retryAfterMs: 4_001 })).toBe(5);
  });
});

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.info('note: REDIS_URL is not set, so the Redis rate limiter tests are skipped.');
const prefix = `madang:rate:test-${randomUUID()}:`;
let redis: Redis | null = null;

afterAll(async () => {
  if (!redis) return;
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe.skipIf(!redisUrl)('Redis rate limiter', () => {
  it('counts across limiters sharing Redis (two nodes), with an expiry on the key', async () => {
    redis = new Redis(redisUrl as string);
    const nodeA: RateLimiter = new RedisRateLimiter(redis, { prefix });
    const nodeB: RateLimiter = new RedisRateLimiter(redis, { prefix });
    expect(await nodeA.take(ask, 'p:a')).toEqual({ allowed: true });
    expect(await nodeB.take(ask, 'p:a')).toEqual({ allowed: true });
    expect(await nodeA.take(ask, 'p:a')).toEqual({ allowed: true });
    const refused = await nodeB.take(ask, 'p:a');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.allowed === false && refused.retryAfterMs <= ask.windowMs).toBe(true);
    const ttl = await redis.pttl(`${prefix}${ask.name}:p:a`);
    expect(ttl).toBeGreaterThan(0);
    expect(await nodeA.take(ask, 'p:b')).toEqual({ allowed: true });
  });

  it('lets people take part when Redis cannot answer, and reports the failure', async () => {
    const broken = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null
    });
    broken.on('error', () => undefined);
    const failures: unknown[] = [];
    const limiter = new RedisRateLimiter(broken, { prefix, onFailure: (error) => failures.push(error) });
    expect(await limiter.take(ask, 'p:a')).toEqual({ allowed: true });
    expect(failures).toHaveLength(1);
    broken.disconnect();
  });
});
