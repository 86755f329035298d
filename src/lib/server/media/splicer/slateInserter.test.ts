import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renditionNames } from '../../../domain/broadcast/renditions.js';
import { stageDir } from '../broadcastPaths.js';
import { useSplicerHarness } from './testing/splicerHarness.js';

const h = useSplicerHarness();
const { splicerFor, second, livePlaylist, contentOf } = h;

describe('StageSplicer: the slate', () => {
  it('shows the slate after 2.5 s of silence and picks the source up again, with a discontinuity before each slate segment and the source', async () => {
    const splicer = splicerFor();
    await splicer.sourceStarted();
    await splicer.goOnAir();
    await second(splicer, 0);
    await second(splicer, 1);
    const lastSource = h.clock.at - 1000;
    await splicer.sourceEnded();

    await h.clock.advance(1400, splicer);
    expect((await livePlaylist('720p')).segments).toHaveLength(2);
    expect(splicer.status.slating).toBe(false);

    await h.clock.advance(100, splicer);
    expect(splicer.status.slating).toBe(true);
    await h.clock.advance(2000, splicer);
    const during = await livePlaylist('720p');
    expect(during.segments.map((s) => s.discontinuityBefore)).toEqual([false, false, true, true, true]);
    expect(during.segments.slice(2).map((s) => s.startsAt?.getTime())).toEqual([
      lastSource + 2500,
      lastSource + 3500,
      lastSource + 4500
    ]);
    expect(await contentOf('720p', during.segments[2]?.uri ?? '')).toBe('slate 720p');
    expect(await contentOf('audio', (await livePlaylist('audio')).segments[4]?.uri ?? '')).toBe('slate audio');

    await splicer.sourceStarted();
    await second(splicer, 0, 'b');
    await h.clock.advance(1000, splicer);
    for (const name of renditionNames) {
      const after = await livePlaylist(name);
      expect(after.segments.map((s) => s.seq)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(after.segments.map((s) => s.discontinuityBefore)).toEqual([false, false, true, true, true, true]);
      expect(await contentOf(name, after.segments[5]?.uri ?? '')).toBe(`b ${name} 0`);
    }
    expect(splicer.status.slating).toBe(false);
  });

  it('keeps slate segments on the clock, not on the last timer, so a late timer does not push the slate back', async () => {
    const splicer = splicerFor();
    await splicer.goOnAir();
    await h.clock.advance(2500, splicer);
    const start = h.clock.at;
    await h.clock.advance(10_000, splicer);
    const times = (await livePlaylist('360p')).segments.map((s) => (s.startsAt?.getTime() ?? 0) - start);
    expect(times).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
  });

  it('links the slate instead of copying it', async () => {
    const splicer = splicerFor();
    await splicer.goOnAir();
    await h.clock.advance(2500, splicer);
    const uri = (await livePlaylist('720p')).segments[0]?.uri ?? '';
    const linked = await stat(join(stageDir(h.dataDir, 'main-hall'), 'live', uri));
    expect(linked.ino).toBe((await stat(h.slate['720p'].path)).ino);
  });
});
