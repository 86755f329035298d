import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageDir } from '../broadcastPaths.js';
import { useSplicerHarness } from './testing/splicerHarness.js';

const h = useSplicerHarness();
const { splicerFor, second, livePlaylist, contentOf } = h;

describe('StageSplicer: state.json across restarts', () => {
  it('survives a restart: numbering, the window and an open recording go on', async () => {
    const first = splicerFor();
    await first.goOnAir();
    await first.startRecording('closing');
    await second(first, 0);
    await second(first, 1);
    await first.close();

    const restarted = splicerFor();
    await restarted.flush();
    expect(restarted.status).toMatchObject({ onAir: true, nextSeq: 2, recording: ['closing'] });
    // The encoder died with the process: the new one counts from 0 again.
    await second(restarted, 0, 'b');
    const playlist = await livePlaylist('720p');
    expect(playlist.segments.map((s) => [s.seq, s.discontinuityBefore])).toEqual([
      [0, false],
      [1, false],
      [2, true]
    ]);
    expect(await contentOf('720p', playlist.segments[2]?.uri ?? '')).toBe('b 720p 0');
    await h.clock.advance(3000, restarted);
    expect(restarted.status.slating).toBe(true);
    const recording = await restarted.stopRecording('closing');
    expect(recording.segmentCount).toBeGreaterThanOrEqual(5);
  });

  it('never reuses a number already on disk, even when its state is lost', async () => {
    const first = splicerFor();
    await first.goOnAir();
    await second(first, 0);
    await second(first, 1);
    await first.close();
    await rm(join(stageDir(h.dataDir, 'main-hall'), 'state.json'));
    const fresh = splicerFor();
    await fresh.flush();
    expect(fresh.status.nextSeq).toBe(2);
  });

  it('stops, rather than renumbers, when its state file is damaged', async () => {
    const first = splicerFor();
    await first.goOnAir();
    await first.close();
    await writeFile(join(stageDir(h.dataDir, 'main-hall'), 'state.json'), '{"version":1,"nextSeq":-4}');
    const damaged = splicerFor();
    await expect(damaged.goOnAir()).rejects.toMatchObject({
      code: 'hls.state_unreadable',
      message: expect.stringMatching(/state\.json cannot be read \(nextSeq: /)
    });
    await expect(
      damaged.addSegment({
        rendition: 'audio',
        path: join(h.encoderDir, 'x.ts'),
        durationSeconds: 1,
        startsAt: h.clock.now(),
        index: 0
      })
    ).rejects.toMatchObject({
      code: 'hls.state_unreadable'
    });
  });
});
