import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestFeed, IngestSink, StreamKeys } from '../broadcastPorts.js';
import { FlvTagReader, isKeyframe, isSequenceHeader, videoCodecOf, type FlvTag } from '../flv.js';
import { decodeWithFfmpeg, ffmpegPath, hasFfmpeg, killFfmpegProcesses, runFfmpeg } from '../testing/runFfmpeg.js';
import type { RtmpLog } from './rtmpConnection.js';
import { RtmpServer } from './rtmpServer.js';

if (!hasFfmpeg) console.info(`${ffmpegPath} is absent: the RTMP server tests with a real encoder are skipped.`);

const goodKey = 'k3y-for-the-main-stage-0123456789';
const keys: StreamKeys = { stageForKey: async (key) => (key === goodKey ? 'main-stage' : null) };

interface LogEntry {
  readonly level: 'info' | 'warn';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

function testLog(): RtmpLog & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry['level']) => (fields: Record<string, unknown>, message: string) =>
    void entries.push({ level, fields, message });
  return { entries, info: record('info'), warn: record('warn') } as unknown as RtmpLog & { entries: LogEntry[] };
}

/** A sink that takes the first source of each stage and keeps every byte it sends. */
function recordingSink() {
  const feeds: { feed: IngestFeed; bytes: Promise<Buffer> }[] = [];
  const busy = new Set<string>();
  const sink: IngestSink = {
    accept(feed) {
      if (busy.has(feed.stageId)) return false;
      busy.add(feed.stageId);
      const chunks: Buffer[] = [];
      feed.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      const bytes = new Promise<Buffer>((resolve) => feed.stream.on('end', () => resolve(Buffer.concat(chunks))));
      feeds.push({ feed, bytes });
      return true;
    }
  };
  return { sink, feeds };
}

const servers: RtmpServer[] = [];

