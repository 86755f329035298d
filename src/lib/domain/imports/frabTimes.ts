/**
 * Reading the date and time strings of schedule files strictly: a calendar
 * date, a time of day, a frab duration, a date and time with or without an
 * offset, a UTC instant. Each returns null for anything else, so the caller
 * can say which event had the bad value; nothing here throws.
 */
import { instantFromWallTime } from '../time.js';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real `YYYY-MM-DD` date (no 31 June, 29 February only in leap
 * years) from 1900 to 2999: older years mean a typo, and `Date.UTC` reads
 * years below 100 as 19xx.
 */
export function isCalendarDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of a date or the date part of a date and time, else null. */
export function datePart(value: string): string | null {
  const candidate = value.slice(0, 10);
  if (!isCalendarDate(candidate)) return null;
  return value.length === 10 || value[10] === 'T' ? candidate : null;
}

/** `HH:MM` for a frab start (`9:00`, `09:00` or `09:00:00`), null when it is not a time of day. */
export function parseTimeOfDay(value: string): string | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** The longest session an import accepts; longer is almost surely a typo. */
export const maxDurationMinutes = 7 * 24 * 60;

/**
 * Minutes of a frab duration (`01:30`, `1:30`, `00:45:00`), null when it is
 * malformed or negative. Zero is returned as zero; the caller decides.
 */
export function parseDuration(value: string): number | null {
  const match = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (minutes > 59 || seconds > 59) return null;
  return hours * 60 + minutes + Math.floor(seconds / 60);
}

const dateTimePattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The instant of an ISO 8601 date and time. With an offset (`+01:00`, `Z`)
 * the offset decides; without one the wall time is read in `zone`, which is
 * how some frab exporters write `date`.
 */
export function parseDateTime(value: string, zone: string): Date | null {
  const match = dateTimePattern.exec(value);
  if (!match) return null;
  const [, date, hh, mm, ss, fraction, offset] = match;
  if (!date || !isCalendarDate(date)) return null;
  const [hour, minute, second] = [Number(hh), Number(mm), Number(ss ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  if (offset === undefined) {
    const wall = instantFromWallTime(date, `${hh}:${mm}`, zone);
    return new Date(wall.getTime() + second * 1000 + millis);
  }
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const digits = offset.replace(':', '');
    const [oh, om] = [Number(digits.slice(1, 3)), Number(digits.slice(3, 5))];
    if (oh > 18 || om > 59) return null;
    offsetMinutes = (digits[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return new Date(utc);
}

/** The instant of `2020-09-22T07:00:00.000Z` exactly as `Date#toISOString` writes it, else null. */
export function parseUtcInstant(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return null;
  const instant = new Date(value);
  // Date accepts 30 February and rolls it over; the round trip refuses it.
  return Number.isNaN(instant.getTime()) || instant.toISOString() !== value ? null : instant;
}
