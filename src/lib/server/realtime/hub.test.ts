import { afterEach, describe, expect, it, vi } from 'vitest';
import { hubFrame } from './frames.js';
import type { HubOptions } from './hub.js';
import { LiveTestClient, startTestHub, type TestHub } from './testing/liveTestClient.js';

let running: TestHub[] = [];
let clients: LiveTestClient[] = [];

async function hubWith(options: HubOptions = {}): Promise<TestHub> {
  const hub = await startTestHub({ presenceMs: 60_000, ...options });
  running.push(hub);
  return hub;
}

async function viewer(hub: TestHub, options = {}): Promise<LiveTestClient> {
  const client = await LiveTestClient.open(hub.url, options);
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients) client.socket.terminate();
  for (const hub of running) await hub.close();
  running = [];
  clients = [];
  vi.restoreAllMocks();
});

const keynote = 'session:opening-keynote';

async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the live endpoint', () => {
  it('greets, subscribes and sends each event with its sequence number', async () => {
    const live = await hubWith();
    const alice = await viewer(live);
    expect(alice.frames[0]).toMatchObject({ v: 1, type: 'welcome' });
    const subscribed = await alice.subscribe(keynote);
    const first = await live.hub.publish(keynote, 'question.asked', { id: 'q1' });
    expect(first).toBe(subscribed.seq + 1);
    await live.hub.publish(keynote, 'question.asked', { id: 'q2' });
    await alice.waitForEvents(keynote, 2);
    expect(alice.frames.filter((f) => f.type === 'event')).toEqual([
      {
        v: 1,
        type: 'event',
        channel: keynote,
        seq: first,
        name: 'question.asked',
        at: expect.any(Number),
        data: { id: 'q1' }
      },
      {
        v: 1,
        type: 'event',
        channel: keynote,
        seq: first + 1,
        name: 'question.asked',
        at: expect.any(Number),
        data: { id: 'q2' }
      }
    ]);
  });

  it('does not send a channel’s events to viewers of another channel, nor after unsubscribe', async () => {
    const live = await hubWith();
    const alice = await viewer(live);
    await alice.subscribe('edition:seoul-2020');
    await alice.subscribe(keynote);
    alice.send({ v: 1, type: 'unsubscribe', channel: keynote });
    await alice.next((f) => f.type === 'unsubscribed');
    await live.hub.publish(keynote, 'poll.opened', {});
    await live.hub.publish('edition:seoul-2020', 'session.live', {});
    await alice.waitForEvents('edition:seoul-2020', 1);
    expect(alice.seqs(keynote)).toEqual([]);
  });

  it('tells a page the channel’s position, so a viewer that subscribes from it gets what happened in between', async () => {
    const live = await hubWith();
    await live.hub.publish(keynote, 'question.asked', { id: 'q1' });
    const rendered = await live.hub.channelPosition(keynote);
    const missed = await live.hub.publish(keynote, 'poll.opened', {});
    expect(missed).toBe(rendered + 1);
    const alice = await viewer(live);
    await alice.subscribe(keynote, rendered);
    expect(alice.seqs(keynote)).toEqual([missed]);
    await expect(live.hub.channelPosition('stage:main')).rejects.toThrow(RangeError);
  });

  it('refuses upgrades on other paths', async () => {
    const live = await hubWith();
    await expect(LiveTestClient.open(live.url.replace('/live', '/elsewhere'))).rejects.toThrow(/404/);
  });

  it('refuses to publish to a channel or with a name that is not one', async () => {
    const live = await hubWith({ maxEventBytes: 1000 });
    await expect(live.hub.publish('stage:main', 'x', {})).rejects.toThrow(RangeError);
    await expect(live.hub.publish(keynote, 'Not A Name', {})).rejects.toThrow(RangeError);
    await expect(live.hub.publish(keynote, 'big', 'x'.repeat(2000))).rejects.toThrow(/limit/);
  });
});

