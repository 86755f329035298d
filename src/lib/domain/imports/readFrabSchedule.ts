/**
 * Reading a plain frab/pretalx schedule before anything is built: the zone,
 * the rooms, each event's start and end as instants, the edition's dates,
 * and every problem with them, each naming the event as the organiser's own
 * tool shows it. Times are read as the file means them: `date` with its
 * offset when present, else the day's date and `start` in the conference's
 * zone (frab days may run past midnight).
 */
import { instantFromWallTime, isKnownZone } from '../time.js';
import type { FrabInput, FrabInputEvent, FrabInputPerson } from './frabInput.js';
import {
  datePart,
  isCalendarDate,
  maxDurationMinutes,
  parseDateTime,
  parseDuration,
  parseTimeOfDay
} from './frabTimes.js';
import { importLimits } from './importLimits.js';
import { formatCount, formatPath, importError, quoted, type ImportError } from './importResult.js';
import { localeTagPattern } from './madangExtension.js';
import { dayLabel, eventLabel, personLabel } from './recordLabels.js';

const conferencePath = ['schedule', 'conference'] as const;

/** One event with its times read and its place in the file. */
export interface ReadEvent {
  readonly event: FrabInputEvent;
  readonly dayIndex: number;
  readonly roomOrder: number;
  readonly fileOrder: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** The event's own language, null when the file does not say. */
  readonly lang: string | null;
}

export type FrabReading =
  | {
      readonly ok: true;
      readonly zone: string;
      /** Room names in the file's order. */
      readonly rooms: readonly string[];
      readonly events: readonly ReadEvent[];
      readonly dates: { readonly startsOn: string; readonly endsOn: string };
    }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

/** `fallbackZone` is used when the file names no zone. */
export function readFrabSchedule(input: FrabInput, fallbackZone: string | null): FrabReading {
  const { conference } = input.schedule;

  const zone = conference.time_zone_name || fallbackZone;
  if (!zone) {
    return refused([
      importError(
        'import.unknown_zone',
        formatPath([...conferencePath, 'time_zone_name']),
        'The schedule does not say which time zone its times are in (conference.time_zone_name). Add it to the file, or choose the zone when importing.'
      )
    ]);
  }
  if (!isKnownZone(zone)) {
    return refused([
      importError(
        'import.unknown_zone',
        formatPath([...conferencePath, 'time_zone_name']),
        `The schedule's time zone ${quoted(zone)} is not an IANA time zone such as Europe/Berlin or Asia/Seoul. Correct conference.time_zone_name and import again.`
      )
    ]);
  }

  const eventCount = conference.days.reduce(
    (sum, day) => sum + Object.values(day.rooms).reduce((n, events) => n + events.length, 0),
    0
  );
  if (eventCount > importLimits.maxEvents) {
    return refused([
      importError(
        'import.too_large',
        formatPath([...conferencePath, 'days']),
        `The schedule has ${formatCount(eventCount)} events; Madang imports at most ${formatCount(importLimits.maxEvents)} in one edition. Split the programme into smaller files.`
      )
    ]);
  }

  const errors: ImportError[] = [];
  const rooms = roomNamesOf(input, errors);
  const events = readEvents(input, zone, rooms, errors);
  const dates = editionDates(input, errors);
  if (errors.length > 0 || !dates) return refused(errors);
  return { ok: true, zone, rooms, events, dates };
}

function refused(errors: readonly ImportError[]): FrabReading {
  return { ok: false, errors };
}

/** Rooms in the file's order: `conference.rooms` when given (pretalx), else the rooms the days use (older frab). */
function roomNamesOf(input: FrabInput, errors: ImportError[]): string[] {
  const { conference } = input.schedule;
  const names: string[] = [];
  if (conference.rooms && conference.rooms.length > 0) {
    const guids = new Map<string, number>();
    conference.rooms.forEach((room, index) => {
      const path = formatPath([...conferencePath, 'rooms', index]);
      if (names.includes(room.name)) {
        errors.push(
          importError(
            'import.duplicate_id',
            `${path}.name`,
            `Room ${quoted(room.name)} is listed twice in conference.rooms; room names must be unique.`
          )
        );
      } else {
        names.push(room.name);
      }
      const guid = room.guid?.toLowerCase();
      if (guid) {
        const first = guids.get(guid);
        if (first !== undefined) {
          errors.push(
            importError(
              'import.duplicate_id',
              `${path}.guid`,
              `Room ${quoted(room.name)} has the same guid as room ${first + 1}; each room needs its own guid.`
            )
          );
        } else {
          guids.set(guid, index);
        }
      }
    });
    return names;
  }
  for (const day of conference.days) {
    for (const name of Object.keys(day.rooms)) if (!names.includes(name)) names.push(name);
  }
  return names;
}

