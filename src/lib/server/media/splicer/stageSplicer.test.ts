import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renditionNames } from '../../../domain/broadcast/renditions.js';
import { stageDir } from '../broadcastPaths.js';
import { SplicerError } from './stageSplicer.js';
import { useSplicerHarness } from './testing/splicerHarness.js';

const h = useSplicerHarness();
const { splicerFor, encode, second, live, livePlaylist, contentOf } = h;

describe('StageSplicer', () => {
  it('numbers the same moment alike in every rendition, whatever order the renditions arrive in', async () => {
    const splicer = splicerFor();
    await splicer.sourceStarted();
    await splicer.goOnAir();
    await encode(splicer, '720p', 0);
    await encode(splicer, '720p', 1);
    await encode(splicer, 'audio', 0);
    await encode(splicer, '360p', 0);
    await encode(splicer, 'audio', 1);
    await encode(splicer, '360p', 1);
    await encode(splicer, '360p', 2);
    await encode(splicer, '720p', 2);

    for (const name of renditionNames) {
      const playlist = await livePlaylist(name);
      const contents = await Promise.all(playlist.segments.map((s) => contentOf(name, s.uri)));
      const indices = contents.map((c) => Number(c.split(' ')[2]));
      expect(playlist.segments.map((s) => s.seq)).toEqual(indices);
      expect(playlist.segments.every((s) => !s.discontinuityBefore)).toBe(true);
    }
    expect((await livePlaylist('360p')).segments.map((s) => s.seq)).toEqual([0, 1, 2]);
    expect(await readdir(h.encoderDir)).toEqual([]);
    const master = await readFile(join(stageDir(h.dataDir, 'main-hall'), 'live', 'master.m3u8'), 'utf8');
    expect(master.split('\n').filter((line) => line.endsWith('.m3u8'))).toEqual([
      '720p.m3u8',
      '360p.m3u8',
      'audio.m3u8'
    ]);
  });

  it('slides the window: the media sequence follows, and a discontinuity leaving it raises the discontinuity sequence', async () => {
    const splicer = splicerFor({ windowSegments: 3 });
    await splicer.goOnAir();
    const seen = new Map<number, number>();
    const reload = async () => {
      const playlist = await livePlaylist('720p');
      for (const segment of playlist.segments) {
        // A player that reloads must find each segment in the same discontinuity as before.
        expect(seen.get(segment.seq) ?? segment.discontinuity).toBe(segment.discontinuity);
        seen.set(segment.seq, segment.discontinuity);
      }
      return playlist;
    };
    await second(splicer, 0);
    await second(splicer, 1);
    await h.clock.advance(2500, splicer); // slate at seq 2, 3
    await splicer.sourceStarted();
    await second(splicer, 0, 'b'); // seq 4
    expect(await reload()).toMatchObject({ mediaSequence: 2, discontinuitySequence: 0 });
    await second(splicer, 1, 'b');
    expect(await reload()).toMatchObject({ mediaSequence: 3, discontinuitySequence: 1 });
    await second(splicer, 2, 'b');
    await second(splicer, 3, 'b');
    const last = await reload();
    expect(last).toMatchObject({ mediaSequence: 5, discontinuitySequence: 3, targetDuration: 1 });
    expect(last.segments.map((s) => s.seq)).toEqual([5, 6, 7]);
  });

  it('ends the live playlists off air and starts afresh, numbers going on, when the stage is on air again', async () => {
    const splicer = splicerFor();
    await splicer.goOnAir();
    await second(splicer, 0);
    await splicer.goOffAir();
    expect((await livePlaylist('720p')).ended).toBe(true);
    await h.clock.advance(10_000, splicer);
    expect((await livePlaylist('720p')).segments).toHaveLength(1);

    await splicer.goOnAir();
    await splicer.sourceStarted();
    await second(splicer, 0, 'b');
    const again = await livePlaylist('720p');
    expect(again).toMatchObject({ ended: false, mediaSequence: 1 });
    expect(again.segments.map((s) => [s.seq, s.discontinuity])).toEqual([[1, 1]]);
  });

  it('refuses ids that cannot be folder names and replays it never recorded', async () => {
    expect(() => splicerFor({ stageId: '../etc' })).toThrow(SplicerError);
    expect(() => splicerFor({ stageId: 'replays' })).toThrow(/cannot name/);
    const splicer = splicerFor();
    await expect(splicer.startRecording('A/B')).rejects.toMatchObject({ code: 'hls.id_invalid' });
    await expect(splicer.stopRecording('never')).rejects.toMatchObject({ code: 'hls.recording_not_found' });
    // A refused change does not stop the next ones.
    await splicer.goOnAir();
    expect(existsSync(join(stageDir(h.dataDir, 'main-hall'), 'live', 'master.m3u8'))).toBe(true);
  });

  it('publishes no empty playlist: a player is told "not yet" until the source or the slate fills it', async () => {
    const splicer = splicerFor();
    await splicer.goOnAir();
    await second(splicer, 0);
    await splicer.goOffAir();
    await splicer.goOnAir();
    expect(existsSync(live('720p'))).toBe(false);
    await h.clock.advance(2500, splicer);
    expect((await livePlaylist('720p')).segments.map((s) => s.seq)).toEqual([1]);
  });

  it('publishes nothing off air and deletes what it was given', async () => {
    const splicer = splicerFor();
    await encode(splicer, '720p', 0);
    expect(await readdir(h.encoderDir)).toEqual([]);
    expect(existsSync(live('720p'))).toBe(false);
  });
});
