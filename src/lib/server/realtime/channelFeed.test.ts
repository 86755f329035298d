import { afterEach, describe, expect, it } from 'vitest';
import { ChannelFeed } from './channelFeed.js';
import type { NumberedEvent } from './frames.js';
import { readFrames } from './liveTestClient.js';
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

const event = (seq: number, size = 10): NumberedEvent => ({ channel, seq, at: Date.now(), frame: Buffer.from(`${seq}:${'x'.repeat(size)}`) });
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
      expect(viewer.writes).toEqual([{ kind: 'framed', messages: ['101:xxxxxxxxxx', '102:xxxxxxxxxx', '103:xxxxxxxxxx'] }]);
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
    const messages = alice.messages.map((m) => (m.startsWith('{') ? (JSON.parse(m) as { type: string }).type : m.split(':')[0]));
    expect(messages.slice(0, 2)).toEqual(['101', 'snapshot-required']);
    expect(messages.slice(2)).toHaveLength(history.maxEntries + 1);
  });
});
