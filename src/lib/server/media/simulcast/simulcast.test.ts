/**
 * Simulcast against real ffmpeg on loopback: a second local RTMP server
 * (`ffmpeg -listen 1`) stands in for the outside channel, a closed port for a
 * destination that refuses, and a listener stopped with SIGSTOP for one too
 * slow to keep up. Every process is killed after each test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { ProgramFeed } from '../broadcastPorts.js';
import { FlvTagReader, isKeyframe, isSequenceHeader, type FlvTag } from '../flv.js';
import { redactKey, type RelayDestination } from './destinationRelay.js';
import { Registry } from 'prom-client';
import { Simulcast, type DestinationStatusView } from './simulcast.js';
import { registerSimulcastMetrics } from './simulcastMetrics.js';

const ffmpegPath = '/usr/bin/ffmpeg';
const hasFfmpeg = existsSync(ffmpegPath);
if (!hasFfmpeg) console.warn('simulcast tests skipped: no ffmpeg at /usr/bin/ffmpeg');

let dir = '';
let tags: FlvTag[] = [];
const children: ChildProcess[] = [];
const simulcasts: Simulcast[] = [];
const feeds: { stop(): void }[] = [];

beforeAll(async () => {
  if (!hasFfmpeg) return;
  dir = await mkdtemp(join(tmpdir(), 'madang-simulcast-'));
  const source = join(dir, 'program.flv');
  // 4 s of test pattern and tone, as the stage encoder's program would be: H.264 with a keyframe a second, AAC.
  const made = spawnSync(
    ffmpegPath,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x180:rate=15',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=44100',
      '-t',
      '4',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-g',
      '15',
      '-b:v',
      '1500k',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-f',
      'flv',
      source
    ],
    { timeout: 30_000 }
  );
  if (made.status !== 0) throw new Error(`could not make the test program: ${made.stderr.toString()}`);
  tags = await readTags(readFileSync(source));
}, 40_000);

afterEach(async () => {
  for (const simulcast of simulcasts.splice(0)) simulcast.close();
  for (const feed of feeds.splice(0)) feed.stop();
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await sleep(100);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!hasFfmpeg)('simulcast to outside destinations', () => {
  it('sends the whole program to a live destination while one that refuses fails and retries with backoff', async () => {
    const outside = await outsideChannel('outside-key');
    const closedPort = await freePort();
    const logs = capturingLog();
    const simulcast = track(
      new Simulcast({
        ffmpegPath,
        destinations: fixedDestinations([
          { id: 'youtube', name: 'YouTube', url: `rtmp://127.0.0.1:${outside.port}/live`, streamKey: 'outside-key' },
          { id: 'closed', name: 'Closed', url: `rtmp://127.0.0.1:${closedPort}/live`, streamKey: 'closed-secret-key' }
        ]),
        log: logs,
        random: () => 0.5
      })
    );
    const registry = new Registry();
    registerSimulcastMetrics(registry, simulcast);

    const feed = replayingFeed(tags, 1, 3);
    await simulcast.attach('stage-1', feed);
    await until(() => statusOf(simulcast, 'youtube')?.state === 'live', 15_000);
    expect(logs.states('youtube')).toEqual(['connecting', 'live']);
    await until(() => (statusOf(simulcast, 'closed')?.failures ?? 0) >= 2, 10_000);
    expect(statusOf(simulcast, 'closed')).toMatchObject({ reason: 'connection_refused' });
    expect(logs.states('closed').slice(0, 6)).toEqual([
      'connecting',
      'failing',
      'retrying',
      'connecting',
      'failing',
      'retrying'
    ]);
    expect(statusOf(simulcast, 'youtube')?.state).toBe('live');

    const metrics = await registry.metrics();
    expect(metrics).toContain('madang_destination_up{stage="stage-1",destination="youtube"} 1');
    expect(metrics).toContain('madang_destination_up{stage="stage-1",destination="closed"} 0');
    expect(metrics).toContain('madang_destination_state{stage="stage-1",destination="youtube",state="live"} 1');
    expect(metrics).toMatch(/madang_destination_retries_total\{stage="stage-1",destination="closed"\} [1-9]/);

    // The program ends: the live destination is idle again and the outside channel has all of it…
    await until(() => statusOf(simulcast, 'youtube')?.state === 'idle', 20_000);
    await outside.exited;
    // …and the one that kept failing stops retrying: there is no program to send.
    expect(statusOf(simulcast, 'closed')).toMatchObject({ state: 'idle', nextRetryAt: null });
    const attempts = logs.lines.filter((l) => l.startsWith('simulcast relay starting')).length;
    await sleep(2500);
    expect(logs.lines.filter((l) => l.startsWith('simulcast relay starting')).length).toBe(attempts);
    expect(durationOf(outside.file)).toBeGreaterThan(11);
    const logged = logs.lines.join('\n');
    expect(logged).toContain('Connection refused');
    expect(logged).not.toContain('outside-key');
    expect(logged).not.toContain('closed-secret-key');
  }, 90_000);

  it('drops a destination that stops reading as too slow, without holding up the others', async () => {
    const outside = await outsideChannel('outside-key');
    const slow = await outsideChannel('slow-key', true);
    const logs = capturingLog();
    const simulcast = track(
      new Simulcast({
        ffmpegPath,
        destinations: fixedDestinations([
          { id: 'youtube', name: 'YouTube', url: `rtmp://127.0.0.1:${outside.port}/live`, streamKey: 'outside-key' },
          { id: 'slow', name: 'Slow', url: `rtmp://127.0.0.1:${slow.port}/live`, streamKey: 'slow-key' }
        ]),
        log: logs,
        random: () => 0.5,
        maxQueuedMilliseconds: 8000
      })
    );
    const feed = replayingFeed(tags, 1, 20);
    await simulcast.attach('stage-1', feed);
    await until(
      () => statusOf(simulcast, 'slow')?.state === 'live' && statusOf(simulcast, 'youtube')?.state === 'live',
      15_000
    );
    slow.child.kill('SIGSTOP');
    // Faster than real time from here, so the stopped listener's socket buffers fill in seconds, not minutes.
    feed.speed = 4;
    await until(() => statusOf(simulcast, 'slow')?.reason === 'too_slow', 30_000);
    expect(statusOf(simulcast, 'youtube')?.state).toBe('live');
    expect(logs.lines.join('\n')).toContain('the destination is too slow');
    // The outside channel that keeps up goes on receiving (once its own ffmpeg has probed the stream and opened its file).
    await until(() => existsSync(outside.file) && statSync(outside.file).size > 0, 15_000);
    const receivedBefore = statSync(outside.file).size;
    await sleep(1000);
    expect(statSync(outside.file).size).toBeGreaterThan(receivedBefore);
    slow.child.kill('SIGKILL');
  }, 90_000);

  it('restarts only the destination whose key changed, and stops one that was disabled', async () => {
    const first = await outsideChannel('first-key');
    const second = await outsideChannel('second-key');
    const secondAgain = await outsideChannel('second-new-key');
    const list: RelayDestination[] = [
      { id: 'one', name: 'One', url: `rtmp://127.0.0.1:${first.port}/live`, streamKey: 'first-key' },
      { id: 'two', name: 'Two', url: `rtmp://127.0.0.1:${second.port}/live`, streamKey: 'second-key' }
    ];
    const logs = capturingLog();
    const simulcast = track(
      new Simulcast({ ffmpegPath, destinations: { enabledForStage: () => Promise.resolve([...list]) }, log: logs })
    );
    await simulcast.attach('stage-1', replayingFeed(tags, 1, 10));
    await until(
      () =>
        simulcast.statuses('stage-1').every((s) => s.state === 'live') && simulcast.statuses('stage-1').length === 2,
      15_000
    );
    const oneSince = statusOf(simulcast, 'one')!.since;

    list[1] = { id: 'two', name: 'Two', url: `rtmp://127.0.0.1:${secondAgain.port}/live`, streamKey: 'second-new-key' };
    await simulcast.refresh('stage-1');
    await until(() => statusOf(simulcast, 'two')?.state === 'live', 15_000);
    expect(statusOf(simulcast, 'one')).toMatchObject({ state: 'live', since: oneSince });

    list.splice(0, 1);
    await simulcast.refresh('stage-1');
    expect(statusOf(simulcast, 'one')).toBeUndefined();
    await first.exited;
    simulcast.detach('stage-1');
    expect(simulcast.statuses('stage-1')).toEqual([]);
  }, 90_000);
});

function track(simulcast: Simulcast): Simulcast {
  simulcasts.push(simulcast);
  return simulcast;
}

function statusOf(simulcast: Simulcast, id: string): DestinationStatusView | undefined {
  return simulcast.statuses('stage-1').find((s) => s.destinationId === id);
}

function fixedDestinations(list: readonly RelayDestination[]) {
  return { enabledForStage: () => Promise.resolve(list) };
}

/** A logger that keeps every line, and reads a destination's status changes back from them. */
function capturingLog() {
  const lines: string[] = [];
  // What the relays said is what explains a failure on a busy machine.
  onTestFailed(() => console.log(lines.join('\n')));
  const changes: { destination: string; to: string }[] = [];
  const write = (fields: object, message: string) => {
    lines.push(`${message} ${JSON.stringify(fields)}`);
    if (message === 'simulcast destination status') changes.push(fields as { destination: string; to: string });
  };
  return {
    lines,
    states: (id: string) => changes.filter((c) => c.destination === id).map((c) => c.to),
    info: write,
    warn: write,
    error: write
  };
}

