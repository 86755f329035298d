/**
 * Glass-to-glass latency of a stage broadcast: a clock burned into the source
 * picture (clockStrip.ts) is read back from the frames the session page's own
 * player shows in Chromium, for both encoder paths — copy (the source is
 * already H.264) and transcode (it is not) — and the stage encoder's CPU per
 * stream is read from /metrics meanwhile. The same source is then played
 * through a named peer: ffmpeg's own HLS muxer with its defaults (2 s
 * segments) played by hls.js with its defaults, what a forum would get by
 * pointing ffmpeg at a web folder. Prints the figures and the ratios, and ends
 * with one JSON line.
 *
 *   npm run bench:latency [-- --seconds 20]
 *
 * Loopback only; every process is killed at the end; each phase is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ConsoleClient } from '../e2e/support/consoleClient.js';
import { startTestServer, type TestServer } from '../e2e/support/testServer.js';
import { median } from './support/median.js';
import { clockStrip, clockStripFilter, frameLatency, readClockStrip, type ClockStrip } from './latency/clockStrip.js';

const targetSeconds = 4;
const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 20;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const stagePage = '/console/editions/seoul-2020/stages/seoul-on';
const sessionPage = '/seoul-2020/sessions/d1-cases';
const rate = 30;
const running = new Set<ChildProcess>();

interface PathFigures {
  readonly frames: number;
  readonly p50Seconds: number | null;
  readonly p95Seconds: number | null;
  readonly maxSeconds: number | null;
  readonly cpuPercent: number | null;
}

/** A source as a studio encoder would send it: 1280x720 at 30 fps with the clock strip and a tone. */
function sourceArgs(video: 'h264' | 'flv1'): string[] {
  const graph = `testsrc2=size=1280x720:rate=${rate}[in];${clockStripFilter(clockStrip, rate).replace('[out]', '[out0]')}`;
  const encoding =
    video === 'h264'
      ? [
          '-c:v',
          'libx264',
          '-preset',
          'ultrafast',
          '-tune',
          'zerolatency',
          '-g',
          String(rate),
          '-pix_fmt',
          'yuv420p',
          '-b:v',
          '2500k'
        ]
      : ['-c:v', 'flv', '-q:v', '4', '-g', String(rate)];
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-re',
    '-f',
    'lavfi',
    '-i',
    graph,
    '-re',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000',
    ...encoding,
    '-c:a',
    'aac',
    '-b:a',
    '96k'
  ];
}

/**
 * Starts a source with `output` args, plus a second output of the strip's raw
 * grey pixels on stdout: each frame is read back as ffmpeg makes it, so the
 * wall-clock moment of the strip's zero (`startedAt()`) is known to a few ms,
 * not guessed from when the process was spawned.
 */
function startSource(video: 'h264' | 'flv1', output: string[]): { child: ChildProcess; startedAt: () => number } {
  const width = clockStrip.bits * clockStrip.blockWidth;
  const frameBytes = width * clockStrip.height;
  const args = [
    ...sourceArgs(video),
    ...output,
    '-map',
    '0:v',
    '-vf',
    `crop=${width}:${clockStrip.height}:0:0,format=gray`,
    '-f',
    'rawvideo',
    'pipe:1'
  ];
  const child = spawn('/usr/bin/ffmpeg', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let pending = Buffer.alloc(0);
  let zero = Number.POSITIVE_INFINITY;
  child.stdout!.on('data', (chunk: Buffer) => {
    const now = Date.now();
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= frameBytes) {
      const frame = pending.subarray(0, frameBytes);
      pending = pending.subarray(frameBytes);
      let shown = 0;
      for (let bit = 0; bit < clockStrip.bits; bit += 1) {
        if (frame[Math.floor(clockStrip.height / 2) * width + Math.floor((bit + 0.5) * clockStrip.blockWidth)]! > 128)
          shown += 2 ** bit;
      }
      // The earliest arrival is the least delayed: the strip's zero is at most that.
      zero = Math.min(zero, now - shown);
    }
  });
  return { child, startedAt: () => zero };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Reads the clock strip off every frame the page's video presents for `seconds`; latencies in seconds. */
async function sampleLatencies(page: Page, startedAt: () => number, strip: ClockStrip): Promise<number[]> {
  // tsx keeps function names with a `__name` helper the page does not have.
  await page.evaluate('window.__name = (f) => f');
  const shown = await page.evaluate(
    async ({ seconds, strip, readSource }) => {
      const read = new Function(`return (${readSource})`)() as (
        rgba: Uint8ClampedArray,
        width: number,
        scale: number,
        strip: unknown
      ) => number | null;
      const video = document.querySelector<HTMLVideoElement>('[data-player-video], video')!;
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const out: { shown: number; seenAt: number }[] = [];
      const end = Date.now() + seconds * 1000;
      await new Promise<void>((resolve) => {
        const onFrame = () => {
          const seenAt = Date.now();
          const width = video.videoWidth;
          if (width > 0) {
            const scale = width / 1280;
            canvas.width = width;
            canvas.height = Math.ceil(strip.height * scale);
            context.drawImage(video, 0, 0);
            const value = read(context.getImageData(0, 0, canvas.width, canvas.height).data, width, scale, strip);
            if (value !== null) out.push({ shown: value, seenAt });
          }
          if (Date.now() < end) video.requestVideoFrameCallback(onFrame);
          else resolve();
        };
        video.requestVideoFrameCallback(onFrame);
        setTimeout(resolve, seconds * 1000 + 5_000);
      });
      return out;
    },
    { seconds, strip, readSource: readClockStrip.toString() }
  );
  return shown
    .map((frame) => frameLatency(frame.shown, frame.seenAt, startedAt(), strip) / 1000)
    .filter((s) => s > 0 && s < 60);
}

function figures(latencies: number[], cpuPercent: number | null): PathFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : null;
  return {
    frames: sorted.length,
    p50Seconds: at(0.5),
    p95Seconds: at(0.95),
    maxSeconds: sorted.at(-1) ?? null,
    cpuPercent
  };
}

