/**
 * The splicer with real MPEG-TS: source, slate, source again, published and
 * recorded, then read back over HTTP by ffmpeg's own HLS reader, which must
 * decode every second of it. The splicer never decodes; this proves that what
 * it stitches together still plays. Skipped without ffmpeg.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renditionNames, type RenditionName } from '../../../domain/broadcast/renditions.js';
import { stageDir } from '../broadcastPaths.js';
import { serveBroadcastFile } from '../hlsResponse.js';
import { StageSplicer, type SlateClips, type SplicerClock } from './stageSplicer.js';

const run = promisify(execFile);
const ffmpeg = '/usr/bin/ffmpeg';
const hasFfmpeg = existsSync(ffmpeg);
if (!hasFfmpeg) console.info(`${ffmpeg} is not installed: the splicer's real-media test is skipped.`);

const log = pino({ level: 'silent' });
const fps = 15;
let work: string;
let server: Server;
let base: string;

/** Small, cheap media (the machine is shared): 320x180 at 15 fps, a keyframe every second. */
async function encode(args: string[], output: string[]): Promise<void> {
  await run(
    ffmpeg,
    [
      '-v',
      'error',
      '-y',
      ...args,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-g',
      String(fps),
      '-keyint_min',
      String(fps),
      '-sc_threshold',
      '0',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-ar',
      '48000',
      ...output
    ],
    { timeout: 30_000, killSignal: 'SIGKILL' }
  );
}

/** Frames ffmpeg decodes from a playlist URL, each video frame one framemd5 line. */
async function framesIn(url: string): Promise<number> {
  const { stdout } = await run(ffmpeg, ['-v', 'error', '-i', url, '-map', '0:v', '-f', 'framemd5', '-'], {
    timeout: 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 8 << 20
  });
  return stdout.split('\n').filter((line) => line && !line.startsWith('#')).length;
}

beforeAll(async () => {
  if (!hasFfmpeg) return;
  work = await mkdtemp(join(tmpdir(), 'madang-splicer-media-'));
  await mkdir(join(work, 'source'));
  await encode(
    [
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=320x180:rate=${fps}`,
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=48000',
      '-t',
      '4'
    ],
    ['-f', 'segment', '-segment_time', '1', '-segment_format', 'mpegts', join(work, 'source', '%d.ts')]
  );
  await encode(
    [
      '-f',
      'lavfi',
      '-i',
      `color=c=navy:size=320x180:rate=${fps}`,
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=48000:cl=stereo',
      '-t',
      '1'
    ],
    ['-f', 'mpegts', join(work, 'slate.ts')]
  );
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    void serveBroadcastFile(req, res, work, path.slice('/broadcast/'.length), log);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/broadcast`;
}, 60_000);

afterAll(async () => {
  if (!hasFfmpeg) return;
  await new Promise((resolve) => server.close(resolve));
  await rm(work, { recursive: true, force: true });
});

describe.skipIf(!hasFfmpeg)('StageSplicer with real segments', () => {
  it('splices source, slate and source again into live and replay playlists that decode through', async () => {
    let now = Date.parse('2026-12-06T10:00:00.000Z');
    const timers: { at: number; task: () => void }[] = [];
    const clock: SplicerClock = {
      now: () => new Date(now),
      after(ms, task) {
        const timer = { at: now + ms, task };
        timers.push(timer);
        return () => void timers.splice(timers.indexOf(timer) >>> 0, 1);
      }
    };
    const slate = Object.fromEntries(
      renditionNames.map((name) => [name, { path: join(work, 'slate.ts'), durationSeconds: 1 }])
    ) as SlateClips;
    const splicer = new StageSplicer({ stageId: 'main-hall', dir: stageDir(work, 'main-hall'), slate, clock, log });
    const advance = async (ms: number) => {
      const until = now + ms;
      for (
        let due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        due;
        due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0]
      ) {
        timers.splice(timers.indexOf(due), 1);
        now = due.at;
        due.task();
        await splicer.flush();
      }
      now = until;
    };
    const sourceSeconds = (await readdir(join(work, 'source'))).length;
    const feed = async (runName: string) => {
      for (let index = 0; index < sourceSeconds; index += 1) {
        for (const name of renditionNames as readonly RenditionName[]) {
          const path = join(work, `${runName}-${name}-${index}.ts`);
          await copyFile(join(work, 'source', `${index}.ts`), path);
          await splicer.addSegment({ rendition: name, path, durationSeconds: 1, startsAt: new Date(now), index });
        }
        await advance(1000);
      }
    };
    try {
      await splicer.sourceStarted();
      await splicer.goOnAir();
      await splicer.startRecording('opening-keynote');
      await feed('a');
      await advance(3500); // silent: the slate at 2.5, 3.5 and 4.5 s after the last segment began
      await splicer.sourceStarted();
      await feed('b');
      const recording = await splicer.stopRecording('opening-keynote');
      expect(recording.segmentCount).toBe(sourceSeconds * 2 + 3);
      // ENDLIST, or ffmpeg would wait for the live playlist to grow.
      await splicer.goOffAir();

      const expected = (sourceSeconds * 2 + 3) * fps;
      expect(await framesIn(`${base}/main-hall/live/360p.m3u8`)).toBeGreaterThanOrEqual(expected - 2);
      expect(await framesIn(`${base}/replays/opening-keynote/720p.m3u8`)).toBeGreaterThanOrEqual(expected - 2);
    } finally {
      await splicer.close();
    }
  }, 60_000);
});
