import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMediaPlaylist } from '../../../domain/broadcast/playlistParser.js';
import { renditionNames, type RenditionName } from '../../../domain/broadcast/renditions.js';
import { stageDir } from '../broadcastPaths.js';
import { useSplicerHarness } from './testing/splicerHarness.js';

const h = useSplicerHarness();
const { splicerFor, encode, second } = h;

describe('StageSplicer: recordings → replays', () => {
  it('records every segment, slate included, into a replay that ends, and keeps them when the window has moved on', async () => {
    const splicer = splicerFor({ windowSegments: 2, keepSeconds: 60 });
    await splicer.goOnAir();
    await second(splicer, 0); // seq 0: before the recording
    await splicer.startRecording('opening-keynote');
    await second(splicer, 1); // 1
    await h.clock.advance(3000, splicer); // slate 2, 3
    await splicer.sourceStarted();
    await second(splicer, 0, 'b'); // 4
    const recording = await splicer.stopRecording('opening-keynote');
    await second(splicer, 1, 'b'); // 5, after the recording

    expect(recording).toMatchObject({
      sessionId: 'opening-keynote',
      stageId: 'main-hall',
      durationSeconds: 4,
      segmentCount: 4
    });
    expect(recording.endedAt.getTime() - recording.startedAt.getTime()).toBe(5000);
    expect(recording.mediaStartsAt?.getTime()).toBe(recording.startedAt.getTime());
    const replayDir = join(h.dataDir, 'broadcast', 'replays', 'opening-keynote');
    for (const name of renditionNames) {
      const replay = parseMediaPlaylist(await readFile(join(replayDir, `${name}.m3u8`), 'utf8'));
      expect(replay).toMatchObject({ playlistType: 'VOD', ended: true, mediaSequence: 0 });
      expect(replay.segments.map((s) => s.uri)).toEqual(
        [1, 2, 3, 4].map((seq) => `/broadcast/main-hall/segments/${name}/${seq}.ts`)
      );
      expect(replay.segments.map((s) => s.discontinuityBefore)).toEqual([false, true, true, true]);
    }
    expect(await readFile(join(replayDir, 'master.m3u8'), 'utf8')).toContain('\n360p.m3u8\n');

    await splicer.goOffAir();
    const segments = join(stageDir(h.dataDir, 'main-hall'), 'segments', '720p');
    await h.clock.advance(50_000, splicer);
    expect((await readdir(segments)).sort()).toEqual(['0.ts', '1.ts', '2.ts', '3.ts', '4.ts', '5.ts']);
    await h.clock.advance(70_000, splicer);
    // 0 left the window and no recording wants it; 5 is still in the (ended) live window.
    expect((await readdir(segments)).sort()).toEqual(['1.ts', '2.ts', '3.ts', '4.ts', '5.ts']);
    expect((await readdir(join(stageDir(h.dataDir, 'main-hall'), 'live'))).filter((f) => f.endsWith('.tmp'))).toEqual(
      []
    );
  });

  it('adds to a replay the rendition that delivers a recorded moment just after the stop', async () => {
    const splicer = splicerFor();
    await splicer.goOnAir();
    await splicer.startRecording('panel');
    await second(splicer, 0);
    await encode(splicer, '720p', 1);
    await encode(splicer, '360p', 1);
    await splicer.stopRecording('panel');
    await encode(splicer, 'audio', 1);
    const replay = async (name: RenditionName) =>
      parseMediaPlaylist(
        await readFile(join(h.dataDir, 'broadcast', 'replays', 'panel', `${name}.m3u8`), 'utf8')
      ).segments.map((s) => s.uri.split('/').at(-1));
    expect(await replay('audio')).toEqual(['0.ts', '1.ts']);
    expect(await replay('720p')).toEqual(['0.ts', '1.ts']);
  });

  it('continues a replay when the same session records again, after a discontinuity', async () => {
    const splicer = splicerFor();
    await splicer.goOnAir();
    await splicer.startRecording('panel');
    await second(splicer, 0);
    await splicer.stopRecording('panel');
    await second(splicer, 1);
    await splicer.startRecording('panel');
    await second(splicer, 2);
    const recording = await splicer.stopRecording('panel');
    const replay = parseMediaPlaylist(
      await readFile(join(h.dataDir, 'broadcast', 'replays', 'panel', 'audio.m3u8'), 'utf8')
    );
    expect(replay.segments.map((s) => [s.seq, s.discontinuityBefore, s.uri.split('/').at(-1)])).toEqual([
      [0, false, '0.ts'],
      [1, true, '2.ts']
    ]);
    expect(recording.segmentCount).toBe(2);
  });
});
