/**
 * What every console route shares, so each page stays a few lines: the
 * session cookie, the signed-in check, the CSRF check of every form, and
 * turning an access error into a status and a message in the reader's
 * language. SvelteKit runs form actions before any `load`, so a layout
 * guard alone would not protect them: every action calls
 * `requireAccount` and `readConsoleForm` itself.
 */
import { error, fail, redirect, type ActionFailure, type Cookies } from '@sveltejs/kit';
import { isAccessError, isInvalidInput, type AccessErrorCode } from '../../domain/access/accessError.js';
import type { Locale } from '../../i18n/locale.js';
import { messagesFor } from '../../i18n/messages.js';
import { appContext } from '../context.js';
import { refuse, statusOf } from './outcomes.js';
import {
  sessionAbsoluteMs,
  sessionCookieName,
  type SignedInAccount,
  type StartedSession
} from '../services/accountSessions.js';
import { randomToken } from '../auth/signer.js';

/** Binds the forms of someone not signed in (sign-in, setup, invitation, reset) to their browser. */
export const visitorCookieName = 'madang_visitor';

/** The parts of a SvelteKit request event the console needs. */
export interface ConsoleEvent {
  readonly url: URL;
  readonly request: Request;
  readonly cookies: Cookies;
  readonly locals: App.Locals;
}

export function isConsolePath(pathname: string): boolean {
  return pathname === '/console' || pathname.startsWith('/console/');
}

/** Sets `locals.account` and `locals.session` from the session cookie (every request). */
export async function readSession(event: ConsoleEvent): Promise<void> {
  event.locals.account = null;
  event.locals.session = null;
  const token = event.cookies.get(sessionCookieName);
  if (!token) return;
  const session = await appContext().access.auth.sessionFor(token);
  if (!session) {
    event.cookies.delete(sessionCookieName, { path: '/' });
    return;
  }
  event.locals.account = session.account;
  event.locals.session = { id: session.id, expiresAt: session.expiresAt };
}

/** Console pages are personal: never stored by any cache, never framed by another site. */
export function consoleResponse(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('cache-control', 'no-store');
  headers.set('vary', 'Cookie');
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'same-origin');
  headers.set('x-frame-options', 'DENY');
  headers.set('content-security-policy', "frame-ancestors 'none'");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function signInPath(url: URL): string {
  return `/console/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`;
}

/** The signed-in account; anyone else is sent to sign in and comes back afterwards. */
export function requireAccount(event: ConsoleEvent): SignedInAccount {
  if (!event.locals.account) redirect(303, signInPath(event.url));
  return event.locals.account;
}

export function forbidden(locale: Locale): never {
  refuse(locale, 'auth.forbidden');
}

/** The hidden `csrf` value for this browser's forms. */
export function csrfToken(event: ConsoleEvent): string {
  const { signer } = appContext().access;
  return signer.csrfToken(csrfBinding(event, true) ?? '');
}

/** The posted form, once its CSRF token proves it came from this site for this browser; else a 403 page. */
export async function readConsoleForm(event: ConsoleEvent): Promise<FormData> {
  let form: FormData;
  try {
    form = await event.request.formData();
  } catch {
    form = new FormData();
  }
  return verifyConsoleForm(event, form);
}

/** A form read by the caller (an upload that must tell a too-large body apart), once its CSRF token checks out; else a 403 page. */
export function verifyConsoleForm(event: ConsoleEvent, form: FormData): FormData {
  const binding = csrfBinding(event, false);
  if (binding === null || !appContext().access.signer.verifyCsrf(binding, form.get('csrf'))) {
    refuse(event.locals.locale, 'auth.csrf');
  }
  return form;
}

function csrfBinding(event: ConsoleEvent, create: boolean): string | null {
  if (event.locals.session) return `session:${event.locals.session.id}`;
  let visitor = event.cookies.get(visitorCookieName);
  if (!visitor || visitor.length > 64) {
    if (!create) return null;
    visitor = randomToken();
    event.cookies.set(visitorCookieName, visitor, {
      path: '/console',
      httpOnly: true,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:'
    });
  }
  return `visitor:${visitor}`;
}

export function setSessionCookie(event: ConsoleEvent, session: StartedSession): void {
  event.cookies.set(sessionCookieName, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: event.url.protocol === 'https:',
    maxAge: Math.floor(sessionAbsoluteMs / 1000)
  });
}

export function clearSessionCookie(event: ConsoleEvent): void {
  event.cookies.delete(sessionCookieName, { path: '/' });
}

export function sessionToken(event: ConsoleEvent): string | null {
  return event.cookies.get(sessionCookieName) ?? null;
}

/** What a failed console form hands back to its page. */
export interface FormProblem {
  readonly values: Record<string, string>;
  /** Field name → message in the reader's language. */
  readonly errors: Record<string, string>;
  /** A problem with the form as a whole. */
  readonly message: string | null;
}

/** Refusals the form cannot fix (no permission, a forged form, a dead link) get the error page. */
const pageRefusal = /^(auth\.forbidden|auth\.csrf|setup\..+|invitation\.(invalid|expired|used)|password_reset\..+)$/;

/**
 * Turns a refusal into the form's answer: field problems beside their
 * fields (400), anything else as one message with its status.
 */
export function formFailure(
  event: ConsoleEvent,
  refusal: unknown,
  values: Record<string, string> = {}
): ActionFailure<FormProblem> {
  if (!isAccessError(refusal)) throw refusal;
  const m = messagesFor(event.locals.locale).console;
  if (pageRefusal.test(refusal.code)) {
    error(statusOf(refusal.code), { message: m.errors[refusal.code], code: refusal.code });
  }
  if (isInvalidInput(refusal)) {
    const errors = Object.fromEntries(Object.entries(refusal.fields).map(([name, code]) => [name, m.errors[code]]));
    return fail(400, { values, errors, message: null });
  }
  let message: string = m.errors[refusal.code];
  if (refusal.retryAt)
    message += ` ${m.retryAt(formatInstant(refusal.retryAt, event.locals.locale, event.locals.viewerZone, 'time'))}`;
  return fail(statusOf(refusal.code), { values, errors: {}, message });
}

/** For pages opened from a link: a refusal becomes the error page with its status and message. */
export function refusalPage(locale: Locale, refusal: unknown): never {
  if (!isAccessError(refusal)) throw refusal;
  const code: AccessErrorCode = refusal.code;
  refuse(locale, code, messagesFor(locale).console.errors[code]);
}

/** An instant for reading, in the reader's zone (UTC when they chose none), with the zone named. */
export function formatInstant(instant: Date, locale: Locale, zone: string | null, style: 'time' | 'date-time'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'time'
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }
      : { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' };
  const text = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone ?? 'UTC' }).format(instant);
  return style === 'time' || zone ? text : `${text} (UTC)`;
}