function readEvents(input: FrabInput, zone: string, rooms: readonly string[], errors: ImportError[]): ReadEvent[] {
  const read: ReadEvent[] = [];
  const guids = new Map<string, string>();
  const ids = new Map<string, string>();
  input.schedule.conference.days.forEach((day, dayIndex) => {
    const dayPath = [...conferencePath, 'days', dayIndex] as const;
    const dayDate = isCalendarDate(day.date) ? day.date : null;
    if (!dayDate) {
      errors.push(
        importError(
          'import.bad_date',
          formatPath([...dayPath, 'date']),
          `${dayLabel(day, dayIndex)} has the date ${quoted(day.date)}, which is not a calendar date like 2024-03-30.`
        )
      );
    }
    let dayStart: Date | null = null;
    if (day.day_start) {
      dayStart = parseDateTime(day.day_start, zone);
      if (!dayStart) {
        errors.push(
          importError(
            'import.bad_time',
            formatPath([...dayPath, 'day_start']),
            `${dayLabel(day, dayIndex)} starts at ${quoted(day.day_start)}, which is not a date and time like 2024-03-30T09:00:00+01:00.`
          )
        );
      }
    }
    for (const [room, roomEvents] of Object.entries(day.rooms)) {
      roomEvents.forEach((event, index) => {
        const path = [...dayPath, 'rooms', room, index];
        const label = eventLabel(event, { day: dayIndex, room, index });
        const before = errors.length;
        checkIdentity(event, label, path, guids, ids, errors);
        if (!rooms.includes(event.room)) {
          errors.push(
            importError(
              'import.unknown_room',
              formatPath([...path, 'room']),
              `${label} is in room ${quoted(event.room)}, which the schedule does not list in conference.rooms. Add the room, or move the event to a listed one.`
            )
          );
        }
        checkPersons(event, label, path, errors);
        const startsAt = startOf(event, label, path, { date: dayDate, start: dayStart }, zone, errors);
        const minutes = durationOf(event, label, path, errors);
        if (errors.length > before || !startsAt || minutes === null) return;
        read.push({
          event,
          dayIndex,
          roomOrder: rooms.indexOf(event.room),
          fileOrder: read.length,
          startsAt,
          endsAt: new Date(startsAt.getTime() + minutes * 60_000),
          lang: localeOf(event.language)
        });
      });
    }
  });
  return read;
}

function checkIdentity(
  event: FrabInputEvent,
  label: string,
  path: readonly PropertyKey[],
  guids: Map<string, string>,
  ids: Map<string, string>,
  errors: ImportError[]
): void {
  const repeated = (field: 'guid' | 'id', value: string, seen: Map<string, string>) => {
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, label);
      return;
    }
    errors.push(
      importError(
        'import.duplicate_id',
        formatPath([...path, field]),
        `${label} has the same ${field} as ${first} (${quoted(value)}); each event needs its own ${field}.`
      )
    );
  };
  if (event.guid) repeated('guid', event.guid.toLowerCase(), guids);
  if (event.id !== null && event.id !== undefined && event.id !== '') repeated('id', String(event.id), ids);
}

function checkPersons(event: FrabInputEvent, label: string, path: readonly PropertyKey[], errors: ImportError[]): void {
  (event.persons ?? []).forEach((person, index) => {
    if (personName(person) === '') {
      errors.push(
        importError(
          'import.not_frab',
          formatPath([...path, 'persons', index]),
          `${label}: ${personLabel(person, index)} has no name (neither "public_name" nor "name").`
        )
      );
    }
  });
}

