/**
 * Serves stored speaker photos at `/media/photos/<sha256>.webp`. A key names
 * its content, so a response never changes: cached for a year as immutable,
 * with the hash as its ETag. Anything that is not a key the store could have
 * made (another name, `..`, encoded slashes) is a 404 before the store is
 * asked, so no request reaches outside the photo directory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isPhotoKey, type PhotoStore } from '../storage/photoStore.js';

export async function servePhoto(
  req: IncomingMessage,
  res: ServerResponse,
  photos: PhotoStore,
  key: string,
  log: Logger
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('Method not allowed.');
  }
  let photo = null;
  try {
    photo = isPhotoKey(key) ? await photos.get(key) : null;
  } catch (error) {
    log.error({ err: error, key }, 'could not read a stored photo');
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    return void res.end('Something went wrong.');
  }
  if (!photo) {
    res.writeHead(404, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff'
    });
    return void res.end('Not found.');
  }
  const etag = `"${key.slice(0, -'.webp'.length)}"`;
  const headers = {
    'content-type': photo.type,
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    etag
  };
  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, { ...headers, 'content-length': String(photo.bytes.byteLength) });
  res.end(req.method === 'HEAD' ? undefined : photo.bytes);
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
