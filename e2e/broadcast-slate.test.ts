/**
 * Story: a viewer is watching a stage in Chromium (hls.js) when the source
 * drops for a few seconds. The "we will be right back" slate plays, then the
 * source again, and the player never reloads or stops for long.
 *
 * The splicer and the HLS handler only, fed real MPEG-TS at real-time pace
 * (what the stage encoder would do), served on 127.0.0.1: no app build needed.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseMediaPlaylist } from '../src/lib/domain/broadcast/playlistParser.js';
import { renditionNames } from '../src/lib/domain/broadcast/renditions.js';
import { stageDir } from '../src/lib/server/media/broadcastPaths.js';
import { serveBroadcastFile } from '../src/lib/server/media/hlsResponse.js';
import { StageSplicer, type SlateClips } from '../src/lib/server/media/splicer/stageSplicer.js';
import { launchBrowser } from './support/browser.js';

const run = promisify(execFile);
const fps = 15;
const firstRunSeconds = 8;
const dropSeconds = 5;
const secondRunSeconds = 8;
const hlsScript = await readFile(createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js'), 'utf8');

let work: string;
let server: Server;
let url: string;
let browser: Browser;

/** Small media for a shared 2-core machine: 320x180, 15 fps, a keyframe every second. */
async function encode(args: string[], output: string[]): Promise<void> {
  const codecs = [
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
    '-ac',
    '2'
  ];
  await run('/usr/bin/ffmpeg', ['-v', 'error', '-y', ...args, ...codecs, ...output], {
    timeout: 60_000,
    killSignal: 'SIGKILL'
  });
}

const page = `<!doctype html><html lang="en"><title>player</title><video id="v" muted playsinline></video>
<script src="/hls.js"></script><script>
const log = { frags: [], errors: [], waiting: 0 };
window.playerLog = log;
const video = document.getElementById('v');
const hls = new Hls();
hls.on(Hls.Events.FRAG_CHANGED, (_, data) => log.frags.push(data.frag.sn));
hls.on(Hls.Events.ERROR, (_, data) => log.errors.push(data.details + (data.fatal ? ' (fatal)' : '')));
video.addEventListener('waiting', () => log.waiting++);
hls.loadSource('/broadcast/main-hall/live/master.m3u8');
hls.attachMedia(video);
video.play();
</script></html>`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'madang-slate-e2e-'));
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
      String(Math.max(firstRunSeconds, secondRunSeconds))
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
    if (path.startsWith('/broadcast/'))
      return void serveBroadcastFile(req, res, work, path.slice('/broadcast/'.length), pino({ level: 'silent' }));
    res.writeHead(200, { 'content-type': path === '/hls.js' ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(path === '/hls.js' ? hlsScript : page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a viewer when the source drops', () => {
  test('keeps playing through the slate and on into the returning source, without a reload', async () => {
    const slate = Object.fromEntries(
      renditionNames.map((name) => [name, { path: join(work, 'slate.ts'), durationSeconds: 1 }])
    ) as SlateClips;
    const splicer = new StageSplicer({
      stageId: 'main-hall',
      dir: stageDir(work, 'main-hall'),
      slate,
      log: pino({ level: 'silent' })
    });
    const samples: { at: number; currentTime: number }[] = [];
    const context = await browser.newContext();
    try {
      /** One encoder run at real-time pace, kept on the clock: each segment is reported when its second is over. */
      const feed = async (name: string, seconds: number, onSecond: (second: number) => Promise<void>) => {
        await splicer.sourceStarted();
        const start = Date.now();
        for (let index = 0; index < seconds; index += 1) {
          const startsAt = new Date(start + index * 1000);
          await sleep(start + (index + 1) * 1000 - Date.now());
          for (const rendition of renditionNames) {
            const path = join(work, `${name}-${rendition}-${index}.ts`);
            await copyFile(join(work, 'source', `${index}.ts`), path);
            await splicer.addSegment({ rendition, path, durationSeconds: 1, startsAt, index });
          }
          await onSecond(index);
        }
        await splicer.sourceEnded();
      };
      const viewer = await context.newPage();
      const sample = async () => {
        if (!viewer.url().startsWith('http')) return;
        samples.push({
          at: Date.now(),
          currentTime: await viewer.evaluate(() => (document.getElementById('v') as HTMLVideoElement).currentTime)
        });
      };
      await splicer.goOnAir();
      let opened: Promise<unknown> = Promise.resolve();
      await feed('a', firstRunSeconds, async (second) => {
        // Not awaited: a slow page load must not hold the source back (the slate would rightly step in).
        if (second === 3) opened = viewer.goto(url);
        else await sample();
      });
      await opened;
      for (let second = 0; second < dropSeconds; second += 1) {
        await sleep(1000);
        await sample();
      }
      await feed('b', secondRunSeconds, sample);
      await sleep(2000);
      await sample();

      const log = await viewer.evaluate(
        () => (window as unknown as { playerLog: { frags: number[]; errors: string[]; waiting: number } }).playerLog
      );
      const playlist = parseMediaPlaylist(
        await readFile(join(stageDir(work, 'main-hall'), 'live', '720p.m3u8'), 'utf8')
      );
      const slateInode = (await stat(join(work, 'slate.ts'))).ino;
      const slateSeqs = new Set<number>();
      for (const segment of playlist.segments) {
        if ((await stat(join(stageDir(work, 'main-hall'), 'live', segment.uri))).ino === slateInode)
          slateSeqs.add(segment.seq);
      }
      const lastSlate = Math.max(...slateSeqs);

      // Only the drop is filled: the first run never fell silent.
      expect(Math.min(...slateSeqs)).toBe(firstRunSeconds);
      expect(slateSeqs.size).toBeGreaterThanOrEqual(2);
      expect(log.errors.filter((e) => e.endsWith('(fatal)'))).toEqual([]);
      // The viewer saw the slate, then the returning source.
      expect(log.frags.some((sn) => slateSeqs.has(sn))).toBe(true);
      expect(log.frags.some((sn) => sn > lastSlate)).toBe(true);
      // From the first sample that was playing to the last, the video moved on nearly in real time.
      const playing = samples.filter((s) => s.currentTime > 0);
      const first = playing[0];
      const last = playing.at(-1);
      expect(first && last).toBeTruthy();
      if (!first || !last) return;
      const wall = (last.at - first.at) / 1000;
      const played = last.currentTime - first.currentTime;
      const timeline = playing
        .map((s) => `${((s.at - first.at) / 1000).toFixed(1)}→${s.currentTime.toFixed(1)}`)
        .join(' ');
      console.info(
        `slate e2e: ${played.toFixed(1)} s played in ${wall.toFixed(1)} s; slate seqs ${[...slateSeqs].join(',')}; waiting events ${log.waiting}; errors ${log.errors.join(', ') || 'none'}; wall→currentTime ${timeline}`
      );
      // No second (after the start-up one) in which the picture stood still: through the drop, the slate and the return.
      const stood = playing
        .slice(2)
        .filter((s, at) => s.currentTime - (playing[at + 1] as { currentTime: number }).currentTime < 0.3);
      expect(stood.map((s) => ((s.at - first.at) / 1000).toFixed(1))).toEqual([]);
      // Measured on a quiet machine: 18.8 s played in 19.3 s. Under a load average of 20 on 2 cores Chromium
      // plays at ~0.9x, so the bound is loose; without a discontinuity before each slate segment it stalled
      // (bufferStalledError) and lost 2.4 s.
      expect(played).toBeGreaterThan(wall * 0.75);
    } finally {
      await context.close();
      await splicer.close();
    }
  }, 90_000);
});
