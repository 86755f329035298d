/**
 * Every request: reader preferences, the signed-in account (from the session
 * cookie), caching headers with ETags (console pages: never cached), request
 * metrics, and errors that reach the reader as a plain message while the log
 * gets the detail.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { consoleResponse, isConsolePath, readSession } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import { readPreferences } from '$lib/server/http/preferences';
import { messagesFor } from '$lib/i18n/messages';

export const handle: Handle = async ({ event, resolve }) => {
  const started = performance.now();
  const { locale, viewerZone } = readPreferences(event.url, event.request.headers, event.cookies);
  event.locals.locale = locale;
  event.locals.viewerZone = viewerZone;
  event.locals.requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
  await readSession(event);

  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%madang.lang%', locale).replace('%madang.zone%', viewerZone ?? '')
  });

  const final = isConsolePath(event.url.pathname)
    ? consoleResponse(response)
    : await withValidators(event.request, response);
  const context = appContext();
  context.metrics.observeRequest(
    event.request.method,
    event.route.id ?? 'unmatched',
    final.status,
    (performance.now() - started) / 1000
  );
  return final;
};

/**
 * Pages depend on the language and zone cookies, so shared caches must not
 * keep them; exports set their own public caching. Either way a strong ETag
 * lets a returning reader revalidate with a 304.
 */
async function withValidators(request: Request, response: Response): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return response;
  if (response.status !== 200) return response;
  const type = response.headers.get('content-type') ?? '';
  const headers = new Headers(response.headers);
  // A live panel fragment says `no-store` itself (panelResponse); pages are revalidated.
  if (type.startsWith('text/html') && !(headers.get('cache-control') ?? '').includes('no-store')) {
    headers.set('cache-control', 'private, no-cache');
    headers.set('vary', 'Cookie, Accept-Language');
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  } else if (!headers.has('cache-control')) {
    return response;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  headers.set('etag', etag);
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    headers.delete('content-length');
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: response.status, headers });
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) {
    appContext().log.error(
      { err: error, requestId: event.locals.requestId, path: event.url.pathname },
      'request failed'
    );
  }
  const m = messagesFor(event.locals.locale ?? 'en');
  return { message: status === 404 ? m.notFoundTitle : message && status < 500 ? message : m.errorTitle };
};