async function encoderCpu(server: TestServer, path: 'copy' | 'transcode'): Promise<number | null> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const match = new RegExp(`madang_stage_encoder_cpu_percent\\{stage="seoul-on",path="${path}"\\} ([0-9.e+-]+)`).exec(
    text
  );
  return match ? Number(match[1]) : null;
}

/** One encoder path through the real app: source → RTMP → stage encoder → splicer → the session page's player. */
async function measureMadang(
  browser: Browser,
  server: TestServer,
  streamKey: string,
  video: 'h264' | 'flv1'
): Promise<PathFigures> {
  const path = video === 'h264' ? 'copy' : 'transcode';
  const source = startSource(video, [
    '-t',
    String(seconds + 60),
    '-f',
    'flv',
    `rtmp://127.0.0.1:${server.rtmpPort}/live/${streamKey}`
  ]);
  try {
    await until(`the ${path} encoder`, async () => (await encoderCpu(server, path)) !== null);
    const page = await browser.newPage();
    await page.goto(`${server.url}${sessionPage}`);
    await page.locator('[data-player-play]').focus();
    await page.keyboard.press('Space');
    await until(
      'playback',
      async () => (await page.locator('[data-player-video]').evaluate((v: HTMLVideoElement) => v.currentTime)) > 3
    );
    const cpu: number[] = [];
    const sampler = setInterval(
      () => void encoderCpu(server, path).then((value) => value !== null && cpu.push(value)),
      5_000
    );
    const latencies = await sampleLatencies(page, source.startedAt, clockStrip);
    clearInterval(sampler);
    await page.close();
    return figures(latencies, cpu.length ? median(cpu) : await encoderCpu(server, path));
  } finally {
    await stop(source.child);
  }
}