/** The instant the event starts; null (with an error) when the file does not say it readably. */
function startOf(
  event: FrabInputEvent,
  label: string,
  path: readonly PropertyKey[],
  day: { date: string | null; start: Date | null },
  zone: string,
  errors: ImportError[]
): Date | null {
  const start = event.start ? parseTimeOfDay(event.start) : null;
  if (event.start && !start) {
    errors.push(
      importError(
        'import.bad_time',
        formatPath([...path, 'start']),
        `${label} starts at ${shown(event.start)}, which is not a time of day (00:00 to 23:59).`
      )
    );
    return null;
  }
  if (event.date) {
    const instant = parseDateTime(event.date, zone);
    if (!instant) {
      errors.push(
        importError(
          'import.bad_time',
          formatPath([...path, 'date']),
          `${label} has the date ${shown(event.date)}, which is not a date and time like 2024-03-30T10:00:00+01:00.`
        )
      );
    }
    return instant;
  }
  if (!start) {
    errors.push(
      importError(
        'import.bad_time',
        formatPath([...path, 'start']),
        `${label} has no start time (neither "date" nor "start").`
      )
    );
    return null;
  }
  if (!day.date) return null; // the day's own error says why
  const instant = instantFromWallTime(day.date, start, zone);
  // frab days run past midnight: an event at 01:00 listed under a day that
  // starts at 10:00 happens early the next morning.
  return day.start && instant < day.start ? instantFromWallTime(nextDate(day.date), start, zone) : instant;
}

function durationOf(
  event: FrabInputEvent,
  label: string,
  path: readonly PropertyKey[],
  errors: ImportError[]
): number | null {
  const minutes = parseDuration(event.duration);
  const problem =
    minutes === null
      ? event.duration.trim().startsWith('-')
        ? `has a negative duration (${shown(event.duration)}); a duration is hours and minutes like 01:30`
        : `lasts ${shown(event.duration)}, which is not a duration in hours and minutes like 01:30`
      : minutes === 0
        ? 'lasts 00:00; a session must last at least a minute'
        : minutes > maxDurationMinutes
          ? `lasts ${shown(event.duration)}, more than a week; check the duration`
          : null;
  if (problem === null) return minutes;
  errors.push(importError('import.bad_duration', formatPath([...path, 'duration']), `${label} ${problem}.`));
  return null;
}

/** The edition's first and last date: the conference's, widened to cover every day. */
function editionDates(input: FrabInput, errors: ImportError[]): { startsOn: string; endsOn: string } | null {
  const { conference } = input.schedule;
  const read = (field: 'start' | 'end'): string | null => {
    const value = conference[field];
    if (!value) return null;
    const date = datePart(value);
    if (!date) {
      errors.push(
        importError(
          'import.bad_date',
          formatPath([...conferencePath, field]),
          `The conference ${field} ${quoted(value)} is not a date like 2024-03-30.`
        )
      );
    }
    return date;
  };
  const dayDates = conference.days
    .map((d) => d.date)
    .filter(isCalendarDate)
    .sort();
  const candidatesStart = [read('start'), dayDates[0]].filter((d): d is string => !!d).sort();
  const candidatesEnd = [read('end'), dayDates[dayDates.length - 1]].filter((d): d is string => !!d).sort();
  const startsOn = candidatesStart[0];
  const endsOn = candidatesEnd[candidatesEnd.length - 1] ?? startsOn;
  if (!startsOn || !endsOn) {
    errors.push(
      importError(
        'import.bad_date',
        formatPath([...conferencePath, 'start']),
        'The schedule has no days and no start date (conference.start), so Madang cannot tell when the edition takes place.'
      )
    );
    return null;
  }
  if (endsOn < startsOn) {
    errors.push(
      importError(
        'import.bad_date',
        formatPath([...conferencePath, 'end']),
        `The conference ends on ${endsOn}, before it starts on ${startsOn}.`
      )
    );
    return null;
  }
  return { startsOn, endsOn };
}

/** The name a person goes by: `public_name`, else `name`; '' when neither has one. */
export function personName(person: FrabInputPerson): string {
  return (person.public_name?.trim() || person.name?.trim()) ?? '';
}

/** A canonical BCP 47 tag, or null for an empty or malformed one (then the default applies). */
function localeOf(language: string | null | undefined): string | null {
  if (!language || language.trim() === '') return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(language.trim());
    return canonical && localeTagPattern.test(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A short time value as written; anything longer or odd, quoted. */
function shown(value: string): string {
  return /^[\d:+\-TZ.]{1,25}$/.test(value) ? value : quoted(value);
}
