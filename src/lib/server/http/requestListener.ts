/**
 * The process's one request listener: `/healthz` and `/metrics`, the body
 * limit, stored photos and `/broadcast/` files served before SvelteKit, and
 * everything else compressed through the SvelteKit handler. Wired by
 * `buildApp` (wiring/app.ts).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import compression from 'compression';
import type { Logger } from 'pino';
import type { PhotoStore } from '../storage/photoStore.js';
import { isOverBodyLimit } from './bodyLimits.js';
import type { Metrics } from './metrics.js';
import { servePhoto } from './photoResponse.js';

type Next = (error?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

export interface RequestListenerParts {
  /** adapter-node's handler (svelteKitHandler.ts). */
  readonly kitHandler: Middleware;
  readonly photos: PhotoStore;
  /** Serves `/broadcast/<rest>`; null when there is no broadcast pipeline (no ffmpeg). */
  readonly broadcast: { serve(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> } | null;
  readonly metrics: Metrics;
  /** Whether the database answers (`/healthz`); `kind` is reported either way. */
  readonly database: { readonly kind: string; isReachable(): Promise<unknown> };
  readonly log: Logger;
}

export function createRequestListener(parts: RequestListenerParts): RequestListener {
  const { kitHandler, photos, broadcast, metrics, database, log } = parts;
  const compress = compression({ threshold: 512 }) as unknown as Middleware;

  async function health(res: ServerResponse): Promise<void> {
    try {
      await database.isReachable();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok', database: database.kind }));
    } catch (error) {
      log.error({ err: error }, 'health check failed');
      res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: 'unavailable', database: database.kind }));
    }
  }

  async function exposeMetrics(res: ServerResponse): Promise<void> {
    res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
    res.end(await metrics.registry.metrics());
  }

  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (!req.headers['x-forwarded-proto']) {
      req.headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
    }
    if (path === '/healthz') return void health(res);
    if (path === '/metrics') return void exposeMetrics(res);
    if (isOverBodyLimit(req.url ?? '/', req.headers['content-length'])) {
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      return void res.end('This request sent more than 512 KB; nothing was saved.');
    }
    // Photos are immutable files: served before SvelteKit, whose hooks would revalidate them like pages.
    if (path.startsWith('/media/photos/'))
      return void servePhoto(req, res, photos, path.slice('/media/photos/'.length), log);
    // Playlists and segments carry their own cache rules (ADR 014); compression would only cost CPU on video.
    if (path.startsWith('/broadcast/')) {
      if (broadcast) return void broadcast.serve(req, res, path.slice('/broadcast/'.length));
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      return void res.end('Live video is not available on this server.');
    }
    compress(req, res, () =>
      kitHandler(req, res, (error?: unknown) => {
        if (error) log.error({ err: error }, 'unhandled request error');
        if (!res.headersSent) {
          res.statusCode = error ? 500 : 404;
          res.setHeader('content-type', 'text/plain; charset=utf-8');
        }
        res.end(error ? 'Something went wrong.' : 'Not found.');
      })
    );
  };
}
