/**
 * Story: a producer's browser (the studio page, a later issue) sends the
 * stage its recording over `/ingest/<stage>` on the forum's own server: the
 * producer's sign-in lets it in, anyone else is turned away before a
 * WebSocket exists, and what it sends becomes the stage's live stream (VP8
 * from a browser, so the stage encodes it) while the session is live.
 *
 * The real app (test server); a WebM like MediaRecorder's made by ffmpeg;
 * a plain `ws` client carrying the producer's session cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { runFfmpeg } from '../src/lib/server/media/testing/runFfmpeg.js';
import { ConsoleClient, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const stagePage = '/console/editions/seoul-2020/stages/seoul-on';
let server: TestServer;
let producer: ConsoleClient;
let recording: Buffer;

beforeAll(async () => {
  server = await startTestServer({});
  producer = new ConsoleClient(server.url);
  expect(
    (
      await producer.submit(server.setupPath!, {
        email: 'producer@example.org',
        displayName: 'Pat Producer',
        password: 'orange kettle under the bridge'
      })
    ).location
  ).toBe('/console');
  const made = await runFfmpeg(
    [
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=640x360:rate=15',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=48000',
      '-t',
      '6',
      '-c:v',
      'libvpx',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-g',
      '15',
      '-b:v',
      '600k',
      '-c:a',
      'libopus',
      '-f',
      'webm',
      'pipe:1'
    ],
    undefined,
    60_000
  );
  expect(made.code, made.stderr).toBe(0);
  recording = made.stdout;
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

function open(cookie: string | null): Promise<WebSocket | { refused: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ingest/seoul-on`, 'madang-ingest.v1', {
      headers: { origin: server.url, ...(cookie ? { cookie: `madang_session=${cookie}` } : {}) }
    });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => resolve({ refused: response.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}

describe('a producer’s browser sending to a stage', () => {
  it('is turned away without the producer’s sign-in', async () => {
    expect(await open(null)).toEqual({ refused: 403 });
  });

  it('becomes the stage’s live stream, encoded, while the session is live', async () => {
    expect((await producer.submit(stagePage, { session: 'd1-cases' }, '?/goLive')).status).toBe(303);
    const socket = await open(producer.cookies.get('madang_session') ?? '');
    if (!(socket instanceof WebSocket)) throw new Error(`refused with ${socket.refused}`);
    const frames: { type: string; bytes?: number }[] = [];
    socket.on('message', (data, isBinary) => {
      if (!isBinary) frames.push(JSON.parse(data.toString()) as { type: string; bytes?: number });
    });
    socket.send(JSON.stringify({ type: 'hello', mimeType: 'video/webm;codecs=vp8,opus' }));
    await expect.poll(() => frames.some((frame) => frame.type === 'ready'), { timeout: 10_000 }).toBe(true);
    // 64 KiB at a time, about as fast as a recorder would produce six seconds of it.
    for (let offset = 0; offset < recording.length; offset += 64 * 1024) {
      socket.send(recording.subarray(offset, offset + 64 * 1024));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expect
      .poll(() => frames.filter((frame) => frame.type === 'ack').at(-1)?.bytes, { timeout: 30_000 })
      .toBe(recording.length);
    const stage = mainText((await producer.get(stagePage)).text);
    expect(stage).toContain('Connected through the browser studio');
    expect(stage).toContain('Encoding: transcode');

    await expect
      .poll(
        async () => {
          const playlist = await fetch(`${server.url}/broadcast/seoul-on/live/360p.m3u8`);
          return playlist.ok ? ((await playlist.text()).match(/#EXTINF/g) ?? []).length : 0;
        },
        { timeout: 60_000, interval: 500 }
      )
      .toBeGreaterThanOrEqual(3);
    socket.send(JSON.stringify({ type: 'end' }));
    socket.close();
    await expect
      .poll(async () => (await producer.get(stagePage)).text.includes('data-source-status="none"'), {
        timeout: 30_000,
        interval: 500
      })
      .toBe(true);
  }, 150_000);
});
