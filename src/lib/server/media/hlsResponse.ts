/**
 * Serves the broadcast's HLS files at `/broadcast/…` so any HTTP cache or CDN
 * can sit in front: playlists change every second and say `no-cache` (replays
 * a short max-age), segments never change once named and are cached for a
 * year as immutable. Only the shapes the splicer writes are served (see
 * `broadcastPaths.ts`); anything else is a 404 before the disk is touched, so
 * no request reaches outside `<dataDir>/broadcast/`. Every answer allows any
 * origin: players and CDNs on other sites read them too.
 */
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { isRenditionName } from '../../domain/broadcast/renditions.js';
import { broadcastRoot, isBroadcastId, replaysFolder } from './broadcastPaths.js';

type BroadcastFile =
  | { readonly kind: 'live playlist' | 'replay playlist'; readonly file: string }
  | { readonly kind: 'segment'; readonly file: string };

/** Replays are final once written, but a session that records again rewrites them. */
const replayPlaylistMaxAge = 60;

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'content-length, content-range, accept-ranges'
};

/**
 * Answers one request for `path`, the part of the URL after `/broadcast/`
 * (query already removed, not decoded: an encoded slash or dot never matches).
 */
export async function serveBroadcastFile(
  req: IncomingMessage,
  res: ServerResponse,
  dataDir: string,
  path: string,
  log: Logger
): Promise<void> {
  if (req.method === 'OPTIONS') {
    // A player on another origin asking for a byte range sends a preflight first.
    res.writeHead(204, {
      ...corsHeaders,
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': 'range',
      'access-control-max-age': '86400'
    });
    return void res.end();
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...corsHeaders, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('Method not allowed.');
  }
  const wanted = broadcastFileOf(dataDir, path);
  if (!wanted) return notFound(res);
  try {
    if (wanted.kind === 'segment') await sendSegment(req, res, wanted.file);
    else await sendPlaylist(req, res, wanted.file, wanted.kind);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !res.headersSent) return notFound(res);
    // A player that moved on closes the connection mid-segment; nothing went wrong here.
    if (code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    log.error({ err: error, path }, 'could not serve a broadcast file');
    if (res.headersSent) return void res.destroy();
    res.writeHead(500, { ...corsHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('Something went wrong.');
  }
}

/** The file a URL path names, or null for any shape the splicer never writes. */
function broadcastFileOf(dataDir: string, path: string): BroadcastFile | null {
  const parts = path.split('/');
  const root = broadcastRoot(dataDir);
  if (parts.length === 3 && parts[0] === replaysFolder) {
    const [, sessionId = '', name = ''] = parts;
    return isBroadcastId(sessionId) && isPlaylistName(name)
      ? { kind: 'replay playlist', file: join(root, replaysFolder, sessionId, name) }
      : null;
  }
  const [stageId = '', folder, rendition = '', name = ''] = parts;
  if (!isBroadcastId(stageId) || stageId === replaysFolder) return null;
  if (parts.length === 3 && folder === 'live' && isPlaylistName(rendition)) {
    return { kind: 'live playlist', file: join(root, stageId, 'live', rendition) };
  }
  if (parts.length === 4 && folder === 'segments' && isRenditionName(rendition) && /^\d{1,15}\.ts$/.test(name)) {
    return { kind: 'segment', file: join(root, stageId, 'segments', rendition, name) };
  }
  return null;
}

function isPlaylistName(name: string): boolean {
  return name === 'master.m3u8' || (name.endsWith('.m3u8') && isRenditionName(name.slice(0, -'.m3u8'.length)));
}

async function sendPlaylist(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  kind: 'live playlist' | 'replay playlist'
): Promise<void> {
  // Read whole: the splicer renames a new playlist into place, so this is one complete version.
  const text = await readFile(file);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = {
    ...corsHeaders,
    'content-type': 'application/vnd.apple.mpegurl',
    'cache-control': kind === 'live playlist' ? 'no-cache' : `public, max-age=${replayPlaylistMaxAge}`,
    'x-content-type-options': 'nosniff',
    etag
  };
  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, { ...headers, 'content-length': String(text.byteLength) });
  res.end(req.method === 'HEAD' ? undefined : text);
}

async function sendSegment(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}-${info.ino.toString(36)}"`;
    const lastModified = info.mtime.toUTCString();
    const headers = {
      ...corsHeaders,
      'content-type': 'video/mp2t',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
      etag,
      'last-modified': lastModified
    };
    const noneMatch = req.headers['if-none-match'];
    const modifiedSince = Date.parse(req.headers['if-modified-since'] ?? '');
    if (noneMatch ? matches(noneMatch, etag) : modifiedSince >= Math.floor(info.mtimeMs / 1000) * 1000) {
      res.writeHead(304, headers);
      return void res.end();
    }
    const ifRange = req.headers['if-range'];
    const range =
      ifRange && ifRange !== etag && ifRange !== lastModified ? null : byteRange(req.headers.range, info.size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, {
        ...headers,
        'content-range': `bytes */${info.size}`,
        'content-type': 'text/plain; charset=utf-8'
      });
      return void res.end('That byte range is not in the file.');
    }
    const { start, end } = range ?? { start: 0, end: info.size - 1 };
    res.writeHead(range ? 206 : 200, {
      ...headers,
      'content-length': String(Math.max(0, end - start + 1)),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${info.size}` } : {})
    });
    if (req.method === 'HEAD' || info.size === 0) return void res.end();
    await pipeline(handle.createReadStream({ start, end, autoClose: false }), res);
  } finally {
    await handle.close();
  }
}

/**
 * One `bytes=` range (RFC 9110 §14.1.2): `a-b`, `a-` or the last `-n`.
 * Null means send the whole file: no header, several ranges, or one that
 * does not parse (which the RFC says to ignore).
 */
export function byteRange(
  header: string | undefined,
  size: number
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (to !== '' && Number(to) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, {
    ...corsHeaders,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  });
  res.end('Not found.');
}
