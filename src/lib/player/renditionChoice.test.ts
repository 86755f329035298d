import { describe, expect, it } from 'vitest';
import { audioVariant, isQuality, levelFor, parseMaster, renditionName } from './renditionChoice.js';

const master = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=2628000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
720p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=896000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"

360p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=96000,CODECS="mp4a.40.2"
https://cdn.example.org/audio/index.m3u8
`;

describe('rendition choice', () => {
  const variants = parseMaster(master, 'https://forum.example/media/stage-1/master.m3u8');

  it('reads the master playlist variants with their URLs resolved and picture heights', () => {
    expect(variants).toEqual([
      { url: 'https://forum.example/media/stage-1/720p/index.m3u8', height: 720 },
      { url: 'https://forum.example/media/stage-1/360p/index.m3u8', height: 360 },
      { url: 'https://cdn.example.org/audio/index.m3u8', height: null }
    ]);
  });

  it('finds the audio-only variant for slow networks, or none', () => {
    expect(audioVariant(variants)?.url).toBe('https://cdn.example.org/audio/index.m3u8');
    expect(audioVariant(variants.slice(0, 2))).toBeNull();
    expect(parseMaster('<html></html>', 'https://forum.example/x.m3u8')).toEqual([]);
  });

  it('picks the hls.js level of the chosen quality, automatic otherwise', () => {
    const levels = [{ height: 720 }, { height: 360 }];
    expect(levelFor(levels, '360p')).toBe(1);
    expect(levelFor(levels, '720p')).toBe(0);
    expect(levelFor(levels, 'auto')).toBe(-1);
    expect(levelFor([{ height: 480 }], '720p')).toBe(-1);
  });

  it('names renditions as the viewer sees them and accepts only known qualities', () => {
    expect(renditionName(720)).toBe('720p');
    expect(renditionName(null)).toBe('audio');
    expect(isQuality('360p')).toBe(true);
    expect(isQuality('1080p')).toBe(false);
    expect(isQuality(null)).toBe(false);
  });
});
