/**
 * Two hub nodes on loopback sharing events through the real Redis at
 * REDIS_URL (skipped, with the reason printed, when it is unset). Each run
 * uses its own key prefix and deletes its keys afterwards.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LiveTestClient, startTestHub, type TestHub } from './testing/liveTestClient.js';
import { RedisBus } from './redisBus.js';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.info('note: REDIS_URL is not set, so the two-node Redis hub tests are skipped.');

const prefix = `madang:test:${randomUUID()}:`;
const keynote = 'session:opening-keynote';
let running: TestHub[] = [];
let clients: LiveTestClient[] = [];

async function node(
  options: { history?: { maxEntries: number; maxAgeMs: number }; presenceMs?: number } = {}
): Promise<{ live: TestHub; bus: RedisBus }> {
  const bus = new RedisBus(redisUrl as string, { prefix, streamLength: 100 });
  const live = await startTestHub({ presenceMs: 60_000, ...options }, bus);
  running.push(live);
  return { live, bus };
}

async function viewer(live: TestHub): Promise<LiveTestClient> {
  const client = await LiveTestClient.open(live.url);
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients) client.socket.terminate();
  for (const live of running) await live.close();
  running = [];
  clients = [];
});

afterAll(async () => {
  if (!redisUrl) return;
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe.skipIf(!redisUrl)('two hub nodes through Redis', () => {
  it('sends an event published on node B to a viewer on node A, numbered once for both', async () => {
    const a = await node();
    const b = await node();
    const onA = await viewer(a.live);
    const onB = await viewer(b.live);
    const subscribed = await onA.subscribe(keynote);
    await onB.subscribe(keynote);
    const seq = await b.live.hub.publish(keynote, 'question.asked', { id: 'q1' });
    await a.live.hub.publish(keynote, 'question.asked', { id: 'q2' });
    expect(seq).toBe(subscribed.seq + 1);
    await onA.waitForEvents(keynote, 2);
    await onB.waitForEvents(keynote, 2);
    expect(onA.seqs(keynote)).toEqual([seq, seq + 1]);
    expect(onB.frames.filter((f) => f.type === 'event')).toEqual(onA.frames.filter((f) => f.type === 'event'));
  });

  it('recovers on node B what a viewer missed on node A, from the Redis stream', async () => {
    const a = await node();
    const b = await node({ history: { maxEntries: 100, maxAgeMs: 60_000 } });
    const onA = await viewer(a.live);
    await onA.subscribe(keynote);
    await a.live.hub.publish(keynote, 'question.asked', { n: 0 });
    await onA.waitForEvents(keynote, 1);
    const last = onA.seqs(keynote)[0] as number;
    onA.close();
    for (let n = 1; n <= 6; n += 1) await a.live.hub.publish(keynote, 'question.asked', { n });

    // A fresh node: nothing of this channel in its own memory.
    const c = await node();
    const onC = await viewer(c.live);
    const subscribed = await onC.subscribe(keynote, last);
    expect(onC.seqs(keynote)).toEqual([1, 2, 3, 4, 5, 6].map((n) => last + n));
    expect(onC.frames.filter((f) => f.type === 'event').map((f) => f.data.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(subscribed.seq).toBe(last + 6);
    void b;
  });

  it('fills what a node missed while its Redis connection was down', async () => {
    const a = await node();
    const b = await node();
    const onA = await viewer(a.live);
    await onA.subscribe(keynote);
    await b.live.hub.publish(keynote, 'question.asked', { n: 0 });
    await onA.waitForEvents(keynote, 1);
    a.bus.interruptListener();
    for (let n = 1; n <= 5; n += 1) await b.live.hub.publish(keynote, 'question.asked', { n });
    await onA.waitForEvents(keynote, 6);
    await b.live.hub.publish(keynote, 'question.asked', { n: 6 });
    await onA.waitForEvents(keynote, 7);
    const seqs = onA.seqs(keynote);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] as number) + i));
    expect(onA.frames.filter((f) => f.type === 'event').map((f) => f.data.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('tells viewers their state is stale when Redis lost the channel, and numbers on from above', async () => {
    const a = await node();
    const onA = await viewer(a.live);
    await onA.subscribe(keynote);
    const before = await a.live.hub.publish(keynote, 'question.asked', {});
    await onA.waitForEvents(keynote, 1);
    const redis = new Redis(redisUrl as string);
    await redis.del(`${prefix}seq:${keynote}`, `${prefix}stream:${keynote}`);
    await redis.quit();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const after = await a.live.hub.publish(keynote, 'question.asked', {});
    expect(after).toBeGreaterThan(before);
    await onA.waitForEvents(keynote, 2);
    const reset = onA.frames.find((f) => f.type === 'snapshot-required');
    expect(reset).toEqual({ v: 1, type: 'snapshot-required', channel: keynote, seq: after - 1 });
    expect(onA.seqs(keynote)).toEqual([before, after]);
  });

  it('adds up viewers on every node', async () => {
    const a = await node({ presenceMs: 50 });
    const b = await node({ presenceMs: 50 });
    for (const live of [a.live, a.live, b.live]) await (await viewer(live)).subscribe(keynote);
    const watcher = clients[0] as LiveTestClient;
    await watcher.next((f) => f.type === 'viewers' && f.count === 3);
    expect(b.live.hub.viewerCount(keynote)).toBe(3);
  });
});
