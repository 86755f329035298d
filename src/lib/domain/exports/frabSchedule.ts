/**
 * The programme in the frab schedule format (the JSON flavour that frab,
 * pretalx and c3voc tools exchange, read by conference apps such as
 * EventFahrplan and Giggity). `frab-schedule.schema.json` beside this file is
 * the c3voc schema it is checked against; `frabXml.ts` writes the same data
 * as XML.
 */
import type { LocalizedText } from '../localizedText.js';
import type { Day, Programme, ProgrammeItem, SessionKind } from '../programme.js';
import {
  formatDuration,
  instantFromWallTime,
  isoWithOffset,
  localDateIn,
  localTimeIn,
  minutesBetween
} from '../time.js';
import {
  editionUrl,
  localText,
  publishedSessions,
  type ExportOptions,
  type PublishedSession
} from './publishedSessions.js';
import { sha1, toHex } from './sha1.js';
import { stableIntegerIds, uuidV5 } from './uuidV5.js';

export interface FrabPerson {
  readonly id: number;
  readonly guid: string;
  readonly name: string;
  /** frab's name for `name`, still what most apps read. */
  readonly public_name: string;
  readonly biography: string;
}

export interface FrabLink {
  readonly url: string;
  readonly title: string;
}

export interface FrabEvent {
  readonly id: number;
  readonly guid: string;
  readonly logo: string;
  /** Start, ISO 8601 with the host zone's offset. */
  readonly date: string;
  /** `HH:MM` in the host zone. */
  readonly start: string;
  readonly duration: string;
  readonly room: string;
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly subtitle: string;
  readonly track: string;
  readonly type: string;
  readonly language: string;
  readonly abstract: string;
  readonly description: string;
  readonly recording_license: string;
  readonly do_not_record: boolean;
  readonly persons: readonly FrabPerson[];
  readonly links: readonly FrabLink[];
  readonly attachments: readonly FrabLink[];
  readonly answers: readonly never[];
}

export interface FrabRoom {
  readonly name: string;
  readonly guid: string;
}

export interface FrabDay {
  /** 1-based. */
  readonly index: number;
  readonly date: string;
  readonly day_start: string;
  readonly day_end: string;
  /** Events by room name, every room of the conference in `rooms` order. */
  readonly rooms: Readonly<Record<string, readonly FrabEvent[]>>;
}

export interface FrabConference {
  readonly acronym: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly daysCount: number;
  readonly timeslot_duration: string;
  readonly time_zone_name: string;
  readonly url: string;
  readonly rooms: readonly FrabRoom[];
  readonly days: readonly FrabDay[];
}

export interface FrabSchedule {
  readonly schedule: {
    /** Changes whenever anything in the conference does, so apps notice updates. */
    readonly version: string;
    readonly base_url: string;
    readonly conference: FrabConference;
  };
}

/**
 * The schedule format's own event types (c3voc lists talk, workshop,
 * hands-on, meeting, discussion, game, other); the session kind itself goes
 * in `track`, where apps let people filter.
 */
const eventTypes: Record<SessionKind, string> = {
  keynote: 'talk',
  conference_session: 'discussion',
  seminar_part: 'workshop',
  talk_concert: 'other',
  break: 'other'
};

/** Apps draw their grid in these steps; sessions are authored to 5 minutes. */
const timeslotDuration = '00:05';

export function programmeToFrabJson(programme: Programme, options: ExportOptions): FrabSchedule {
  const { edition } = programme;
  const zone = edition.hostZone;
  const text = localText(programme, options);
  const sessions = publishedSessions(programme, options);
  const context: EventContext = {
    programme,
    text,
    rooms: roomsOf(programme, sessions, options),
    eventIds: stableIntegerIds(sessions.map((s) => s.session.id).map(idKey(edition.slug))),
    personIds: stableIntegerIds(programme.speakers.map((s) => s.id).map(idKey(edition.slug)))
  };

  const days = scheduleDays(programme).map((day, index): FrabDay => {
    const onDay = sessions.filter((s) => dayIdOf(programme, s) === day.id);
    const first = onDay[0]?.session.startsAt;
    const last = onDay.reduce<Date | undefined>(
      (latest, s) => (!latest || s.session.endsAt > latest ? s.session.endsAt : latest),
      undefined
    );
    return {
      index: index + 1,
      date: day.date,
      day_start: isoWithOffset(first ?? instantFromWallTime(day.date, '00:00', zone), zone),
      day_end: isoWithOffset(last ?? instantFromWallTime(day.date, '23:59', zone), zone),
      rooms: Object.fromEntries(
        context.rooms.list.map((room) => [
          room.name,
          onDay.filter((s) => context.rooms.nameOf(s) === room.name).map((s) => eventOf(s, context))
        ])
      )
    };
  });

  const conference: FrabConference = {
    acronym: slugPart(edition.slug),
    title: text(edition.title),
    start: edition.startsOn,
    end: edition.endsOn,
    daysCount: days.length,
    timeslot_duration: timeslotDuration,
    time_zone_name: zone,
    url: editionUrl(options.baseUrl, edition),
    rooms: context.rooms.list,
    days
  };
  return {
    schedule: {
      version: `${edition.version}-${toHex(sha1(JSON.stringify(conference))).slice(0, 8)}`,
      base_url: `${editionUrl(options.baseUrl, edition)}/`,
      conference
    }
  };
}