afterEach(async () => {
  killFfmpegProcesses();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startServer(
  sink: IngestSink,
  log = testLog(),
  extra: Partial<ConstructorParameters<typeof RtmpServer>[0]> = {}
) {
  const server = new RtmpServer({ keys, sink, log, port: 0, ...extra });
  servers.push(server);
  return { port: await server.listen(), log };
}

function publish(port: number, key: string, seconds = 3) {
  return runFfmpeg([
    '-loglevel',
    'error',
    '-re',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=15',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '15',
    '-c:a',
    'aac',
    '-t',
    String(seconds),
    '-f',
    'flv',
    `rtmp://127.0.0.1:${port}/live/${key}`
  ]);
}

async function tagsOf(bytes: Buffer): Promise<FlvTag[]> {
  const tags: FlvTag[] = [];
  for await (const tag of Readable.from([bytes]).pipe(new FlvTagReader())) tags.push(tag as FlvTag);
  return tags;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!hasFfmpeg)('RTMP server with a real encoder', () => {
  it('hands the stage an FLV feed of what ffmpeg published with the right key, and ffmpeg decodes it cleanly', async () => {
    const { sink, feeds } = recordingSink();
    const { port, log } = await startServer(sink);
    const result = await publish(port, goodKey);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    expect(feeds).toHaveLength(1);
    const { feed, bytes } = feeds[0]!;
    expect(feed).toMatchObject({ stageId: 'main-stage', via: 'rtmp', format: 'flv' });
    expect(feed.description).toMatch(/^rtmp from 127\.0\.0\.1:\d+, encoder "FMLE\/3\.0 \(compatible; Lavf[\d.]+\)"$/);

    const flv = await bytes;
    const tags = await tagsOf(flv);
    const video = tags.filter((tag) => tag.type === 'video');
    expect(tags[0]?.type).toBe('script');
    expect(tags[0]!.data.includes(Buffer.from('onMetaData'))).toBe(true);
    expect(tags[0]!.data.includes(Buffer.from('@setDataFrame'))).toBe(false);
    expect(video.some((tag) => isSequenceHeader(tag) && videoCodecOf(tag) === 'h264')).toBe(true);
    expect(tags.some((tag) => tag.type === 'audio' && isSequenceHeader(tag))).toBe(true);
    expect(video.filter(isKeyframe).length).toBeGreaterThanOrEqual(3);
    const lastVideo = Math.max(...video.map((tag) => tag.timestamp));
    expect(lastVideo).toBeGreaterThan(2500);
    expect(lastVideo).toBeLessThan(3500);

    const decoded = await decodeWithFfmpeg('flv', flv);
    expect(decoded.stderr).toBe('');
    expect(decoded.code).toBe(0);
    expect(log.entries.filter((entry) => entry.level === 'warn')).toEqual([]);
  }, 30_000);

  it('refuses a wrong stream key: ffmpeg fails with the reason, the stage never hears of it, the log names a redacted key', async () => {
    const { sink, feeds } = recordingSink();
    const { port, log } = await startServer(sink);
    const wrongKey = 'wrong-key-that-must-not-be-logged';
    const result = await publish(port, wrongKey, 1);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('wrong stream key');
    expect(feeds).toHaveLength(0);
    const warning = log.entries.find((entry) => entry.level === 'warn' && entry.message.includes('wrong stream key'));
    expect(warning?.fields).toMatchObject({ key: 'wron…', code: 'ingest.key_invalid' });
    expect(warning?.fields.remote).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(JSON.stringify(log.entries)).not.toContain(wrongKey);
  }, 30_000);

  it('refuses a second publisher on a stage that already has a source, and keeps the first', async () => {
    const { sink, feeds } = recordingSink();
    const { port } = await startServer(sink);
    const first = publish(port, goodKey, 3);
    await until(() => feeds.length === 1);
    const second = await publish(port, goodKey, 1);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('this stage already has a source');
    expect((await first).code).toBe(0);
    expect(feeds).toHaveLength(1);
    expect((await tagsOf(await feeds[0]!.bytes)).filter(isKeyframe).length).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it('disconnects a peer sending garbage and still takes a good publisher after it', async () => {
    const { sink, feeds } = recordingSink();
    const { port, log } = await startServer(sink);
    const closedAfter = async (bytes: Buffer) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
      socket.write(bytes);
      await new Promise((resolve) => socket.on('close', resolve));
    };
    // Not RTMP at all.
    await closedAfter(Buffer.from('GET / HTTP/1.1\r\nHost: example\r\n\r\n'));
    // A proper handshake, then a chunk stream that starts with a continuation chunk.
    await closedAfter(
      Buffer.concat([Buffer.from([3]), Buffer.alloc(1536, 7), Buffer.alloc(1536, 9), Buffer.from([0xc5, 1, 2, 3])])
    );
    // A handshake, then a command that is not AMF0.
    const junkCommand = Buffer.from([0x03, 0, 0, 0, 0, 0, 4, 20, 0, 0, 0, 0, 0x42, 0x42, 0x42, 0x42]);
    await closedAfter(Buffer.concat([Buffer.from([3]), Buffer.alloc(1536), Buffer.alloc(1536), junkCommand]));
    expect(log.entries.filter((entry) => entry.message.includes('broke the protocol'))).toHaveLength(3);

    const result = await publish(port, goodKey, 1);
    expect(result.code).toBe(0);
    expect(feeds).toHaveLength(1);
    expect((await tagsOf(await feeds[0]!.bytes)).some(isKeyframe)).toBe(true);
  }, 30_000);
});

describe('RTMP server limits', () => {
  it('closes a connection that does not publish in time', async () => {
    const { sink } = recordingSink();
    const { port, log } = await startServer(sink, testLog(), { publishTimeoutMs: 200 });
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const started = Date.now();
    await new Promise((resolve) => socket.on('close', resolve));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(log.entries.some((entry) => entry.message.includes('did not publish in time'))).toBe(true);
  });

  it('refuses connections beyond the limit and logs it', async () => {
    const { sink } = recordingSink();
    const { port, log } = await startServer(sink, testLog(), { maxConnections: 1 });
    const first = connect(port, '127.0.0.1');
    first.on('error', () => undefined);
    await new Promise((resolve) => first.on('connect', resolve));
    const second = connect(port, '127.0.0.1');
    second.on('error', () => undefined);
    await new Promise((resolve) => second.on('close', resolve));
    expect(first.destroyed).toBe(false);
    expect(log.entries.find((entry) => entry.message.includes('too many connections'))?.fields).toMatchObject({
      limit: 1,
      code: 'ingest.too_many_connections'
    });
    first.destroy();
  });
});
