import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { IngestFeed, IngestSink } from './broadcastPorts.js';
import { decodeWithFfmpeg, ffmpegPath, hasFfmpeg, killFfmpegProcesses, runFfmpeg } from './testing/runFfmpeg.js';
import {
  attachBrowserIngest,
  ingestibleMimeType,
  ingestSubprotocol,
  type BrowserIngest,
  type BrowserIngestLog
} from './browserIngest.js';

if (!hasFfmpeg)
  console.info(`${ffmpegPath} is absent: the browser ingest tests that make and decode WebM are skipped.`);

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  killFfmpegProcesses();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Harness {
  readonly port: number;
  readonly feeds: IngestFeed[];
  readonly authorised: string[];
  readonly warnings: string[];
  readonly ingest: BrowserIngest;
}

/** An http.Server with browser ingest; the sink reads nothing itself unless `read` is true. */
async function harness(
  options: { allow?: boolean; read?: boolean; busy?: boolean; windowBytes?: number } = {}
): Promise<Harness> {
  const server: Server = createServer((_req, res) => res.end());
  const feeds: IngestFeed[] = [];
  const authorised: string[] = [];
  const warnings: string[] = [];
  const sink: IngestSink = {
    accept(feed) {
      if (options.busy) return false;
      feeds.push(feed);
      return true;
    }
  };
  const log = {
    info: () => undefined,
    warn: (_fields: unknown, message: string) => void warnings.push(message)
  } as unknown as BrowserIngestLog;
  const ingest = attachBrowserIngest(server, {
    sink,
    log,
    windowBytes: options.windowBytes,
    authorise: async (_request, stageId) => {
      authorised.push(stageId);
      return options.allow ?? true;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        ingest.close();
        server.closeAllConnections();
        server.close(() => resolve());
      })
  );
  return { port: (server.address() as AddressInfo).port, feeds, authorised, warnings, ingest };
}

type Frame = { type: 'ready' } | { type: 'ack'; bytes: number } | { type: 'error'; code: string; message: string };

/** A producer's client: what it was told, and how the connection closed. */
function client(
  port: number,
  path = '/ingest/main-stage',
  headers: Record<string, string> = { origin: `http://127.0.0.1:${port}` }
) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, [ingestSubprotocol], { headers });
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data, isBinary) => {
    if (!isBinary) frames.push(JSON.parse(data.toString()) as Frame);
    for (const wake of waiters.splice(0)) wake();
  });
  ws.on('error', () => undefined);
  cleanups.push(() => ws.terminate());
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  );
  const refused = new Promise<number>((resolve) =>
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
  );
  const opened = new Promise<void>((resolve) => ws.on('open', () => resolve()));
  const next = async (predicate: (frame: Frame) => boolean, timeoutMs = 15_000): Promise<Frame> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = frames.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such frame; got ${JSON.stringify(frames)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  return { ws, frames, closed, refused, opened, next };
}

function collect(feed: IngestFeed): Promise<Buffer> {
  const chunks: Buffer[] = [];
  feed.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => feed.stream.on('end', () => resolve(Buffer.concat(chunks))));
}

let webm: Buffer = Buffer.alloc(0);
beforeAll(async () => {
  if (!hasFfmpeg) return;
  const made = await runFfmpeg([
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=15',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440',
    '-c:v',
    'libvpx',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-b:v',
    '600k',
    '-c:a',
    'libopus',
    '-t',
    '2',
    '-f',
    'webm',
    'pipe:1'
  ]);
  if (made.code !== 0) throw new Error(`ffmpeg could not make the test WebM: ${made.stderr}`);
  webm = made.stdout;
}, 30_000);