/**
 * A program feed that plays `tags` on the clock (`speed` times real time,
 * changeable while it plays; `loops` times over with timestamps running on), as the stage encoder's
 * would: a follower gets the codec headers first, then tags from the next
 * keyframe.
 */
function replayingFeed(
  source: readonly FlvTag[],
  speed: number,
  loops = 1
): ProgramFeed & { speed: number; stop(): void } {
  const headers = source.filter((t) => t.type === 'script' || isSequenceHeader(t));
  const media = source.filter((t) => !(t.type === 'script' || isSequenceHeader(t)));
  const span = (media.at(-1)?.timestamp ?? 0) + 67;
  const followers = new Set<{ onTag: (tag: FlvTag) => void; onEnd: () => void; joined: boolean }>();
  let ended = false;
  let index = 0;
  let mediaNow = 0;
  let lastTick = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    mediaNow += (now - lastTick) * feed.speed;
    lastTick = now;
    while (index < media.length * loops) {
      const base = media[index % media.length]!;
      const tag = { ...base, timestamp: base.timestamp + Math.floor(index / media.length) * span };
      if (tag.timestamp > mediaNow) break;
      index += 1;
      for (const f of followers) {
        if (!f.joined && isKeyframe(tag)) f.joined = true;
        if (f.joined) f.onTag(tag);
      }
    }
    if (index >= media.length * loops) {
      ended = true;
      clearInterval(timer);
      for (const f of followers) f.onEnd();
      followers.clear();
    }
  }, 10);
  timer.unref();
  const feed = {
    speed,
    stop: () => clearInterval(timer),
    follow(onTag: (tag: FlvTag) => void, onEnd: () => void) {
      if (ended) {
        onEnd();
        return () => {};
      }
      const follower = { onTag, onEnd, joined: false };
      followers.add(follower);
      for (const h of headers) onTag(h);
      return () => void followers.delete(follower);
    }
  };
  feeds.push(feed);
  return feed;
}

