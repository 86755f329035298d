/**
 * What the OpenID Connect sign-in routes share: the service or a 404 when
 * the site has none, the flow cookie's flags, and turning a refusal into the
 * sign-in page with a status and a sentence in the reader's language while
 * the log gets the detail and the request id.
 */
import { error } from '@sveltejs/kit';
import { isOidcError, type OidcErrorCode } from '../../domain/access/oidcError.js';
import type { Locale } from '../../i18n/locale.js';
import { messagesFor } from '../../i18n/messages.js';
import { appContext } from '../context.js';
import type { ConsoleEvent } from './consoleRoute.js';
import { statusOf } from './outcomes.js';
import { flowCookieName, flowCookiePath, flowLifetimeMs, type OidcSignIn } from '../services/oidcSignIn.js';

/** The configured sign-in, or the 404 sign-in page when the site has none. */
export function requireOidc(locale: Locale): OidcSignIn {
  const oidc = appContext().access.oidc;
  if (!oidc) refuse(locale, 'oidc.not_configured', '');
  return oidc;
}

export function setFlowCookie(event: ConsoleEvent, value: string): void {
  event.cookies.set(flowCookieName, value, {
    path: flowCookiePath,
    httpOnly: true,
    // Lax: the issuer sends the browser back with a top-level GET, which carries it.
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
    maxAge: Math.floor(flowLifetimeMs / 1000)
  });
}

/** Reads the flow cookie and removes it: each attempt is checked once. */
export function takeFlowCookie(event: ConsoleEvent): string | null {
  const value = event.cookies.get(flowCookieName) ?? null;
  if (value !== null) event.cookies.delete(flowCookieName, { path: flowCookiePath });
  return value;
}

/** A refusal ends on the sign-in page (`sign-in/oidc/+error.svelte`); anything else is a real fault and goes on up. */
export function oidcFailure(event: ConsoleEvent, refusal: unknown, name: string): never {
  if (!isOidcError(refusal)) throw refusal;
  appContext().log.warn(
    { code: refusal.code, detail: refusal.detail, requestId: event.locals.requestId, path: event.url.pathname },
    'OpenID Connect sign-in refused'
  );
  refuse(event.locals.locale, refusal.code, name);
}

function refuse(locale: Locale, code: OidcErrorCode, name: string): never {
  error(statusOf(code), { message: messagesFor(locale).consoleOidc.errors[code](name), code });
}