describe('which MediaRecorder types are ingested', () => {
  it.each([
    'video/webm;codecs=vp8,opus',
    'video/webm; codecs="vp9, opus"',
    'video/webm;codecs=h264,opus',
    'video/x-matroska;codecs=avc1.42E01F,opus',
    'VIDEO/WEBM;CODECS=VP8,OPUS'
  ])('accepts %s', (type) => {
    expect(ingestibleMimeType(type)).not.toBeNull();
  });
  it.each([
    'video/mp4;codecs=avc1,mp4a',
    'video/webm',
    'video/webm;codecs=vp8',
    'video/webm;codecs=opus',
    'video/webm;codecs=av1,opus',
    'video/webm;codecs=vp8,opus,vp9',
    'audio/webm;codecs=opus'
  ])('refuses %s', (type) => {
    expect(ingestibleMimeType(type)).toBeNull();
  });
});

describe.skipIf(!hasFfmpeg)('browser ingest over WebSocket', () => {
  it('takes a WebM recording in 64 KiB chunks, acknowledges every byte, and hands the stage exactly those bytes', async () => {
    const { port, feeds } = await harness();
    const producer = client(port);
    await producer.opened;
    expect(producer.ws.protocol).toBe(ingestSubprotocol);
    producer.ws.send(JSON.stringify({ type: 'hello', mimeType: 'video/webm;codecs=vp8,opus' }));
    await producer.next((frame) => frame.type === 'ready');
    expect(feeds).toHaveLength(1);
    expect(feeds[0]).toMatchObject({ stageId: 'main-stage', via: 'browser', format: 'webm' });
    expect(feeds[0]!.description).toMatch(/^browser from 127\.0\.0\.1:\d+, video\/webm;codecs=vp8,opus, "/);
    const received = collect(feeds[0]!);

    let sent = 0;
    for (let offset = 0; offset < webm.length; offset += 64 * 1024) {
      const chunk = webm.subarray(offset, offset + 64 * 1024);
      producer.ws.send(chunk);
      sent += chunk.length;
      await producer.next((frame) => frame.type === 'ack' && frame.bytes === sent);
    }
    producer.ws.send(JSON.stringify({ type: 'end' }));
    expect((await producer.closed).code).toBe(1000);
    const bytes = await received;
    expect(bytes.equals(webm)).toBe(true);
    expect(
      producer.frames
        .filter((frame) => frame.type === 'ack')
        .map((frame) => (frame as { bytes: number }).bytes)
        .at(-1)
    ).toBe(webm.length);

    const decoded = await decodeWithFfmpeg('webm', bytes);
    expect(decoded.stderr).toBe('');
    expect(decoded.code).toBe(0);
  }, 30_000);

  it('holds back acks while the stage is not taking bytes, sends them when it does, and closes a client that runs past the window', async () => {
    const { port, feeds } = await harness();
    const producer = client(port);
    await producer.opened;
    producer.ws.send(JSON.stringify({ type: 'hello', mimeType: 'video/webm;codecs=vp8,opus' }));
    await producer.next((frame) => frame.type === 'ready');
    const chunk = Buffer.alloc(256 * 1024, 1);
    // The feed stream buffers 2 MiB (1 MiB each side) before pushing back; nobody reads it yet.
    for (let i = 0; i < 12; i++) producer.ws.send(chunk);
    const stream = feeds[0]!.stream as unknown as { writableNeedDrain: boolean };
    await producer.next((frame) => frame.type === 'ack');
    for (const deadline = Date.now() + 10_000; !stream.writableNeedDrain && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const acked = () => Math.max(0, ...producer.frames.map((frame) => (frame.type === 'ack' ? frame.bytes : 0)));
    expect(stream.writableNeedDrain).toBe(true);
    expect(acked()).toBeLessThanOrEqual(2 * 1024 * 1024 + chunk.length);

    // The stage starts reading: the held-back ack covers everything sent so far.
    feeds[0]!.stream.resume();
    await producer.next((frame) => frame.type === 'ack' && frame.bytes === 12 * chunk.length);

    // Now the stage stops reading again and the client ignores the window.
    feeds[0]!.stream.pause();
    for (let i = 0; i < 40; i++) producer.ws.send(chunk);
    const error = await producer.next((frame) => frame.type === 'error');
    expect(error).toMatchObject({ code: 'ingest.window_exceeded' });
    expect((error as { message: string }).message).toMatch(/without acknowledgement/);
    expect((await producer.closed).code).toBe(1008);
  }, 30_000);
});

describe('browser ingest: refusals', () => {
  it('answers 403 before the upgrade when the producer is not authorised for the stage', async () => {
    const { port, feeds, authorised } = await harness({ allow: false });
    expect(await client(port, '/ingest/main-stage').refused).toBe(403);
    expect(authorised).toEqual(['main-stage']);
    expect(feeds).toHaveLength(0);
  });

  it('answers 403 to a page of another site without asking who the producer is', async () => {
    const { port, authorised } = await harness();
    expect(await client(port, '/ingest/main-stage', { origin: 'https://evil.example' }).refused).toBe(403);
    expect(authorised).toEqual([]);
  });

  it('answers 404 to a malformed stage id and leaves other paths to other listeners', async () => {
    const { port, ingest } = await harness();
    expect(await client(port, '/ingest/Main_Stage').refused).toBe(404);
    const socket = { on: () => socket, end: () => expect.fail('touched a socket it does not own') };
    expect(ingest.handleUpgrade({ url: '/live' } as never, socket as never, Buffer.alloc(0))).toBe(false);
    expect(ingest.handleUpgrade({ url: '/ingestion/x' } as never, socket as never, Buffer.alloc(0))).toBe(false);
  });

  it('explains a malformed control frame in an error frame, then closes', async () => {
    const { port } = await harness();
    for (const [text, code, message] of [
      ['not json', 'ingest.control_invalid', /must be a JSON control frame/],
      ['{"type":"start"}', 'ingest.control_invalid', /expected \{"type":"hello"/],
      ['{"type":"hello"}', 'ingest.control_invalid', /\(mimeType\)/],
      [
        '{"type":"hello","mimeType":"video/mp4"}',
        'ingest.mime_unsupported',
        /record WebM with VP8, VP9 or H\.264 video and Opus audio/
      ]
    ] as const) {
      const producer = client(port);
      await producer.opened;
      producer.ws.send(text);
      const error = await producer.next((frame) => frame.type === 'error');
      expect(error).toMatchObject({ code });
      expect((error as { message: string }).message).toMatch(message);
      expect((await producer.closed).code).toBeGreaterThanOrEqual(1003);
    }
  });

  it('refuses media before hello, and a second source on a busy stage', async () => {
    const { port } = await harness();
    const early = client(port);
    await early.opened;
    early.ws.send(Buffer.from([1, 2, 3]));
    expect(await early.next((frame) => frame.type === 'error')).toMatchObject({ code: 'ingest.hello_required' });

    const busy = await harness({ busy: true });
    const second = client(busy.port);
    await second.opened;
    second.ws.send(JSON.stringify({ type: 'hello', mimeType: 'video/webm;codecs=vp8,opus' }));
    expect(await second.next((frame) => frame.type === 'error')).toMatchObject({
      code: 'ingest.stage_busy',
      message: 'This stage already has a source.'
    });
    expect((await second.closed).code).toBe(1013);
  });

  it('closes with 1009 a chunk larger than 8 MiB, and the feed ends', async () => {
    const { port, feeds } = await harness();
    const producer = client(port);
    await producer.opened;
    producer.ws.send(JSON.stringify({ type: 'hello', mimeType: 'video/webm;codecs=vp8,opus' }));
    await producer.next((frame) => frame.type === 'ready');
    const ended = collect(feeds[0]!);
    producer.ws.send(Buffer.alloc(8 * 1024 * 1024 + 1));
    expect((await producer.closed).code).toBe(1009);
    expect((await ended).length).toBe(0);
  });

  it('refuses a client that does not speak the subprotocol', async () => {
    const { port } = await harness();
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ingest/main-stage`);
    ws.on('error', () => undefined);
    cleanups.push(() => ws.terminate());
    expect(
      await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)))
    ).toBe(400);
  });
});
