import { describe, expect, it } from 'vitest';
import { ChatReactions } from './chatReactions.js';
import type { RateDecision, RateLimiter, RateRule } from '../rateLimits/rateLimiter.js';

/** Allows `limit` takes per rule and key, then refuses with a 4.2 s wait. */
function countingLimiter(): RateLimiter & { taken: string[] } {
  const counts = new Map<string, number>();
  const taken: string[] = [];
  return {
    taken,
    async take(rule: RateRule, key: string): Promise<RateDecision> {
      const id = `${rule.name}/${key}`;
      taken.push(id);
      const n = (counts.get(id) ?? 0) + 1;
      counts.set(id, n);
      return n <= rule.limit ? { allowed: true } : { allowed: false, retryAfterMs: 4200 };
    }
  };
}

const alice = { participantId: 'p:alice', address: '192.0.2.1' };

describe('ChatReactions', () => {
  it('publishes one reaction.burst per session with the counts of the second, through the hub', async () => {
    const published: unknown[][] = [];
    const reactions = new ChatReactions({
      rateLimiter: countingLimiter(),
      publish: async (...args) => published.push(args)
    });
    await reactions.react('keynote', alice, 'clap');
    await reactions.react('keynote', { ...alice, participantId: 'p:bob' }, 'clap');
    await reactions.react('keynote', alice, 'heart');
    await reactions.react('panel', alice, 'pray');
    await reactions.flush();
    expect(published).toEqual([
      ['session:keynote', 'reaction.burst', { counts: { '👏': 2, '❤️': 1 } }],
      ['session:panel', 'reaction.burst', { counts: { '🙏': 1 } }]
    ]);
    published.length = 0;
    await reactions.flush();
    expect(published).toEqual([]);
  });

  it('refuses anything but the six reaction keys without counting or taking allowance', async () => {
    const limiter = countingLimiter();
    const published: unknown[] = [];
    const reactions = new ChatReactions({ rateLimiter: limiter, publish: async (...args) => published.push(args) });
    for (const raw of ['👏', 'boo', '', undefined, 'constructor'])
      expect(await reactions.react('keynote', alice, raw)).toEqual({ status: 'invalid' });
    await reactions.flush();
    expect(published).toEqual([]);
    expect(limiter.taken).toEqual([]);
  });

  it('allows a participant 10 reactions per 10 s and says how long to wait', async () => {
    const reactions = new ChatReactions({ rateLimiter: countingLimiter(), publish: async () => undefined });
    for (let i = 0; i < 10; i++) expect(await reactions.react('keynote', alice, 'clap')).toEqual({ status: 'counted' });
    expect(await reactions.react('keynote', alice, 'clap')).toEqual({ status: 'too_fast', retryAfterSeconds: 5 });
    expect(await reactions.react('keynote', { ...alice, participantId: 'p:bob' }, 'clap')).toEqual({
      status: 'counted'
    });
  });

  it('keeps flushing other sessions when one publish fails, and reports the failure', async () => {
    const failures: unknown[] = [];
    const published: string[] = [];
    const reactions = new ChatReactions({
      rateLimiter: countingLimiter(),
      publish: async (channel) => {
        if (channel === 'session:broken') throw new Error('hub down');
        published.push(channel);
      },
      onFailure: (error) => failures.push(error)
    });
    await reactions.react('broken', alice, 'wow');
    await reactions.react('fine', alice, 'wow');
    await reactions.close();
    expect(published).toEqual(['session:fine']);
    expect(failures).toHaveLength(1);
  });
});
