import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMediaPlaylist } from '../../domain/broadcast/playlistParser.js';
import { renditionNames } from '../../domain/broadcast/renditions.js';
import { stageDir } from './broadcastPaths.js';
import { byteRange, serveBroadcastFile } from './hlsResponse.js';
import { StageSplicer, type SlateClips } from './splicer/stageSplicer.js';

const log = pino({ level: 'silent' });
let dataDir: string;
let server: Server;
let port: number;
const segmentBytes = Buffer.from('0123456789abcdef');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw request, so paths with `..` or encoded slashes reach the server as written. */
function send(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() })
        );
      }
    );
    req.setTimeout(5000, () => req.destroy(new Error(`no answer for ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'madang-hls-'));
  const stage = stageDir(dataDir, 'main-hall');
  await mkdir(join(stage, 'live'), { recursive: true });
  await mkdir(join(stage, 'segments', '720p'), { recursive: true });
  await mkdir(join(dataDir, 'broadcast', 'replays', 'opening-keynote'), { recursive: true });
  await writeFile(join(stage, 'live', '720p.m3u8'), '#EXTM3U\n#EXT-X-TARGETDURATION:1\n');
  await writeFile(join(stage, 'live', 'master.m3u8'), '#EXTM3U\n');
  await writeFile(join(stage, 'segments', '720p', '42.ts'), segmentBytes);
  await writeFile(join(stage, 'state.json'), '{"secret":true}');
  await writeFile(join(dataDir, 'broadcast', 'replays', 'opening-keynote', 'audio.m3u8'), '#EXTM3U\n#EXT-X-ENDLIST\n');
  // Routed as app.ts routes it: everything after /broadcast/, query removed.
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (path.startsWith('/broadcast/'))
      return void serveBroadcastFile(req, res, dataDir, path.slice('/broadcast/'.length), log);
    res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

describe('serveBroadcastFile', () => {
  it('serves a live playlist uncached, to any origin, and answers 304 when it has not changed', async () => {
    const answer = await send('/broadcast/main-hall/live/720p.m3u8?_HLS_msn=3');
    expect(answer).toMatchObject({ status: 200, body: '#EXTM3U\n#EXT-X-TARGETDURATION:1\n' });
    expect(answer.headers).toMatchObject({
      'content-type': 'application/vnd.apple.mpegurl',
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*'
    });
    const again = await send('/broadcast/main-hall/live/720p.m3u8', {
      headers: { 'if-none-match': answer.headers.etag ?? '' }
    });
    expect(again.status).toBe(304);
    expect((await send('/broadcast/main-hall/live/master.m3u8')).status).toBe(200);
  });

  it('lets caches keep a replay playlist a little while', async () => {
    const answer = await send('/broadcast/replays/opening-keynote/audio.m3u8');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=60');
    expect(answer.headers['content-type']).toBe('application/vnd.apple.mpegurl');
  });

  it('serves a segment as immutable MPEG-TS with validators', async () => {
    const answer = await send('/broadcast/main-hall/segments/720p/42.ts');
    expect(answer).toMatchObject({ status: 200, body: segmentBytes.toString() });
    expect(answer.headers).toMatchObject({
      'content-type': 'video/mp2t',
      'cache-control': 'public, max-age=31536000, immutable',
      'content-length': '16',
      'accept-ranges': 'bytes',
      'access-control-allow-origin': '*'
    });
    expect(answer.headers.etag).toMatch(/^"[^"]+"$/);
    expect(answer.headers['last-modified']).toMatch(/GMT$/);
    expect(
      (
        await send('/broadcast/main-hall/segments/720p/42.ts', {
          headers: { 'if-none-match': answer.headers.etag ?? '' }
        })
      ).status
    ).toBe(304);
    expect(
      (
        await send('/broadcast/main-hall/segments/720p/42.ts', {
          headers: { 'if-modified-since': answer.headers['last-modified'] ?? '' }
        })
      ).status
    ).toBe(304);
    const head = await send('/broadcast/main-hall/segments/720p/42.ts', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe('16');
  });

  it('answers byte ranges with 206, and 416 past the end', async () => {
    const path = '/broadcast/main-hall/segments/720p/42.ts';
    const middle = await send(path, { headers: { range: 'bytes=2-5' } });
    expect(middle).toMatchObject({ status: 206, body: '2345' });
    expect(middle.headers).toMatchObject({ 'content-range': 'bytes 2-5/16', 'content-length': '4' });
    expect(await send(path, { headers: { range: 'bytes=-3' } })).toMatchObject({ status: 206, body: 'def' });
    expect(await send(path, { headers: { range: 'bytes=14-' } })).toMatchObject({ status: 206, body: 'ef' });
    const past = await send(path, { headers: { range: 'bytes=16-' } });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */16');
    // A range against a version the client no longer has gets the whole file.
    expect(await send(path, { headers: { range: 'bytes=2-5', 'if-range': '"old"' } })).toMatchObject({
      status: 200,
      body: segmentBytes.toString()
    });
  });

  it('serves nothing but the shapes the splicer writes: no traversal, no state, no temp files', async () => {
    const refused = [
      '/broadcast/main-hall/state.json',
      '/broadcast/main-hall/segments/720p/../../state.json',
      '/broadcast/main-hall/segments/720p/..%2F..%2Fstate.json',
      '/broadcast/main-hall/live/..%2Fstate.json',
      '/broadcast/main-hall/live/720p.m3u8.1.tmp',
      '/broadcast/main-hall/segments/1080p/42.ts',
      '/broadcast/main-hall/segments/720p/42.ts.tmp',
      '/broadcast/Main-Hall/live/720p.m3u8',
      '/broadcast/replays/live/master.m3u8',
      '/broadcast/replays/../main-hall/state.json',
      '/broadcast/main-hall/recordings/opening-keynote.jsonl',
      '/broadcast//main-hall/live/720p.m3u8',
      '/broadcast/main-hall/live/360p.m3u8'
    ];
    for (const path of refused) {
      const answer = await send(path);
      expect([path, answer.status, answer.headers['content-type'], answer.body]).toEqual([
        path,
        404,
        'text/plain; charset=utf-8',
        'Not found.'
      ]);
    }
  });

  it('allows only GET and HEAD, and answers a cross-origin preflight', async () => {
    const post = await send('/broadcast/main-hall/live/720p.m3u8', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const preflight = await send('/broadcast/main-hall/segments/720p/42.ts', { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'range'
    });
  });

  it("serves a splicer's live window so that every segment it lists can be fetched", async () => {
    const stage = 'side-room';
    const slate = Object.fromEntries(
      renditionNames.map((name) => [name, { path: join(dataDir, `slate-${name}.ts`), durationSeconds: 1 }])
    ) as SlateClips;
    for (const name of renditionNames) await writeFile(slate[name].path, `slate ${name}`);
    const splicer = new StageSplicer({ stageId: stage, dir: stageDir(dataDir, stage), slate, log });
    try {
      await splicer.goOnAir();
      for (const name of renditionNames) {
        const path = join(dataDir, `in-${name}.ts`);
        await writeFile(path, `source ${name}`);
        await splicer.addSegment({ rendition: name, path, durationSeconds: 1, startsAt: new Date(), index: 0 });
      }
    } finally {
      await splicer.close();
    }
    const master = await send(`/broadcast/${stage}/live/master.m3u8`);
    const variants = master.body.split('\n').filter((line) => line.endsWith('.m3u8'));
    expect(variants).toHaveLength(3);
    for (const variant of variants) {
      const base = new URL(variant, `http://127.0.0.1/broadcast/${stage}/live/master.m3u8`);
      const playlist = parseMediaPlaylist((await send(base.pathname)).body);
      expect(playlist.segments).toHaveLength(1);
      for (const segment of playlist.segments) {
        const answer = await send(new URL(segment.uri, base).pathname);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatch(/^source /);
      }
    }
  });
});

describe('byteRange', () => {
  it('ignores what it cannot honour and clamps the end', () => {
    expect(byteRange(undefined, 10)).toBeNull();
    expect(byteRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(byteRange('bytes=5-2', 10)).toBeNull();
    expect(byteRange('items=0-1', 10)).toBeNull();
    expect(byteRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
    expect(byteRange('bytes=-0', 10)).toBe('unsatisfiable');
  });
});
