/**
 * A producer's browser sends its camera to the stage: Chromium's own
 * MediaRecorder (a canvas test pattern and a tone, 0.5 s chunks) over the
 * `madang-ingest.v1` WebSocket, and the stage gets a WebM that ffmpeg decodes.
 * The studio page comes in a later issue; this page stands in for it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestFeed } from '../src/lib/server/media/broadcastPorts.js';
import { attachBrowserIngest, type BrowserIngest } from '../src/lib/server/media/browserIngest.js';
import { decodeWithFfmpeg, hasFfmpeg, killFfmpegProcesses } from '../src/lib/server/media/testing/runFfmpeg.js';
import { launchBrowser } from './support/browser.js';

const studioPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Studio stand-in</title></head>
<body><canvas width="320" height="180"></canvas><script>
window.sendRecording = async (stageId, mimeType, seconds) => {
  const canvas = document.querySelector('canvas');
  const context = canvas.getContext('2d');
  let frame = 0;
  const timer = setInterval(() => {
    context.fillStyle = 'hsl(' + (frame * 7 % 360) + ', 80%, 50%)';
    context.fillRect(0, 0, 320, 180);
    context.fillStyle = '#000';
    context.fillText(String(frame++), 10, 20);
  }, 66);
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  const destination = audio.createMediaStreamDestination();
  tone.connect(destination);
  tone.start();
  const stream = new MediaStream([...canvas.captureStream(15).getVideoTracks(), ...destination.stream.getAudioTracks()]);
  const socket = new WebSocket('ws://' + location.host + '/ingest/' + stageId, 'madang-ingest.v1');
  socket.binaryType = 'arraybuffer';
  let sent = 0, acked = 0, ready;
  const isReady = new Promise((resolve) => (ready = resolve));
  const closed = new Promise((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
  const errors = [];
  socket.addEventListener('message', (event) => {
    const frame = JSON.parse(event.data);
    if (frame.type === 'ready') ready();
    if (frame.type === 'ack') acked = frame.bytes;
    if (frame.type === 'error') errors.push(frame.code);
  });
  await new Promise((resolve) => socket.addEventListener('open', resolve));
  socket.send(JSON.stringify({ type: 'hello', mimeType }));
  await isReady;
  const recorder = new MediaRecorder(stream, { mimeType });
  let queue = Promise.resolve();
  recorder.ondataavailable = (event) => {
    queue = queue.then(async () => {
      const bytes = await event.data.arrayBuffer();
      while (sent - acked + bytes.byteLength > 4 * 1024 * 1024 && sent > acked) await new Promise((r) => setTimeout(r, 20));
      socket.send(bytes);
      sent += bytes.byteLength;
    });
  };
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start(500);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  recorder.stop();
  await stopped;
  await queue;
  while (acked < sent) await new Promise((r) => setTimeout(r, 20));
  socket.send(JSON.stringify({ type: 'end' }));
  clearInterval(timer);
  return { sent, acked, errors, closeCode: await closed, recordedAs: recorder.mimeType };
};
</script></body></html>`;

let server: Server;
let ingest: BrowserIngest;
let browser: Browser;
let origin = '';
const feeds: IngestFeed[] = [];

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(studioPage);
  });
  ingest = attachBrowserIngest(server, {
    sink: { accept: (feed) => (feeds.push(feed), true) },
    authorise: async (_request, stageId) => stageId === 'main-stage',
    log: { info: () => undefined, warn: () => undefined } as never
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  killFfmpegProcesses();
  await browser?.close();
  ingest?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe.skipIf(!hasFfmpeg)('a producer streams from the browser to the stage', () => {
  it.each(['video/webm;codecs=vp8,opus', 'video/webm;codecs=h264,opus'])(
    '%s: the stage receives every byte recorded, and it decodes',
    async (mimeType) => {
      const page = await browser.newPage();
      try {
        await page.goto(`${origin}/studio`);
        const supported = await page.evaluate((type) => MediaRecorder.isTypeSupported(type), mimeType);
        if (!supported) {
          console.info(`This Chromium cannot record ${mimeType}; that case is skipped.`);
          return;
        }
        const before = feeds.length;
        const result = await page.evaluate(
          ({ type }) =>
            (
              window as unknown as {
                sendRecording: (
                  s: string,
                  t: string,
                  n: number
                ) => Promise<{ sent: number; acked: number; errors: string[]; closeCode: number }>;
              }
            ).sendRecording('main-stage', type, 3),
          { type: mimeType }
        );
        expect(result.errors).toEqual([]);
        expect(result.closeCode).toBe(1000);
        expect(result.acked).toBe(result.sent);

        const feed = feeds[before]!;
        expect(feed).toMatchObject({ stageId: 'main-stage', via: 'browser', format: 'webm' });
        const chunks: Buffer[] = [];
        for await (const chunk of feed.stream) chunks.push(chunk as Buffer);
        const bytes = Buffer.concat(chunks);
        expect(bytes.length).toBe(result.sent);
        expect(bytes.length).toBeGreaterThan(20_000);
        const decoded = await decodeWithFfmpeg('webm', bytes);
        // MediaRecorder stamps some packets with the time of the one before; ffmpeg's muxer says so, decoding is not hurt.
        // The stage encoder should read browser feeds with regenerated timestamps (-fflags +genpts) for the same reason.
        const problems = decoded.stderr
          .split('\n')
          .filter((line) => line !== '' && !line.includes('non monotonically increasing dts'));
        expect(problems).toEqual([]);
        expect(decoded.code).toBe(0);
      } finally {
        await page.close();
      }
    }
  );

  it('a page on the site without producer rights cannot open the ingest socket', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/studio`);
      const closeCode = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const socket = new WebSocket(`ws://${location.host}/ingest/other-stage`, 'madang-ingest.v1');
            socket.addEventListener('close', (event) => resolve(event.code));
          })
      );
      // The browser only learns that the handshake failed.
      expect(closeCode).toBe(1006);
    } finally {
      await page.close();
    }
  });
});
