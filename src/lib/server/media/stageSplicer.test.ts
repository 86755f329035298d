import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMediaPlaylist, type ParsedMediaPlaylist } from '../../domain/broadcast/playlistParser.js';
import { renditionNames, type RenditionName } from '../../domain/broadcast/renditions.js';
import { stageDir } from './broadcastPaths.js';
import {
  StageSplicer,
  SplicerError,
  type SlateClips,
  type SplicerClock,
  type StageSplicerOptions
} from './stageSplicer.js';

/** A clock the test moves by hand; timers run in time order, each followed by the splicer's writes. */
class ManualClock implements SplicerClock {
  at = Date.parse('2026-12-06T10:00:00.000Z');
  #timers: { at: number; task: () => void; id: number }[] = [];
  #ids = 0;

  now(): Date {
    return new Date(this.at);
  }

  after(ms: number, task: () => void): () => void {
    const id = ++this.#ids;
    this.#timers.push({ at: this.at + ms, task, id });
    return () => {
      this.#timers = this.#timers.filter((t) => t.id !== id);
    };
  }

  async advance(ms: number, splicer: StageSplicer): Promise<void> {
    const until = this.at + ms;
    for (;;) {
      const next = this.#timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.at = next.at;
      next.task();
      await splicer.flush();
    }
    this.at = until;
    await splicer.flush();
  }
}

const log = pino({ level: 'silent' });
let dataDir: string;
let encoderDir: string;
let slate: SlateClips;
let clock: ManualClock;
const open: StageSplicer[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'madang-splicer-'));
  encoderDir = await mkdtemp(join(tmpdir(), 'madang-encoder-'));
  clock = new ManualClock();
  const clips = {} as Record<RenditionName, { path: string; durationSeconds: number }>;
  for (const name of renditionNames) {
    const path = join(dataDir, `slate-${name}.ts`);
    await writeFile(path, `slate ${name}`);
    clips[name] = { path, durationSeconds: 1 };
  }
  slate = clips;
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await rm(dataDir, { recursive: true, force: true });
  await rm(encoderDir, { recursive: true, force: true });
});

function splicerFor(options: Partial<StageSplicerOptions> = {}): StageSplicer {
  const splicer = new StageSplicer({
    stageId: 'main-hall',
    dir: stageDir(dataDir, 'main-hall'),
    slate,
    clock,
    log,
    ...options
  });
  open.push(splicer);
  return splicer;
}

/** What the encoder does: writes a segment file and reports it, starting now. */
async function encode(splicer: StageSplicer, rendition: RenditionName, index: number, run = 'a'): Promise<void> {
  const path = join(encoderDir, `${run}-${rendition}-${index}.ts`);
  await writeFile(path, `${run} ${rendition} ${index}`);
  await splicer.addSegment({ rendition, path, durationSeconds: 1, startsAt: clock.now(), index });
}

/** One second of the encoder: every rendition's segment of that index. */
async function second(splicer: StageSplicer, index: number, run = 'a'): Promise<void> {
  for (const name of renditionNames) await encode(splicer, name, index, run);
  await clock.advance(1000, splicer);
}

const live = (name: RenditionName) => join(stageDir(dataDir, 'main-hall'), 'live', `${name}.m3u8`);

async function livePlaylist(name: RenditionName): Promise<ParsedMediaPlaylist> {
  return parseMediaPlaylist(await readFile(live(name), 'utf8'));
}

