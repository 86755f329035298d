/**
 * Dates and times for reading, in the reader's language, with `Intl`. Pure
 * functions so pages and tests share them.
 */
import { localDateIn } from '../domain/time.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** "16:00" — 24-hour clock in every locale, which reads unambiguously across languages. */
export function formatTime(instant: Date, zone: string, locale: string): string {
  return formatter(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** "Tuesday 22 September 2020" / "2020년 9월 22일 화요일" for a host-local `YYYY-MM-DD`. */
export function formatLocalDate(date: string, locale: string): string {
  // Noon UTC on that date reads as the same calendar date in UTC.
  const instant = new Date(`${date}T12:00:00Z`);
  return formatter(locale, { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(
    instant
  );
}

/** "Tue 22 Sep" for an instant as seen in `zone`. */
export function formatShortDate(instant: Date, zone: string, locale: string): string {
  return formatter(locale, { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric' }).format(instant);
}

/** "16:00–16:30", adding the date when the start falls on a different day than `referenceDate` in `zone`. */
export function formatTimeRange(
  startsAt: Date,
  endsAt: Date,
  zone: string,
  locale: string,
  referenceDate?: string
): string {
  const range = `${formatTime(startsAt, zone, locale)}–${formatTime(endsAt, zone, locale)}`;
  if (referenceDate && localDateIn(startsAt, zone) !== referenceDate) {
    return `${formatShortDate(startsAt, zone, locale)} ${range}`;
  }
  return range;
}

/** A zone's short name at an instant, e.g. "KST", "GMT+9", "PDT". */
export function zoneAbbreviation(instant: Date, zone: string, locale: string): string {
  const part = formatter(locale === 'ko' ? 'en' : locale, { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** Name of a language code in the reader's language ("Korean", "한국어"). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Name of an ISO 3166 region code in the reader's language. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
