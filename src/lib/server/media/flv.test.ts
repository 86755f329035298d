import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  encodeFlvTag,
  flvHeader,
  FlvFormatError,
  FlvTagReader,
  isKeyframe,
  isSequenceHeader,
  videoCodecOf,
  type FlvTag
} from './flv.js';

async function readTags(chunks: Buffer[]): Promise<FlvTag[]> {
  const tags: FlvTag[] = [];
  for await (const tag of Readable.from(chunks).pipe(new FlvTagReader())) tags.push(tag as FlvTag);
  return tags;
}

const avcConfig: FlvTag = { type: 'video', timestamp: 0, data: Buffer.from([0x17, 0, 0, 0, 0, 1, 2, 3]) };
const aacConfig: FlvTag = { type: 'audio', timestamp: 0, data: Buffer.from([0xaf, 0, 0x12, 0x10]) };
const keyframe: FlvTag = { type: 'video', timestamp: 40, data: Buffer.from([0x17, 1, 0, 0, 0, 9, 9]) };
const interFrame: FlvTag = { type: 'video', timestamp: 0x01_23_45_67, data: Buffer.from([0x27, 1, 0, 0, 0, 8]) };

describe('FLV tags', () => {
  it('round-trips tags through the writer and the reader, including 32-bit timestamps', async () => {
    const bytes = Buffer.concat([flvHeader(), ...[avcConfig, aacConfig, keyframe, interFrame].map(encodeFlvTag)]);
    const tags = await readTags([bytes]);
    expect(tags).toEqual([avcConfig, aacConfig, keyframe, interFrame]);
  });

  it('reads tags split at every byte boundary', async () => {
    const bytes = Buffer.concat([flvHeader(), encodeFlvTag(keyframe), encodeFlvTag(aacConfig)]);
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    expect(await readTags(chunks)).toEqual([keyframe, aacConfig]);
  });

  it('refuses a stream that is not FLV, and a tag larger than 8 MiB', async () => {
    await expect(readTags([Buffer.from('GIF89a-not-a-video')])).rejects.toBeInstanceOf(FlvFormatError);
    const huge = Buffer.concat([flvHeader(), Buffer.from([9, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0])]);
    await expect(readTags([huge])).rejects.toThrow(/more than/);
  });

  it('tells keyframes, codec headers and the video codec apart', () => {
    expect(isKeyframe(keyframe)).toBe(true);
    expect(isKeyframe(interFrame)).toBe(false);
    expect(isSequenceHeader(avcConfig)).toBe(true);
    expect(isSequenceHeader(aacConfig)).toBe(true);
    expect(isSequenceHeader(keyframe)).toBe(false);
    expect(videoCodecOf(keyframe)).toBe('h264');
    expect(videoCodecOf({ type: 'video', timestamp: 0, data: Buffer.from([0x12]) })).toBe('flv-codec-2');
    expect(videoCodecOf(aacConfig)).toBeNull();
  });
});
