/**
 * The reader's language and time zone: from `?lang=`/`?tz=` (remembered in a
 * cookie), else the cookie, else Accept-Language. Malformed values are
 * ignored, never an error.
 */
import { isKnownZone } from '../../domain/time.js';
import { defaultLocale, isLocale, localeFromAcceptLanguage, type Locale } from '../../i18n/locale.js';

export const LANG_COOKIE = 'lang';
export const ZONE_COOKIE = 'tz';
const YEAR = 60 * 60 * 24 * 365;

export interface CookieJar {
  get(name: string): string | undefined;
  set(
    name: string,
    value: string,
    options: { path: string; maxAge: number; httpOnly: boolean; sameSite: 'lax'; secure: boolean }
  ): void;
}

export interface Preferences {
  readonly locale: Locale;
  readonly viewerZone: string | null;
}

export function readPreferences(url: URL, headers: Headers, cookies: CookieJar): Preferences {
  const secure = url.protocol === 'https:';
  // The zone cookie is also written by the page script that detects the browser's zone.
  const cookieOptions = { path: '/', maxAge: YEAR, httpOnly: false, sameSite: 'lax' as const, secure };

  let locale: Locale | null = null;
  const langParam = url.searchParams.get('lang');
  if (isLocale(langParam)) {
    locale = langParam;
    cookies.set(LANG_COOKIE, langParam, cookieOptions);
  }
  if (!locale) {
    const fromCookie = cookies.get(LANG_COOKIE);
    if (isLocale(fromCookie)) locale = fromCookie;
  }
  locale ??= localeFromAcceptLanguage(headers.get('accept-language')) ?? defaultLocale;

  let viewerZone: string | null = null;
  const tzParam = url.searchParams.get('tz');
  if (tzParam !== null && isKnownZone(tzParam)) {
    viewerZone = tzParam;
    cookies.set(ZONE_COOKIE, tzParam, cookieOptions);
  }
  if (!viewerZone) {
    const fromCookie = cookies.get(ZONE_COOKIE);
    if (fromCookie && isKnownZone(fromCookie)) viewerZone = fromCookie;
  }
  return { locale, viewerZone };
}
