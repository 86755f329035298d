import { describe, expect, it } from 'vitest';
import { renditions } from '../../domain/broadcast/renditions.js';
import { h264ProfileOf, videoEncodingArgs } from './renditionEncoding.js';

describe('rendition encoding', () => {
  it("takes each rendition's H.264 profile and level from the codec string the master playlist announces", () => {
    expect(h264ProfileOf('avc1.64001f,mp4a.40.2')).toEqual({ profile: 'high', level: '3.1' });
    expect(h264ProfileOf('avc1.4d401e,mp4a.40.2')).toEqual({ profile: 'main', level: '3.0' });
    expect(() => h264ProfileOf('mp4a.40.2')).toThrow(/No H.264/);
    const hd = videoEncodingArgs(renditions.find((rendition) => rendition.name === '720p')!).join(' ');
    expect(hd).toContain('-profile:v high -level:v 3.1');
    expect(hd).toContain('-b:v 2500k');
  });
});
