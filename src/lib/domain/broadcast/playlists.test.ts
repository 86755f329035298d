import { describe, expect, it } from 'vitest';
import { parseMediaPlaylist, PlaylistSyntaxError } from './playlistParser.js';
import { LiveWindow, masterPlaylist, mediaPlaylist, type WindowSegment } from './playlists.js';
import { renditions } from './renditions.js';

const t0 = Date.parse('2026-12-06T10:00:00.000Z');

function segment(seq: number, extra: Partial<WindowSegment> = {}): WindowSegment {
  return {
    seq,
    uri: `${seq}.ts`,
    durationSeconds: 1,
    startsAt: new Date(t0 + seq * 1000),
    discontinuityBefore: false,
    ...extra
  };
}

describe('masterPlaylist', () => {
  it('lists 720p, 360p and audio-only last, with peak and average bandwidth', () => {
    const reversed = [...renditions].reverse();
    expect(masterPlaylist(reversed, (name) => `${name}.m3u8`, { frameRate: 15 })).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:6',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=985600,AVERAGE-BANDWIDTH=896000,CODECS="avc1.4d401e,mp4a.40.2",RESOLUTION=640x360,FRAME-RATE=15.000,NAME="360p"',
        '360p.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=2890800,AVERAGE-BANDWIDTH=2628000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=1280x720,FRAME-RATE=15.000,NAME="720p"',
        '720p.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=105600,AVERAGE-BANDWIDTH=96000,CODECS="mp4a.40.2",NAME="audio"',
        'audio.m3u8',
        ''
      ].join('\n')
    );
  });

  it('leaves FRAME-RATE out when the frame rate is not known', () => {
    expect(masterPlaylist(renditions, (name) => name)).not.toContain('FRAME-RATE');
  });
});

describe('mediaPlaylist', () => {
  it('writes a live window with discontinuity and a date on every segment', () => {
    const text = mediaPlaylist({
      targetDuration: 1,
      mediaSequence: 7,
      discontinuitySequence: 2,
      segments: [segment(7), segment(8, { discontinuityBefore: true, durationSeconds: 1.0427 })],
      ended: false,
      kind: 'live'
    });
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-TARGETDURATION:1',
        '#EXT-X-MEDIA-SEQUENCE:7',
        '#EXT-X-DISCONTINUITY-SEQUENCE:2',
        '#EXT-X-PROGRAM-DATE-TIME:2026-12-06T10:00:07.000Z',
        '#EXTINF:1.000,',
        '7.ts',
        '#EXT-X-DISCONTINUITY',
        '#EXT-X-PROGRAM-DATE-TIME:2026-12-06T10:00:08.000Z',
        '#EXTINF:1.043,',
        '8.ts',
        ''
      ].join('\n')
    );
    const parsed = parseMediaPlaylist(text);
    expect(parsed.segments.map((s) => [s.seq, s.discontinuity])).toEqual([
      [7, 2],
      [8, 3]
    ]);
  });

  it('marks a replay as VOD and ends it', () => {
    const text = mediaPlaylist({
      targetDuration: 1,
      mediaSequence: 0,
      discontinuitySequence: 0,
      segments: [segment(0)],
      ended: true,
      kind: 'vod'
    });
    expect(text.split('\n').slice(4, 6)).toEqual(['#EXT-X-DISCONTINUITY-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD']);
    expect(text.endsWith('0.ts\n#EXT-X-ENDLIST\n')).toBe(true);
    expect(parseMediaPlaylist(text)).toMatchObject({ playlistType: 'VOD', ended: true });
  });

  it('keeps a target of 1 for 1.4 s segments and raises it for a 2.6 s one, as the RFC rounds', () => {
    const text = mediaPlaylist({
      targetDuration: 1,
      mediaSequence: 0,
      discontinuitySequence: 0,
      segments: [segment(0, { durationSeconds: 1.4 }), segment(1, { durationSeconds: 2.6 })],
      ended: false,
      kind: 'live'
    });
    expect(text).toContain('#EXT-X-TARGETDURATION:3\n');
    expect(
      mediaPlaylist({
        targetDuration: 1,
        mediaSequence: 0,
        discontinuitySequence: 0,
        segments: [segment(0, { durationSeconds: 1.4 })],
        ended: false,
        kind: 'live'
      })
    ).toContain('#EXT-X-TARGETDURATION:1\n');
  });
});

describe('LiveWindow', () => {
  it('slides: the media sequence is the first segment kept', () => {
    const window = new LiveWindow(3);
    const dropped = [0, 1, 2, 3, 4].flatMap((seq) => window.append(segment(seq)));
    expect(dropped.map((s) => s.seq)).toEqual([0, 1]);
    const parsed = parseMediaPlaylist(window.playlist({ targetDuration: 1, nextSeq: 5, ended: false }));
    expect(parsed.mediaSequence).toBe(2);
    expect(parsed.segments.map((s) => s.uri)).toEqual(['2.ts', '3.ts', '4.ts']);
  });

  it('counts a discontinuity that falls out of the window, so every segment keeps its discontinuity number', () => {
    const window = new LiveWindow(2);
    window.append(segment(0));
    window.append(segment(1, { discontinuityBefore: true }));
    const before = parseMediaPlaylist(window.playlist({ targetDuration: 1, nextSeq: 2, ended: false }));
    window.append(segment(2));
    const middle = parseMediaPlaylist(window.playlist({ targetDuration: 1, nextSeq: 3, ended: false }));
    window.append(segment(3));
    const after = parseMediaPlaylist(window.playlist({ targetDuration: 1, nextSeq: 4, ended: false }));

    expect([before, middle, after].map((p) => p.discontinuitySequence)).toEqual([0, 0, 1]);
    const numbers = new Map(
      [...before.segments, ...middle.segments, ...after.segments].map((s) => [s.seq, s.discontinuity])
    );
    expect([...numbers]).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 1]
    ]);
  });

  it('refuses a segment that is not after the last one', () => {
    const window = new LiveWindow(2);
    window.append(segment(4));
    expect(() => window.append(segment(4))).toThrow(RangeError);
  });

  it('is rebuilt from its state and empties without losing count', () => {
    const window = new LiveWindow(5);
    window.append(segment(0, { discontinuityBefore: true }));
    window.append(segment(1));
    const copy = new LiveWindow(
      5,
      JSON.parse(JSON.stringify(window.state), (key, value: unknown) =>
        key === 'startsAt' ? new Date(value as string) : value
      )
    );
    expect(copy.playlist({ targetDuration: 1, nextSeq: 2, ended: false })).toBe(
      window.playlist({ targetDuration: 1, nextSeq: 2, ended: false })
    );
    expect(copy.clear().map((s) => s.seq)).toEqual([0, 1]);
    expect(parseMediaPlaylist(copy.playlist({ targetDuration: 1, nextSeq: 2, ended: false }))).toMatchObject({
      mediaSequence: 2,
      discontinuitySequence: 1,
      segments: []
    });
  });
});

describe('parseMediaPlaylist', () => {
  it('refuses a playlist cut in the middle or a URI without EXTINF', () => {
    expect(() => parseMediaPlaylist('#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.000,\n0.t')).toThrow(
      PlaylistSyntaxError
    );
    expect(() => parseMediaPlaylist('#EXTM3U\n#EXT-X-TARGETDURATION:1\n0.ts\n')).toThrow(/without #EXTINF/);
    expect(() => parseMediaPlaylist('#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:2.000,\n0.ts\n')).toThrow(
      /longer than the target/
    );
  });
});
