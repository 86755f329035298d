/**
 * Fault test: while a stream of events goes out, a tenth of the viewers drop
 * their connection and come back with the last sequence number they saw (to
 * the other node, when Redis is available). Every viewer must end with every
 * event exactly once, in order. Bounded counts, loopback only.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bus } from './bus.js';
import { LiveTestClient, startTestHub, type TestHub } from './testing/liveTestClient.js';
import { MemoryBus } from './memoryBus.js';
import { RedisBus } from './redisBus.js';

if (!process.env.REDIS_URL)
  console.info('note: REDIS_URL is not set, so the two-node fault test is skipped (the one-node one runs).');

const channel = 'edition:seoul-2020';
const viewerCount = 40;
const eventCount = 200;
const history = { maxEntries: 500, maxAgeMs: 60_000 };
let running: TestHub[] = [];

afterEach(async () => {
  for (const live of running) await live.close();
  running = [];
});

/** A viewer across its connections: the events it received, whichever socket brought them. */
class ReturningViewer {
  readonly seqs: number[] = [];
  client!: LiveTestClient;
  #counted = 0;

  async connect(url: string): Promise<void> {
    const since = this.seqs.at(-1);
    this.client = await LiveTestClient.open(url);
    this.#counted = 0;
    await this.client.subscribe(channel, since);
  }

  /** Moves what the current socket received into `seqs`. */
  collect(): void {
    const received = this.client.seqs(channel);
    this.seqs.push(...received.slice(this.#counted));
    this.#counted = received.length;
  }

  drop(): void {
    this.collect();
    this.client.socket.terminate();
  }
}

async function runFaults(nodes: TestHub[]): Promise<void> {
  const viewers = Array.from({ length: viewerCount }, () => new ReturningViewer());
  for (const [i, v] of viewers.entries()) await v.connect((nodes[i % nodes.length] as TestHub).url);
  const published: number[] = [];
  const reconnecting: Promise<void>[] = [];
  for (let n = 0; n < eventCount; n += 1) {
    const publisher = nodes[n % nodes.length] as TestHub;
    published.push(await publisher.hub.publish(channel, 'question.asked', { n }));
    if (n % 40 === 20) {
      // A different tenth of the viewers each round drops; they come back on
      // another node a little later, while the stream goes on.
      const round = Math.floor(n / 40);
      const dropping = viewers.filter((_, i) => i % 10 === round);
      for (const v of dropping) v.drop();
      const elsewhere = nodes[(n + 1) % nodes.length] as TestHub;
      reconnecting.push(
        new Promise((resolve) => setTimeout(resolve, 5)).then(async () => {
          for (const v of dropping) await v.connect(elsewhere.url);
        })
      );
    }
    // Let sockets breathe (and the dropped viewers reconnect mid-stream).
    if (n % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(reconnecting);
  for (const v of viewers) {
    await v.client.next(() => v.client.seqs(channel).at(-1) === published.at(-1), 0, 10_000);
    v.collect();
  }
  for (const v of viewers) expect(v.seqs).toEqual(published);
  for (const v of viewers) v.client.socket.terminate();
}

describe('viewers dropping and coming back during a stream', () => {
  it('every viewer ends with every event, in order (one node)', async () => {
    const live = await startTestHub({ history, presenceMs: 60_000 }, new MemoryBus());
    running.push(live);
    await runFaults([live]);
  });

  it.skipIf(!process.env.REDIS_URL)(
    'every viewer ends with every event, in order (two nodes through Redis)',
    async () => {
      const prefix = `madang:test:${randomUUID()}:`;
      const bus = (): Bus => new RedisBus(process.env.REDIS_URL as string, { prefix, streamLength: 500 });
      const a = await startTestHub({ history, presenceMs: 60_000 }, bus());
      const b = await startTestHub({ history, presenceMs: 60_000 }, bus());
      running.push(a, b);
      try {
        await runFaults([a, b]);
      } finally {
        const redis = new Redis(process.env.REDIS_URL as string);
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
        await redis.quit();
      }
    }
  );
});
