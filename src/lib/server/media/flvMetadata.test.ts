import { describe, expect, it } from 'vitest';
import type { FlvTag } from './flv.js';
import { announcesAudio, readFlvMetadata, videoSizeOf } from './flvMetadata.js';

const amfString = (text: string) => Buffer.concat([Buffer.from([2, 0, text.length]), Buffer.from(text)]);
const key = (text: string) => Buffer.concat([Buffer.from([0, text.length]), Buffer.from(text)]);
const amfNumber = (value: number) => {
  const out = Buffer.alloc(9);
  out[0] = 0;
  out.writeDoubleBE(value, 1);
  return out;
};
const ecmaArray = (entries: Buffer[]) =>
  Buffer.concat([Buffer.from([8, 0, 0, 0, entries.length / 2]), ...entries, Buffer.from([0, 0, 9])]);
const script = (...parts: Buffer[]): FlvTag => ({ type: 'script', timestamp: 0, data: Buffer.concat(parts) });

describe('FLV metadata', () => {
  it("reads the size OBS announces, also behind RTMP's @setDataFrame", () => {
    const properties = ecmaArray([
      key('encoder'),
      amfString('obs-output module'),
      key('width'),
      amfNumber(1920),
      key('stereo'),
      Buffer.from([1, 1]),
      key('height'),
      amfNumber(1080),
      key('framerate'),
      amfNumber(30)
    ]);
    const metadata = readFlvMetadata(script(amfString('@setDataFrame'), amfString('onMetaData'), properties));
    expect(metadata).toEqual({ width: 1920, height: 1080, framerate: 30 });
    expect(videoSizeOf(metadata)).toEqual({ width: 1920, height: 1080 });
    expect(videoSizeOf(readFlvMetadata(script(amfString('onMetaData'), properties)))).toEqual({
      width: 1920,
      height: 1080
    });
  });

  it('tells from metadata whether a source has audio', () => {
    expect(announcesAudio({ width: 1280, height: 720, audiocodecid: 10 })).toBe(true);
    expect(announcesAudio({ width: 1280, height: 720, videocodecid: 7 })).toBe(false);
    expect(announcesAudio(null)).toBe(false);
  });

  it('gives nothing for other tags and for truncated bytes', () => {
    const properties = ecmaArray([key('width'), amfNumber(1280)]);
    expect(readFlvMetadata(script(amfString('onCuePoint'), properties))).toBeNull();
    expect(readFlvMetadata(script(amfString('onMetaData'), properties.subarray(0, 12)))).toBeNull();
    expect(readFlvMetadata({ type: 'video', timestamp: 0, data: Buffer.from([0x17]) })).toBeNull();
    expect(videoSizeOf({ width: 1280 })).toBeNull();
  });
});