interface EventContext {
  readonly programme: Programme;
  readonly text: (value: LocalizedText) => string;
  readonly rooms: Rooms;
  readonly eventIds: ReadonlyMap<string, number>;
  readonly personIds: ReadonlyMap<string, number>;
}

function eventOf(published: PublishedSession, context: EventContext): FrabEvent {
  const { session } = published;
  const { edition } = context.programme;
  const { text } = context;
  const zone = edition.hostZone;
  const key = idKey(edition.slug);
  const id = context.eventIds.get(key(session.id)) ?? 1;
  const itemLine = (item: ProgrammeItem): string => {
    const names = published.speakers.filter((s) => item.speakerIds.includes(s.id)).map((s) => text(s.name));
    const time = item.startsAt ? `${localTimeIn(item.startsAt, zone)} ` : '';
    return `${time}${text(item.title)}${names.length > 0 ? ` — ${names.join(', ')}` : ''}`;
  };
  return {
    id,
    guid: uuidV5(`urn:madang:${edition.slug}:session:${session.id}`),
    logo: '',
    date: isoWithOffset(session.startsAt, zone),
    start: localTimeIn(session.startsAt, zone),
    duration: formatDuration(Math.max(0, minutesBetween(session.startsAt, session.endsAt))),
    room: context.rooms.nameOf(published),
    // The id keeps slugs unique even when two session ids slugify alike.
    slug: `${slugPart(edition.slug)}-${id}-${slugPart(session.id)}`,
    url: published.url,
    title: published.title,
    subtitle: '',
    track: session.kind,
    type: eventTypes[session.kind],
    language: published.lang,
    abstract: published.summary,
    description: published.items.map(itemLine).join('\n'),
    recording_license: '',
    do_not_record: false,
    persons: published.speakers.map((speaker) => ({
      id: context.personIds.get(key(speaker.id)) ?? 1,
      guid: uuidV5(`urn:madang:${edition.slug}:speaker:${speaker.id}`),
      name: text(speaker.name),
      public_name: text(speaker.name),
      biography: text(speaker.bio)
    })),
    links: published.channels.map((channel) => ({ url: channel.url, title: text(channel.name) })),
    attachments: [],
    answers: []
  };
}

/** Ids hash the edition too, so two editions merged in one app do not collide. */
function idKey(editionSlug: string): (id: string) => string {
  return (id) => `${editionSlug}/${id}`;
}

interface Rooms {
  readonly list: readonly FrabRoom[];
  nameOf(session: PublishedSession): string;
}

/**
 * Rooms are the stages that have published sessions, in programme order.
 * Sessions without a stage share one room named after the edition. Names
 * are made unique because the format keys rooms by name.
 */
function roomsOf(programme: Programme, sessions: readonly PublishedSession[], options: ExportOptions): Rooms {
  const { edition } = programme;
  const text = localText(programme, options);
  const stageIds = new Set(sessions.map((s) => s.stage?.id ?? null));
  const wanted: { key: string | null; label: string; guidName: string }[] = [
    ...programme.stages
      .filter((stage) => stageIds.has(stage.id))
      .map((stage) => ({
        key: stage.id,
        label: text(stage.name),
        guidName: `urn:madang:${edition.slug}:stage:${stage.id}`
      })),
    ...(stageIds.has(null)
      ? [{ key: null, label: text(edition.title), guidName: `urn:madang:${edition.slug}:edition-room` }]
      : [])
  ];
  const names = new Map<string | null, string>();
  const used = new Set<string>();
  const list = wanted.map(({ key, label, guidName }) => {
    const base = label === '' ? (key ?? edition.slug) : label;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    names.set(key, name);
    return { name, guid: uuidV5(guidName) };
  });
  return { list, nameOf: (session) => names.get(session.stage?.id ?? null) ?? '' };
}

/**
 * The edition's days; an edition with none yet gets one per date from its
 * start to its end, because the XML form requires at least one day and apps
 * show the dates either way.
 */
function scheduleDays(programme: Programme): readonly Pick<Day, 'id' | 'date'>[] {
  if (programme.days.length > 0) {
    return [...programme.days].sort(
      (a, b) => a.position - b.position || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
    );
  }
  const days: Pick<Day, 'id' | 'date'>[] = [];
  const end = Date.parse(`${programme.edition.endsOn}T00:00:00Z`);
  let current = Date.parse(`${programme.edition.startsOn}T00:00:00Z`);
  // The cap keeps a mistyped end date from producing a decade of days.
  while (current <= end && days.length < 366) {
    const date = new Date(current).toISOString().slice(0, 10);
    days.push({ id: `date:${date}`, date });
    current += 86_400_000;
  }
  return days;
}

/**
 * The day a session belongs to: its own day, else the day with its host-zone
 * date, which is also how sessions find the dates of an edition without days.
 */
function dayIdOf(programme: Programme, published: PublishedSession): string {
  const { session } = published;
  if (programme.days.some((d) => d.id === session.dayId)) return session.dayId;
  const date = localDateIn(session.startsAt, programme.edition.hostZone);
  return programme.days.find((d) => d.date === date)?.id ?? `date:${date}`;
}

/** Lower-case letters, digits, `_` and `-`, the alphabet the format allows in slugs. */
function slugPart(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}