describe('invalid messages', () => {
  it('answers each with an error code and keeps the connection', async () => {
    const live = await hubWith();
    const alice = await viewer(live);
    alice.send('not json');
    alice.send('{"v":9,"type":"ping"}');
    alice.send('{"v":1,"type":"subscribe","channel":"session:x","since":"7"}');
    alice.send('{"v":1,"type":"subscribe","channel":"room:x"}');
    alice.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    alice.send({ v: 1, type: 'ping', id: 'still-here' });
    await alice.next((f) => f.type === 'pong');
    expect(alice.frames.filter((f) => f.type === 'error').map((f) => f.code)).toEqual([
      'realtime.bad_json',
      'realtime.unsupported_version',
      'realtime.invalid_message',
      'realtime.channel_invalid',
      'realtime.not_text'
    ]);
    expect(alice.frames.at(-1)).toEqual({ v: 1, type: 'pong', id: 'still-here' });
    expect(alice.frames.find((f) => f.type === 'error')?.text).toBe('The message is not valid JSON.');
  });

  it('closes an oversized frame with 1009 and a flood of invalid ones with 1008', async () => {
    const live = await hubWith({ maxMessageBytes: 256, maxProblems: 3 });
    const big = await viewer(live);
    big.send({ v: 1, type: 'ping', id: 'x'.repeat(300) });
    expect((await big.closed).code).toBe(1009);
    const noisy = await viewer(live);
    for (let i = 0; i < 5; i += 1) noisy.send('{');
    expect(await noisy.closed).toEqual({ code: 1008, reason: 'too many invalid messages' });
  });

  it('limits the channels one connection follows', async () => {
    const live = await hubWith({ maxSubscriptions: 2 });
    const alice = await viewer(live);
    await alice.subscribe('session:a');
    await alice.subscribe('session:b');
    await alice.subscribe('session:b'); // subscribing again is a resume, not a third channel
    alice.send({ v: 1, type: 'subscribe', channel: 'session:c' });
    const refused = await alice.next((f) => f.type === 'error');
    expect(refused).toMatchObject({ code: 'realtime.too_many_subscriptions', channel: 'session:c' });
  });
});

describe('sequence, history and recovery', () => {
  it('sends a returning viewer exactly what it missed, in order', async () => {
    const live = await hubWith({ history: { maxEntries: 50, maxAgeMs: 60_000 } });
    const alice = await viewer(live);
    await alice.subscribe(keynote);
    for (let i = 0; i < 5; i += 1) await live.hub.publish(keynote, 'question.asked', { i });
    await alice.waitForEvents(keynote, 5);
    const last = alice.seqs(keynote).at(-1) as number;
    alice.close();
    await alice.closed;
    for (let i = 5; i < 12; i += 1) await live.hub.publish(keynote, 'question.asked', { i });

    const back = await viewer(live);
    const subscribed = await back.subscribe(keynote, last);
    expect(back.seqs(keynote)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => last + n));
    expect(back.frames.filter((f) => f.type === 'event').map((f) => f.data.i)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(subscribed.seq).toBe(last + 7);
    await live.hub.publish(keynote, 'question.asked', { i: 12 });
    await back.waitForEvents(keynote, 8);
    expect(back.seqs(keynote).at(-1)).toBe(last + 8);
  });

  it('asks for a snapshot when the gap is older than the history', async () => {
    const live = await hubWith({ history: { maxEntries: 3, maxAgeMs: 60_000 } });
    const first = await live.hub.publish(keynote, 'question.asked', {});
    for (let i = 0; i < 5; i += 1) await live.hub.publish(keynote, 'question.asked', {});
    const alice = await viewer(live);
    const subscribed = await alice.subscribe(keynote, first);
    expect(alice.frames.slice(1)).toEqual([
      { v: 1, type: 'snapshot-required', channel: keynote, seq: first + 5 },
      { v: 1, type: 'subscribed', channel: keynote, seq: first + 5, viewers: 1 }
    ]);
    expect(subscribed.seq).toBe(first + 5);
  });

  it('asks for a snapshot when the viewer’s number is from before a restart', async () => {
    const live = await hubWith();
    const alice = await viewer(live);
    await alice.subscribe(keynote, Number.MAX_SAFE_INTEGER);
    expect(alice.frames[1]).toMatchObject({ type: 'snapshot-required', channel: keynote });
  });

  it('sends the snapshot provider’s state, then the events after it', async () => {
    let calls = 0;
    const live = await hubWith({
      history: { maxEntries: 2, maxAgeMs: 60_000 },
      snapshots: { session: async (id) => ({ id, questions: ++calls }) }
    });
    const first = await live.hub.publish(keynote, 'question.asked', {});
    for (let i = 0; i < 4; i += 1) await live.hub.publish(keynote, 'question.asked', {});
    const alice = await viewer(live);
    await alice.subscribe(keynote, first);
    expect(alice.frames[1]).toEqual({
      v: 1,
      type: 'snapshot',
      channel: keynote,
      seq: first + 4,
      data: { id: 'opening-keynote', questions: 1 }
    });
    expect(alice.frames[2]).toMatchObject({ type: 'subscribed', seq: first + 4 });
  });

  it('forgets events older than the age limit', async () => {
    let now = 1_000_000;
    const live = await hubWith({ clock: () => now, history: { maxEntries: 100, maxAgeMs: 5_000 } });
    const first = await live.hub.publish(keynote, 'question.asked', {});
    await live.hub.publish(keynote, 'question.asked', {});
    now += 10_000;
    await live.hub.publish(keynote, 'question.asked', {});
    const alice = await viewer(live);
    await alice.subscribe(keynote, first);
    expect(alice.frames[1]).toMatchObject({ type: 'snapshot-required', seq: first + 2 });
  });
});

