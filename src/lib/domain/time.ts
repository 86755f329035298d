/**
 * Instants and IANA zones with nothing but `Intl`: local wall time in a zone
 * → UTC instant, and the parts of an instant as seen in a zone. DST is handled
 * by asking `Intl` for the zone's offset at the instant itself, never by a
 * fixed offset per zone.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The wall-clock reading of `instant` in `zone`. */
export function wallTimeIn(instant: Date, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0
  };
}

/** Offset of `zone` from UTC at `instant`, in minutes (KST → 540). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const wall = wallTimeIn(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - truncated) / 60_000);
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{2}):(\d{2})$/;

/**
 * The instant at which clocks in `zone` read `date` `time`. In a DST gap the
 * later offset is used (the time a person would most likely mean); in a fold
 * the earlier instant wins.
 */
export function instantFromWallTime(date: string, time: string, zone: string): Date {
  const d = datePattern.exec(date);
  const t = timePattern.exec(time);
  if (!d || !t) throw new RangeError(`not a local date and time: ${date} ${time}`);
  const guess = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // Offsets a day either side cover every transition a zone has ever made;
  // each gives one candidate instant, kept when clocks really read that time.
  const day = 86_400_000;
  const candidates = [guess - day, guess, guess + day].map(
    (probe) => guess - zoneOffsetMinutes(new Date(probe), zone) * 60_000
  );
  const real = candidates.filter((instant) => {
    const wall = wallTimeIn(new Date(instant), zone);
    return wall.hour === Number(t[1]) && wall.minute === Number(t[2]);
  });
  return new Date(real.length > 0 ? Math.min(...real) : Math.max(...candidates));
}

/** `YYYY-MM-DD` of `instant` in `zone`. */
export function localDateIn(instant: Date, zone: string): string {
  const w = wallTimeIn(instant, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `HH:MM` of `instant` in `zone`. */
export function localTimeIn(instant: Date, zone: string): string {
  const w = wallTimeIn(instant, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** ISO 8601 with the zone's offset at that instant, e.g. `2020-09-22T16:00:00+09:00`. */
export function isoWithOffset(instant: Date, zone: string): string {
  const w = wallTimeIn(instant, zone);
  const offset = zoneOffsetMinutes(instant, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** Minutes between two instants, rounded down. */
export function minutesBetween(start: Date, end: Date): number {
  return Math.floor((end.getTime() - start.getTime()) / 60_000);
}

/** `HH:MM` for a number of minutes (durations in the frab format). */
export function formatDuration(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

let knownZones: ReadonlySet<string> | null = null;

/** True when `zone` is an IANA zone this runtime knows. Never throws. */
export function isKnownZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  knownZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (knownZones.has(zone)) return true;
  // Aliases (e.g. `UTC`, `Asia/Calcutta`) are valid but not listed.
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every canonical IANA zone, sorted, for the zone picker. */
export function allZones(): readonly string[] {
  return Intl.supportedValuesOf('timeZone');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
