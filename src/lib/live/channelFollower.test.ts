import { describe, expect, it } from 'vitest';
import { ChannelFollower, eventPrefixes } from './channelFollower.js';

const channel = 'session:opening';
const panels = [
  { name: 'questions', prefixes: ['question.'] },
  { name: 'poll', prefixes: ['poll.'] },
  { name: 'chat', prefixes: ['chat.', 'reaction.'] }
];
const frame = (value: object) => JSON.stringify({ v: 1, channel, ...value });

describe('channel follower', () => {
  it('subscribes from now first, then resumes from the last sequence number it saw', () => {
    const follower = new ChannelFollower(channel, panels);
    expect(JSON.parse(follower.subscribeMessage())).toEqual({ v: 1, type: 'subscribe', channel });
    expect(follower.handle(frame({ type: 'subscribed', seq: 100, viewers: 7 }))).toEqual({
      refresh: [],
      subscribed: true,
      viewers: 7
    });
    follower.handle(frame({ type: 'event', seq: 101, name: 'question.asked', at: 0, data: {} }));
    expect(JSON.parse(follower.subscribeMessage())).toEqual({ v: 1, type: 'subscribe', channel, since: 101 });
  });

  it('subscribes from the number the page was rendered at, so what happened before the script ran is replayed', () => {
    const follower = new ChannelFollower(channel, panels, 41);
    expect(follower.since).toBe(41);
    expect(JSON.parse(follower.subscribeMessage())).toEqual({ v: 1, type: 'subscribe', channel, since: 41 });
    expect(follower.handle(frame({ type: 'event', seq: 42, name: 'poll.opened', at: 0, data: {} })).refresh).toEqual([
      'poll'
    ]);
    expect(follower.handle(frame({ type: 'subscribed', seq: 42, viewers: 3 }))).toEqual({
      refresh: [],
      subscribed: true,
      viewers: 3
    });
    expect(follower.since).toBe(42);
  });

  it('refreshes the panels whose prefixes match the event name', () => {
    const follower = new ChannelFollower(channel, panels);
    expect(follower.handle(frame({ type: 'event', seq: 1, name: 'question.changed' })).refresh).toEqual(['questions']);
    expect(follower.handle(frame({ type: 'event', seq: 2, name: 'reaction.burst' })).refresh).toEqual(['chat']);
    expect(follower.handle(frame({ type: 'event', seq: 3, name: 'caption.added' })).refresh).toEqual([]);
  });

  it('hands over the event with its data (reaction bursts are drawn from it, not refetched)', () => {
    const follower = new ChannelFollower(channel, [{ name: 'chat', prefixes: ['chat.'] }]);
    expect(
      follower.handle(frame({ type: 'event', seq: 1, name: 'reaction.burst', data: { counts: { '👏': 3 } } }))
    ).toEqual({
      refresh: [],
      event: { name: 'reaction.burst', data: { counts: { '👏': 3 } } }
    });
  });

  it('ignores a replayed event it already saw, and frames of other channels or not JSON', () => {
    const follower = new ChannelFollower(channel, panels);
    follower.handle(frame({ type: 'event', seq: 5, name: 'poll.voted' }));
    expect(follower.handle(frame({ type: 'event', seq: 5, name: 'poll.voted' })).refresh).toEqual([]);
    expect(
      follower.handle(JSON.stringify({ v: 1, type: 'event', channel: 'session:other', seq: 9, name: 'poll.voted' }))
        .refresh
    ).toEqual([]);
    expect(follower.handle('not json').refresh).toEqual([]);
    expect(follower.handle('null').refresh).toEqual([]);
    expect(follower.since).toBe(5);
  });

  it('refreshes every panel on a snapshot or when the hub asks for one, and moves to its position', () => {
    const follower = new ChannelFollower(channel, panels);
    expect(follower.handle(frame({ type: 'snapshot-required', seq: 42 })).refresh).toEqual([
      'questions',
      'poll',
      'chat'
    ]);
    expect(follower.since).toBe(42);
    expect(follower.handle(frame({ type: 'snapshot', seq: 50, data: {} })).refresh).toEqual([
      'questions',
      'poll',
      'chat'
    ]);
  });

  it('reports viewer counts', () => {
    const follower = new ChannelFollower(channel, panels);
    expect(follower.handle(frame({ type: 'viewers', count: 1204 }))).toEqual({ refresh: [], viewers: 1204 });
    expect(
      follower.handle(JSON.stringify({ v: 1, type: 'welcome', heartbeatMs: 30000, maxMessageBytes: 4096 }))
    ).toEqual({ refresh: [] });
  });

  it('reads space-separated event prefixes', () => {
    expect(eventPrefixes(' chat.  reaction. ')).toEqual(['chat.', 'reaction.']);
    expect(eventPrefixes(null)).toEqual([]);
  });
});
