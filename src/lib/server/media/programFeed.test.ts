import { describe, expect, it } from 'vitest';
import type { FlvTag } from './flv.js';
import { createProgramFeed } from './programFeed.js';

const metadata: FlvTag = { type: 'script', timestamp: 0, data: Buffer.from('onMetaData') };
const avcHeader: FlvTag = { type: 'video', timestamp: 0, data: Buffer.from([0x17, 0, 0, 0, 0, 1]) };
const aacHeader: FlvTag = { type: 'audio', timestamp: 0, data: Buffer.from([0xaf, 0, 0x11, 0x90]) };
const keyframe = (timestamp: number): FlvTag => ({
  type: 'video',
  timestamp,
  data: Buffer.from([0x17, 1, 0, 0, 0, 9])
});
const interframe = (timestamp: number): FlvTag => ({
  type: 'video',
  timestamp,
  data: Buffer.from([0x27, 1, 0, 0, 0, 8])
});
const audio = (timestamp: number): FlvTag => ({ type: 'audio', timestamp, data: Buffer.from([0xaf, 1, 7]) });

function startedFeed() {
  const feed = createProgramFeed();
  for (const tag of [metadata, avcHeader, aacHeader, keyframe(0), audio(10), interframe(40), audio(30)])
    feed.write(tag);
  return feed;
}

describe('program feed', () => {
  it('gives a destination joining mid-stream the headers first, then tags from the next keyframe', () => {
    const feed = startedFeed();
    const seen: FlvTag[] = [];
    feed.follow(
      (tag) => seen.push(tag),
      () => {}
    );
    for (const tag of [interframe(80), audio(90), keyframe(1000), audio(1010), interframe(1040)]) feed.write(tag);
    expect(seen.map((tag) => [tag.type, tag.timestamp])).toEqual([
      ['script', 1000],
      ['video', 1000],
      ['audio', 1000],
      ['video', 1000],
      ['audio', 1010],
      ['video', 1040]
    ]);
    expect(seen[1]!.data).toEqual(avcHeader.data);
    expect(seen[2]!.data).toEqual(aacHeader.data);
    expect(seen[3]!.data).toEqual(keyframe(0).data);
  });

  it('remembers the newest codec header', () => {
    const feed = startedFeed();
    const newer: FlvTag = { type: 'video', timestamp: 500, data: Buffer.from([0x17, 0, 0, 0, 0, 2]) };
    feed.write(newer);
    const seen: FlvTag[] = [];
    feed.follow(
      (tag) => seen.push(tag),
      () => {}
    );
    feed.write(keyframe(1000));
    expect(seen[1]!.data).toEqual(newer.data);
  });

  it('drops a destination that throws and keeps serving the others', () => {
    const feed = startedFeed();
    const healthy: FlvTag[] = [];
    let failingCalls = 0;
    feed.follow(
      () => {
        failingCalls += 1;
        throw new Error('socket gone');
      },
      () => {}
    );
    feed.follow(
      (tag) => healthy.push(tag),
      () => {}
    );
    feed.write(keyframe(1000));
    feed.write(audio(1010));
    expect(failingCalls).toBe(1);
    expect(healthy).toHaveLength(5);
    expect(feed.followerCount).toBe(1);
  });

  it('stops a destination that unfollows, and ends each follower once', () => {
    const feed = startedFeed();
    const seen: FlvTag[] = [];
    let ends = 0;
    const stop = feed.follow(
      (tag) => seen.push(tag),
      () => (ends += 1)
    );
    feed.follow(
      () => {},
      () => (ends += 10)
    );
    stop();
    feed.write(keyframe(1000));
    expect(seen).toEqual([]);
    feed.end();
    feed.end();
    expect(ends).toBe(10);
    let lateEnd = false;
    feed.follow(
      () => {},
      () => (lateEnd = true)
    );
    expect(lateEnd).toBe(true);
  });
});
