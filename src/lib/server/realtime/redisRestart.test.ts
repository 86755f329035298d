/**
 * Fault test: Redis itself is killed and started again while two hub nodes
 * stream events through it. The test runs its own `redis-server` on a free
 * loopback port (the shared one must not be restarted), without persistence,
 * so the restarted Redis has forgotten every counter and stream — the worst
 * case. Delivery must resume by itself: no node restarts, no viewer
 * reconnects by hand, and viewers are told their state is stale rather than
 * silently missing what could not be kept.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveTestClient, startTestHub, type Frame, type TestHub } from './testing/liveTestClient.js';
import { RedisBus } from './redisBus.js';

const redisServer = spawnSync('redis-server', ['--version']).status === 0;
if (!redisServer) console.info('note: redis-server is not installed, so the Redis restart fault test is skipped.');

const channel = 'session:talk-concert';
let redis: ChildProcess | null = null;
let nodes: TestHub[] = [];
let clients: LiveTestClient[] = [];

afterEach(async () => {
  for (const client of clients) client.socket.terminate();
  for (const node of nodes) await node.close();
  redis?.kill('SIGKILL');
  redis = null;
  nodes = [];
  clients = [];
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 15 s')), 15_000);
    child.stdout?.on('data', (data: Buffer) => {
      if (data.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Publishes like the outbox relay does: a publish that fails during the outage is tried again. */
async function publishUntilAccepted(node: TestHub, n: number, deadline: number): Promise<number> {
  for (;;) {
    try {
      return await node.hub.publish(channel, 'question.asked', { n });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await pause(50);
    }
  }
}

const eventsOf = (client: LiveTestClient): Frame[] =>
  client.frames.filter((f) => f.type === 'event' && f.channel === channel);

describe.skipIf(!redisServer)('Redis restarted mid-stream', () => {
  it('two nodes keep delivering after Redis comes back empty, and tell viewers what was lost', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 2; i += 1) {
      nodes.push(
        await startTestHub(
          { presenceMs: 60_000 },
          new RedisBus(url, { prefix: 'madang:restart:', onFailure: () => {} })
        )
      );
    }
    const [a, b] = nodes as [TestHub, TestHub];
    for (const node of [a, a, b, b]) {
      const client = await LiveTestClient.open(node.url);
      clients.push(client);
      await client.subscribe(channel);
    }

    const deadline = Date.now() + 45_000;
    const before: number[] = [];
    for (let n = 0; n < 20; n += 1) before.push(await publishUntilAccepted(n % 2 ? b : a, n, deadline));
    for (const client of clients) await client.waitForEvents(channel, 20, 30_000);

    await stopRedis(redis);
    // Published while Redis is down: held back and retried, as the outbox relay does.
    const during = Promise.all([20, 21, 22].map((n) => publishUntilAccepted(n % 2 ? b : a, n, deadline)));
    await pause(300);
    redis = await startRedis(port);
    const duringSeqs = await during;

    // Events keep coming after the restart, as they do during a live session.
    // A node may hear them only once its listener is back; whatever it could
    // not receive it must tell its viewers about (snapshot-required), then
    // deliver everything after that point.
    const after: number[] = [];
    const caughtUp = (client: LiveTestClient) => {
      const reset = client.frames.findLastIndex((f) => f.type === 'snapshot-required' && f.channel === channel);
      return reset >= 0 && client.frames.slice(reset).some((f) => f.type === 'event' && (f.data.n as number) >= 23);
    };
    for (let n = 23; n < 323 && !clients.every(caughtUp); n += 1) {
      after.push(await publishUntilAccepted(n % 2 ? b : a, n, deadline));
      await pause(20);
    }
    const last = 22 + after.length;
    for (const client of clients) {
      await client.next(() => eventsOf(client).some((f) => f.data.n === last), 0, 30_000);
      const seen = eventsOf(client);
      const seqs = seen.map((f) => f.seq as number);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seen.slice(0, 20).map((f) => f.data.n)).toEqual(before.map((_, n) => n));
      // The restarted Redis forgot the channel: numbering goes on from above, and viewers are told to reload.
      expect(Math.min(...duringSeqs, ...after)).toBeGreaterThan(Math.max(...before));
      const reset = client.frames.findLastIndex((f) => f.type === 'snapshot-required' && f.channel === channel);
      expect(reset).toBeGreaterThan(-1);
      // From the point the viewer was told to reload, every event arrives, in order, to the last one.
      // (By sequence number: the three sent during the outage raced each other, so their n may be in any order.)
      const resumed = client.frames
        .slice(reset)
        .filter((f) => f.type === 'event')
        .map((f) => f.seq as number);
      expect(resumed.length).toBeGreaterThan(0);
      expect(resumed).toEqual(resumed.map((_, i) => (resumed[0] as number) + i));
      expect(resumed.at(-1)).toBe(Math.max(...after));
    }
  }, 120_000);
});