/** What a viewer's player would see in a segment: its bytes through the playlist's relative URI. */
async function contentOf(name: RenditionName, uri: string): Promise<string> {
  return readFile(join(stageDir(dataDir, 'main-hall'), 'live', uri), 'utf8');
}

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
    expect(await readdir(encoderDir)).toEqual([]);
    const master = await readFile(join(stageDir(dataDir, 'main-hall'), 'live', 'master.m3u8'), 'utf8');
    expect(master.split('\n').filter((line) => line.endsWith('.m3u8'))).toEqual([
      '720p.m3u8',
      '360p.m3u8',
      'audio.m3u8'
    ]);
  });

  it('shows the slate after 2.5 s of silence and picks the source up again, with a discontinuity before each slate segment and the source', async () => {
    const splicer = splicerFor();
    await splicer.sourceStarted();
    await splicer.goOnAir();
    await second(splicer, 0);
    await second(splicer, 1);
    const lastSource = clock.at - 1000;
    await splicer.sourceEnded();

    await clock.advance(1400, splicer);
    expect((await livePlaylist('720p')).segments).toHaveLength(2);
    expect(splicer.status.slating).toBe(false);

    await clock.advance(100, splicer);
    expect(splicer.status.slating).toBe(true);
    await clock.advance(2000, splicer);
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
    await clock.advance(1000, splicer);
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
    await clock.advance(2500, splicer);
    const start = clock.at;
    await clock.advance(10_000, splicer);
    const times = (await livePlaylist('360p')).segments.map((s) => (s.startsAt?.getTime() ?? 0) - start);
    expect(times).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
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
    await clock.advance(2500, splicer); // slate at seq 2, 3
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

  it('records every segment, slate included, into a replay that ends, and keeps them when the window has moved on', async () => {
    const splicer = splicerFor({ windowSegments: 2, keepSeconds: 60 });
    await splicer.goOnAir();
    await second(splicer, 0); // seq 0: before the recording
    await splicer.startRecording('opening-keynote');
    await second(splicer, 1); // 1
    await clock.advance(3000, splicer); // slate 2, 3
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
    const replayDir = join(dataDir, 'broadcast', 'replays', 'opening-keynote');
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
    const segments = join(stageDir(dataDir, 'main-hall'), 'segments', '720p');
    await clock.advance(50_000, splicer);
    expect((await readdir(segments)).sort()).toEqual(['0.ts', '1.ts', '2.ts', '3.ts', '4.ts', '5.ts']);
    await clock.advance(70_000, splicer);
    // 0 left the window and no recording wants it; 5 is still in the (ended) live window.
    expect((await readdir(segments)).sort()).toEqual(['1.ts', '2.ts', '3.ts', '4.ts', '5.ts']);
    expect((await readdir(join(stageDir(dataDir, 'main-hall'), 'live'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
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
        await readFile(join(dataDir, 'broadcast', 'replays', 'panel', `${name}.m3u8`), 'utf8')
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
      await readFile(join(dataDir, 'broadcast', 'replays', 'panel', 'audio.m3u8'), 'utf8')
    );
    expect(replay.segments.map((s) => [s.seq, s.discontinuityBefore, s.uri.split('/').at(-1)])).toEqual([
      [0, false, '0.ts'],
      [1, true, '2.ts']
    ]);
    expect(recording.segmentCount).toBe(2);
  });

  it('ends the live playlists off air and starts afresh, numbers going on, when the stage is on air again', async () => {
    const splicer = splicerFor();
    await splicer.goOnAir();
    await second(splicer, 0);
    await splicer.goOffAir();
    expect((await livePlaylist('720p')).ended).toBe(true);
    await clock.advance(10_000, splicer);
    expect((await livePlaylist('720p')).segments).toHaveLength(1);

    await splicer.goOnAir();
    await splicer.sourceStarted();
    await second(splicer, 0, 'b');
    const again = await livePlaylist('720p');
    expect(again).toMatchObject({ ended: false, mediaSequence: 1 });
    expect(again.segments.map((s) => [s.seq, s.discontinuity])).toEqual([[1, 1]]);
  });

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
    await clock.advance(3000, restarted);
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
    await rm(join(stageDir(dataDir, 'main-hall'), 'state.json'));
    const fresh = splicerFor();
    await fresh.flush();
    expect(fresh.status.nextSeq).toBe(2);
  });

  it('stops, rather than renumbers, when its state file is damaged', async () => {
    const first = splicerFor();
    await first.goOnAir();
    await first.close();
    await writeFile(join(stageDir(dataDir, 'main-hall'), 'state.json'), '{"version":1,"nextSeq":-4}');
    const damaged = splicerFor();
    await expect(damaged.goOnAir()).rejects.toMatchObject({
      code: 'hls.state_unreadable',
      message: expect.stringMatching(/state\.json cannot be read \(nextSeq: /)
    });
    await expect(
      damaged.addSegment({
        rendition: 'audio',
        path: join(encoderDir, 'x.ts'),
        durationSeconds: 1,
        startsAt: clock.now(),
        index: 0
      })
    ).rejects.toMatchObject({
      code: 'hls.state_unreadable'
    });
  });

  it('refuses ids that cannot be folder names and replays it never recorded', async () => {
    expect(() => splicerFor({ stageId: '../etc' })).toThrow(SplicerError);
    expect(() => splicerFor({ stageId: 'replays' })).toThrow(/cannot name/);
    const splicer = splicerFor();
    await expect(splicer.startRecording('A/B')).rejects.toMatchObject({ code: 'hls.id_invalid' });
    await expect(splicer.stopRecording('never')).rejects.toMatchObject({ code: 'hls.recording_not_found' });
    // A refused change does not stop the next ones.
    await splicer.goOnAir();
    expect(existsSync(join(stageDir(dataDir, 'main-hall'), 'live', 'master.m3u8'))).toBe(true);
  });

  it('publishes no empty playlist: a player is told "not yet" until the source or the slate fills it', async () => {
    const splicer = splicerFor();
    await splicer.goOnAir();
    await second(splicer, 0);
    await splicer.goOffAir();
    await splicer.goOnAir();
    expect(existsSync(live('720p'))).toBe(false);
    await clock.advance(2500, splicer);
    expect((await livePlaylist('720p')).segments.map((s) => s.seq)).toEqual([1]);
  });

  it('publishes nothing off air and deletes what it was given', async () => {
    const splicer = splicerFor();
    await encode(splicer, '720p', 0);
    expect(await readdir(encoderDir)).toEqual([]);
    expect(existsSync(live('720p'))).toBe(false);
  });

  it('links the slate instead of copying it', async () => {
    const splicer = splicerFor();
    await splicer.goOnAir();
    await clock.advance(2500, splicer);
    const uri = (await livePlaylist('720p')).segments[0]?.uri ?? '';
    const linked = await stat(join(stageDir(dataDir, 'main-hall'), 'live', uri));
    expect(linked.ino).toBe((await stat(slate['720p'].path)).ino);
  });
});