describe('one serialisation per broadcast', () => {
  it('calls JSON.stringify once for an event sent to many viewers', async () => {
    const live = await hubWith();
    const viewers = await Promise.all(Array.from({ length: 25 }, () => viewer(live)));
    for (const v of viewers) await v.subscribe(keynote);
    const stringify = vi.spyOn(JSON, 'stringify');
    await live.hub.publish(keynote, 'poll.results', { yes: 10, no: 3 });
    expect(stringify).toHaveBeenCalledTimes(1);
    stringify.mockRestore();
    await Promise.all(viewers.map((v) => v.waitForEvents(keynote, 1)));
    expect(new Set(viewers.map((v) => JSON.stringify(v.frames.at(-1)))).size).toBe(1);
  });
});

describe('broadcast framing', () => {
  it('never negotiates per-message compression, so one framed Buffer serves every viewer', async () => {
    const live = await hubWith();
    const alice = await viewer(live, { perMessageDeflate: true });
    expect(alice.socket.extensions).toBe('');
  });

  it('delivers a burst published in one turn to every viewer, whole and in order', async () => {
    const live = await hubWith();
    const viewers = await Promise.all(Array.from({ length: 5 }, () => viewer(live)));
    for (const v of viewers) await v.subscribe(keynote);
    const seqs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => live.hub.publish(keynote, 'chat.message', { i, text: 'x'.repeat(i * 50) }))
    );
    for (const v of viewers) {
      await v.waitForEvents(keynote, 40);
      expect(v.seqs(keynote)).toEqual(seqs);
      expect(v.frames.filter((f) => f.type === 'event').map((f) => f.data.i)).toEqual(seqs.map((_, i) => i));
    }
  });
});

describe('slow viewers', () => {
  it('drops a viewer that stops reading while the others keep receiving', async () => {
    const live = await hubWith({ maxBufferedBytes: 256 * 1024, maxEventBytes: 128 * 1024 });
    const stalled = await viewer(live);
    const reader = await viewer(live);
    await stalled.subscribe(keynote);
    await reader.subscribe(keynote);
    // The stalled viewer's socket stops reading: kernel buffers fill, then the hub's.
    (stalled.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const payload = 'x'.repeat(64 * 1024);
    let published = 0;
    while (live.hub.connectionCount === 2 && published < 2_000) {
      await live.hub.publish(keynote, 'caption.line', { text: payload, n: published });
      published += 1;
      if (published % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(live.hub.connectionCount).toBe(1);
    for (let i = 0; i < 3; i += 1) await live.hub.publish(keynote, 'caption.line', { text: 'after', n: published + i });
    await reader.waitForEvents(keynote, published + 3, 20_000);
    const seqs = reader.seqs(keynote);
    expect(seqs.every((seq, i) => i === 0 || seq === (seqs[i - 1] as number) + 1)).toBe(true);
    (stalled.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect([1013, 1006]).toContain((await stalled.closed).code);
  });
});

describe('heartbeats', () => {
  it('ends a connection that stops answering pings, keeps one that answers', async () => {
    const live = await hubWith({ heartbeatMs: 50 });
    const silent = await viewer(live, { autoPong: false });
    const answering = await viewer(live);
    const closed = await silent.closed;
    expect(closed.code).toBe(1006);
    expect(answering.socket.readyState).toBe(answering.socket.OPEN);
    await eventually(() => live.hub.connectionCount === 1);
  });
});

describe('viewer counts', () => {
  it('counts viewers per channel and broadcasts a change once per interval', async () => {
    const live = await hubWith({ presenceMs: 100 });
    const viewers = await Promise.all(Array.from({ length: 5 }, () => viewer(live)));
    for (const v of viewers) await v.subscribe(keynote);
    await viewers[0]?.subscribe('session:other');
    expect(live.hub.viewerCount(keynote)).toBe(5);
    expect(live.hub.viewerCount('session:other')).toBe(1);
    const last = viewers[4] as LiveTestClient;
    await last.next((f) => f.type === 'viewers' && f.count === 5);
    viewers[0]?.close();
    viewers[1]?.close();
    await last.next((f) => f.type === 'viewers' && f.count === 3);
    // Joins within one interval produce one broadcast, not one per join.
    expect(last.frames.filter((f) => f.type === 'viewers').map((f) => f.count)).toEqual([5, 3]);
    expect(live.hub.viewerCount(keynote)).toBe(3);
  });

  it('frames a viewer count like any other hub message', () => {
    expect(JSON.parse(hubFrame({ type: 'viewers', channel: keynote, count: 3 }).toString())).toEqual({
      v: 1,
      type: 'viewers',
      channel: keynote,
      count: 3
    });
  });
});