/** A local RTMP server standing in for an outside channel; `tinyBuffer` makes its socket fill quickly once it stops reading. */
async function outsideChannel(key: string, tinyBuffer = false) {
  const port = await freePort();
  const file = join(dir, `received-${key}-${port}.flv`);
  const child = spawn(
    ffmpegPath,
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-listen',
      '1',
      ...(tinyBuffer ? ['-recv_buffer_size', '16384'] : []),
      '-i',
      `rtmp://127.0.0.1:${port}/live/${key}`,
      '-c',
      'copy',
      '-f',
      'flv',
      '-y',
      file
    ],
    { stdio: 'ignore' }
  );
  children.push(child);
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await until(() => isListening(port), 15_000);
  return { port, file, child, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Whether something listens on the port, read from /proc (a probe connection would use up `-listen 1`). */
function isListening(port: number): boolean {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .some((line) => {
      const parts = line.trim().split(/\s+/);
      return parts[1]?.endsWith(`:${hex}`) && parts[3] === '0A';
    });
}

function durationOf(file: string): number {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], {
    timeout: 10_000
  });
  return Number(probe.stdout.toString().trim());
}

async function readTags(bytes: Buffer): Promise<FlvTag[]> {
  const reader = new FlvTagReader();
  const out: FlvTag[] = [];
  reader.on('data', (tag: FlvTag) => out.push(tag));
  const done = new Promise<void>((resolve, reject) => {
    reader.on('end', resolve);
    reader.on('error', reject);
  });
  reader.end(bytes);
  await done;
  return out;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('redacting the stream key from what ffmpeg prints', () => {
  it('replaces the key as typed and as ffmpeg percent-encodes it, wherever it appears', () => {
    expect(redactKey('rtmp://a.rtmp.youtube.com/live2/ab cd: Connection refused', 'ab cd')).toBe(
      'rtmp://a.rtmp.youtube.com/live2/[stream key]: Connection refused'
    );
    expect(redactKey('rtmp://x/live/ab%20cd?x=ab%20cd', 'ab cd')).toBe('rtmp://x/live/[stream key]?x=[stream key]');
    expect(redactKey('nothing secret here', 'k-1')).toBe('nothing secret here');
  });
});