/** The peer: ffmpeg's HLS muxer with its defaults, in a folder served as files, played by hls.js with its defaults. */
async function measurePeer(browser: Browser, hlsScript: string): Promise<PathFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'madang-latency-peer-'));
  const server = await serveFolder(dir, hlsScript);
  const source = startSource('h264', ['-t', String(seconds + 60), '-f', 'hls', join(dir, 'stream.m3u8')]);
  try {
    await until('the peer playlist', async () => existsSync(join(dir, 'stream.m3u8')));
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/index.html`);
    await until(
      'peer playback',
      async () => (await page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)) > 3
    );
    const latencies = await sampleLatencies(page, source.startedAt, clockStrip);
    await page.close();
    return figures(latencies, null);
  } finally {
    await stop(source.child);
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function serveFolder(dir: string, hlsScript: string): Promise<Server> {
  const page = `<!doctype html><html lang="en"><title>peer</title><video muted autoplay playsinline></video><script src="/hls.js"></script>
<script>const hls = new Hls(); hls.loadSource('/stream.m3u8'); hls.attachMedia(document.querySelector('video')); document.querySelector('video').play();</script></html>`;
  const types: Record<string, string> = { '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t' };
  const server = createServer((req, res) => {
    const path = normalize((req.url ?? '/').split('?')[0]!).replace(/^(\.\.[/\\])+/, '');
    if (path === '/index.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    if (path === '/hls.js')
      return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(hlsScript));
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache'
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const show = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));

async function main(): Promise<void> {
  if (!existsSync(chromiumPath) || !existsSync('/usr/bin/ffmpeg')) {
    console.error('bench:latency needs Debian’s Chromium and ffmpeg: sudo apt-get install -y chromium ffmpeg');
    process.exit(1);
  }
  const hlsScript = join(process.cwd(), 'node_modules/hls.js/dist/hls.light.min.js');
  console.info(
    `Glass-to-glass latency: a clock burned into a 1280x720 ${rate} fps source, read back from the player's frames for ${seconds} s per path, loopback.`
  );
  console.info(`Machine: ${cpus().length} cores, load average at start ${loadavg()[0]!.toFixed(2)}.`);
  const server = await startTestServer({ MADANG_TEST_RTMP: '1', MADANG_TEST_UNLIMITED: '1' });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required'
    ]
  });
  try {
    const producer = new ConsoleClient(server.url);
    await producer.submit(server.setupPath!, {
      email: 'producer@example.org',
      displayName: 'Pat Producer',
      password: 'orange kettle under the bridge'
    });
    const streamKey = /data-stream-key[^>]*>([^<]+)</.exec((await producer.get(stagePage)).text)?.[1] ?? '';
    await producer.submit(stagePage, { session: 'd1-cases' }, '?/goLive');

    const copy = await measureMadang(browser, server, streamKey, 'h264');
    console.info(
      `  madang, copy path:      p50 ${show(copy.p50Seconds)} s, p95 ${show(copy.p95Seconds)} s, max ${show(copy.maxSeconds)} s over ${copy.frames} frames; encoder CPU ${show(copy.cpuPercent, 0)} % of one core`
    );
    const transcode = await measureMadang(browser, server, streamKey, 'flv1');
    console.info(
      `  madang, transcode path: p50 ${show(transcode.p50Seconds)} s, p95 ${show(transcode.p95Seconds)} s, max ${show(transcode.maxSeconds)} s over ${transcode.frames} frames; encoder CPU ${show(transcode.cpuPercent, 0)} % of one core`
    );
    const peer = await measurePeer(browser, hlsScript);
    console.info(
      `  peer (ffmpeg -f hls defaults + hls.js defaults): p50 ${show(peer.p50Seconds)} s, p95 ${show(peer.p95Seconds)} s over ${peer.frames} frames`
    );
    const ratio = (a: number | null, b: number | null) => (a !== null && b ? a / b : null);
    const ratios = {
      p50CopyVsPeer: ratio(copy.p50Seconds, peer.p50Seconds),
      p50TranscodeVsPeer: ratio(transcode.p50Seconds, peer.p50Seconds),
      cpuCopyVsTranscode: ratio(copy.cpuPercent, transcode.cpuPercent)
    };
    console.info(
      `  ratios: copy/peer ${show(ratios.p50CopyVsPeer)}×, transcode/peer ${show(ratios.p50TranscodeVsPeer)}×, CPU copy/transcode ${show(ratios.cpuCopyVsTranscode)}×`
    );
    for (const [name, figure] of [
      ['copy', copy],
      ['transcode', transcode]
    ] as const) {
      const met = figure.p50Seconds !== null && figure.p50Seconds <= targetSeconds;
      console.info(
        `  ${name}: glass-to-glass ${show(figure.p50Seconds)} s — ${met ? 'meets' : 'misses'} the target ≤ ${targetSeconds} s`
      );
    }
    console.info(
      JSON.stringify({
        bench: 'latency',
        seconds,
        targetSeconds,
        loadAtStart: loadavg()[0],
        copy,
        transcode,
        peer: { name: 'ffmpeg -f hls (defaults) + hls.js (defaults)', ...peer },
        ratios
      })
    );
  } finally {
    await browser.close();
    await Promise.all([...running].map(stop));
    await server.stop();
  }
}

const limit = setTimeout(() => {
  console.error('bench:latency gave up after 10 minutes');
  for (const child of running) child.kill('SIGKILL');
  process.exit(1);
}, 10 * 60_000);
limit.unref();
process.on('SIGINT', () => {
  for (const child of running) child.kill('SIGKILL');
  process.exit(130);
});
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  for (const child of running) child.kill('SIGKILL');
  process.exit(1);
});
