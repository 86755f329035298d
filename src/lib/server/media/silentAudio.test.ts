import { describe, expect, it } from 'vitest';
import { FlvTagReader, type FlvTag } from './flv.js';
import { SilentAudioTrack } from './silentAudio.js';

async function through(tags: FlvTag[]): Promise<{ header: Buffer; tags: FlvTag[] }> {
  const track = new SilentAudioTrack();
  const chunks: Buffer[] = [];
  track.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (const tag of tags) track.write(tag);
  track.end();
  await new Promise((resolve) => track.on('end', resolve));
  const bytes = Buffer.concat(chunks);
  const reader = new FlvTagReader();
  const out: FlvTag[] = [];
  reader.on('data', (tag: FlvTag) => out.push(tag));
  reader.end(bytes);
  await new Promise((resolve) => reader.on('end', resolve));
  return { header: bytes.subarray(0, 13), tags: out };
}

const video = (timestamp: number): FlvTag => ({
  type: 'video',
  timestamp,
  data: Buffer.from([0x17, 1, 0, 0, 0, 0xaa])
});
const script: FlvTag = { type: 'script', timestamp: 0, data: Buffer.from([2, 0, 10, ...Buffer.from('onMetaData')]) };

describe('a silent audio track for a source without audio', () => {
  it('announces audio in the header, sends the AAC header first, then 21⅓ ms frames up to each video tag', async () => {
    const { header, tags } = await through([script, video(1000), video(1066), video(1100)]);
    expect(header[4]).toBe(0x05);
    expect(tags[0]).toMatchObject({ type: 'audio', timestamp: 0 });
    expect([...tags[0]!.data]).toEqual([0xaf, 0x00, 0x11, 0x90]);
    expect(tags[1]).toEqual(script);
    const audio = tags.filter((tag) => tag.type === 'audio').slice(1);
    // From 0 to 1100 ms: frames at 0, 21, 43, 64 … 1088 (52 of them).
    expect(audio).toHaveLength(52);
    expect(audio.slice(0, 4).map((tag) => tag.timestamp)).toEqual([0, 21, 43, 64]);
    expect(audio.at(-1)!.timestamp).toBe(1088);
    expect(audio.every((tag) => tag.data[0] === 0xaf && tag.data[1] === 0x01)).toBe(true);
    // Interleaved: no audio tag comes after a video tag with an earlier time than its own.
    let last = -1;
    for (const tag of tags) {
      expect(tag.timestamp).toBeGreaterThanOrEqual(tag.type === 'audio' ? last : 0);
      if (tag.type === 'video') last = tag.timestamp;
    }
    expect(tags.filter((tag) => tag.type === 'video').map((tag) => tag.timestamp)).toEqual([1000, 1066, 1100]);
  });

  it('starts its clock at the first tag, however late the source starts', async () => {
    const { tags } = await through([video(5000), video(5050)]);
    expect(tags.filter((tag) => tag.type === 'audio').map((tag) => tag.timestamp)).toEqual([5000, 5000, 5021, 5043]);
  });
});
