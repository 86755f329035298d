import { afterEach, describe, expect, it } from 'vitest';
import { ChannelFeed } from './channelFeed.js';
import type { NumberedEvent } from './frames.js';
import { readFrames } from './testing/liveTestClient.js';
import { MemoryBus } from './memoryBus.js';
import type { Subscription, Viewer } from './viewer.js';

const channel = 'session:opening-keynote';
const history = { maxEntries: 100, maxAgeMs: 60_000 };

/** A viewer that records every write: framed broadcasts (decoded back to payloads) and single frames. */
class RecordingViewer {
  readonly writes: { kind: 'framed' | 'single'; messages: string[] }[] = [];
  sendFramed(wire: Buffer): boolean {
    this.writes.push({ kind: 'framed', messages: readFrames(wire).map((message) => message.replace(/^text:/, '')) });
    return true;
  }
  send(frame: Buffer): boolean {
    this.writes.push({ kind: 'single', messages: [frame.toString()] });
    return true;
  }
  get messages(): string[] {
    return this.writes.flatMap((write) => write.messages);
  }
}

function feedWith(): ChannelFeed {
  return new ChannelFeed(channel, {
    bus: new MemoryBus(),
    history,
    clock: Date.now,
    viewersChanged: () => {},
    viewerCount: () => 0,
    onFailure: (error) => {
      throw error;
    }
  });
}

function follower(feed: ChannelFeed, position: number): RecordingViewer {
  const viewer = new RecordingViewer();
  const subscription: Subscription = { viewer: viewer as unknown as Viewer, channel, position, cancelled: false };
  feed.subscriptions.add(subscription);
  return viewer;
}

const event = (seq: number, size = 10): NumberedEvent => ({
  channel,
  seq,
  at: Date.now(),
  frame: Buffer.from(`${seq}:${'x'.repeat(size)}`)
});
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

let feeds: ChannelFeed[] = [];
afterEach(() => {
  for (const feed of feeds) feed.flush();
  feeds = [];
});

describe('live events of one turn of the event loop', () => {
  it('reach each subscriber as one write, in order, at the end of the turn', async () => {
    const feed = feedWith();
    feeds.push(feed);
    const alice = follower(feed, 100);
    const bob = follower(feed, 100);
    for (const seq of [101, 102, 103]) feed.receive(event(seq));
    expect(alice.writes).toEqual([]);
    await nextTurn();
    for (const viewer of [alice, bob]) {
      expect(viewer.writes).toEqual([
        { kind: 'framed', messages: ['101:xxxxxxxxxx', '102:xxxxxxxxxx', '103:xxxxxxxxxx'] }
      ]);
    }
    expect(feed.position).toBe(103);
  });

  it('skip what a subscriber already has: one that caught up mid-batch gets only the rest', async () => {
    const feed = feedWith();
    feeds.push(feed);
    const early = follower(feed, 100);
    for (const seq of [101, 102, 103]) feed.receive(event(seq));
    const caughtUp = follower(feed, 102);
    const current = follower(feed, 103);
    await nextTurn();
    expect(early.messages.map((m) => m.split(':')[0])).toEqual(['101', '102', '103']);
    expect(caughtUp.messages.map((m) => m.split(':')[0])).toEqual(['103']);
    expect(current.writes).toEqual([]);
  });

  it('go out before a frame broadcast after them', () => {
    const feed = feedWith();
    feeds.push(feed);
    const alice = follower(feed, 100);
    feed.receive(event(101));
    feed.broadcast(Buffer.from('viewers'));
    expect(alice.messages).toEqual(['101:xxxxxxxxxx', 'viewers']);
  });

  it('go out at once when they add up to 64 KiB, so a burst never builds one huge write', () => {
    const feed = feedWith();
    feeds.push(feed);
    const alice = follower(feed, 100);
    feed.receive(event(101, 40 * 1024));
    expect(alice.writes).toEqual([]);
    feed.receive(event(102, 40 * 1024));
    expect(alice.writes.map((write) => write.messages.length)).toEqual([2]);
  });

  it('are sent to subscribers before a reset tells them their state is stale', () => {
    const feed = feedWith();
    feeds.push(feed);
    const alice = follower(feed, 100);
    feed.receive(event(101));
    // 102 never comes and more than the history size arrives after the gap: the feed resets.
    for (let seq = 103; seq <= 103 + history.maxEntries; seq += 1) feed.receive(event(seq));
    feed.flush();
    const messages = alice.messages.map((m) =>
      m.startsWith('{') ? (JSON.parse(m) as { type: string }).type : m.split(':')[0]
    );
    expect(messages.slice(0, 2)).toEqual(['101', 'snapshot-required']);
    expect(messages.slice(2)).toHaveLength(history.maxEntries + 1);
  });
});

describe('a gap the bus cannot fill', () => {
  /** A bus that lost everything this node missed: no stream to read, only its current number. */
  class ForgetfulBus extends MemoryBus {
    failures = 0;
    constructor(private readonly current: number) {
      super();
    }
    override async eventsAfter(): Promise<NumberedEvent[] | null> {
      if (this.failures > 0) {
        this.failures -= 1;
        throw new Error('the bus is still reconnecting');
      }
      return null;
    }
    override async position(): Promise<number> {
      return this.current;
    }
  }

  function feedOn(bus: MemoryBus): ChannelFeed {
    return new ChannelFeed(channel, {
      bus,
      history,
      clock: Date.now,
      viewersChanged: () => {},
      viewerCount: () => 0,
      onFailure: () => {}
    });
  }

  it('tells subscribers at once when every event after the gap went by unheard, instead of waiting for the next one', async () => {
    const feed = feedOn(new ForgetfulBus(250));
    feeds.push(feed);
    feed.receive(event(100));
    const alice = follower(feed, 100);
    await feed.fill();
    expect(alice.messages.at(-1)).toBe(JSON.stringify({ v: 1, type: 'snapshot-required', channel, seq: 250 }));
    feed.receive(event(251));
    feed.flush();
    expect(alice.messages.at(-1)).toMatch(/^251:/);
  });

  it('tries again by itself when the bus could not answer yet', async () => {
    const bus = new ForgetfulBus(250);
    bus.failures = 1;
    const feed = feedOn(bus);
    feeds.push(feed);
    feed.receive(event(100));
    const alice = follower(feed, 100);
    await feed.fill();
    expect(alice.messages.some((m) => m.includes('snapshot-required'))).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(alice.messages.at(-1)).toBe(JSON.stringify({ v: 1, type: 'snapshot-required', channel, seq: 250 }));
  });
});
