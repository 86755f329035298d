/**
 * A plain frab/pretalx schedule into a programme: days from the days, one
 * stage per room, one session per event (kind guessed from its track and
 * type), speakers from the persons, each speaker once. Texts go under the
 * event's `language`, else the default locale, because a frab file holds
 * one language. Ids are slugs of the names after the target's prefix,
 * handed out in a fixed order, so the same file always gives the same ids.
 *
 * What frab cannot say stays empty: day titles, cities, channels, speakers'
 * roles and presence (`remote`, the usual case for an online forum). The
 * organisation and series are placeholders built from the target; the
 * console keeps its own.
 */
import type { LocalizedText } from '../localizedText.js';
import {
  sessionKinds,
  type Day,
  type Programme,
  type ProgrammeItem,
  type Session,
  type SessionKind,
  type Speaker,
  type Stage
} from '../programme.js';
import type { FrabInput, FrabInputEvent, FrabInputPerson } from './frabInput.js';
import { failed, type ImportResult } from './importResult.js';
import type { ResolvedTarget } from './importTarget.js';
import { personName, readFrabSchedule, type ReadEvent } from './readFrabSchedule.js';
import { idAllocator, prefixedId } from './recordIds.js';

export function programmeFromFrab(input: FrabInput, target: ResolvedTarget): ImportResult {
  const reading = readFrabSchedule(input, target.zone);
  if (!reading.ok) return failed(reading.errors);
  const { zone, rooms, events, dates } = reading;
  return { ok: true, programme: buildProgramme(input, target, zone, rooms, events, dates), source: 'frab' };
}

function buildProgramme(
  input: FrabInput,
  target: ResolvedTarget,
  zone: string,
  rooms: readonly string[],
  events: readonly ReadEvent[],
  dates: { startsOn: string; endsOn: string }
): Programme {
  const { conference } = input.schedule;
  const prefix = target.idPrefix;
  const editionId = target.editionId;
  const defaultLocale = target.defaultLocale ?? mostCommon(events.flatMap((e) => e.lang ?? [])) ?? 'en';
  const inLocale = (lang: string, text: string | null | undefined): LocalizedText =>
    text && text.trim() !== '' ? { [lang]: text } : {};

  const dayId = idAllocator(prefix);
  const days: Day[] = conference.days.map((day, index) => ({
    id: dayId(`day ${index + 1}`, 'day'),
    editionId,
    date: day.date,
    title: {},
    position: index
  }));

  const stageId = idAllocator(prefix);
  const stages: Stage[] = rooms.map((name) => ({
    id: stageId(`stage ${name}`, 'stage'),
    editionId,
    name: inLocale(defaultLocale, name)
  }));

  // Sorted once so positions, ids and speaker order never depend on how the
  // exporter happened to order its rooms object.
  const ordered = [...events].sort(
    (a, b) =>
      a.dayIndex - b.dayIndex ||
      a.startsAt.getTime() - b.startsAt.getTime() ||
      a.roomOrder - b.roomOrder ||
      a.fileOrder - b.fileOrder
  );

  const speakers = speakersOf(ordered, prefix, editionId, defaultLocale);
  const sessionId = idAllocator(prefix);
  const itemId = idAllocator(prefix);
  const positions = new Map<number, number>();
  const sessions: Session[] = [];
  const items: ProgrammeItem[] = [];
  for (const read of ordered) {
    const { event } = read;
    const lang = read.lang ?? defaultLocale;
    const position = positions.get(read.dayIndex) ?? 0;
    positions.set(read.dayIndex, position + 1);
    const id = sessionId(event.title, event.slug ?? 'session');
    sessions.push({
      id,
      editionId,
      dayId: days[read.dayIndex]?.id ?? '',
      stageId: stages[read.roomOrder]?.id ?? null,
      kind: sessionKindOf(event),
      title: inLocale(lang, event.title),
      summary: inLocale(lang, summaryOf(event)),
      startsAt: read.startsAt,
      endsAt: read.endsAt,
      zone,
      position,
      state: 'published',
      channelIds: [],
      isIllustrative: false,
      version: 1
    });
    const speakerIds = [...new Set((event.persons ?? []).map((p) => speakers.idOf(p)))];
    // Speakers belong to sessions through programme items, so an event with
    // people gets one item naming them all, with no slot of its own.
    if (speakerIds.length > 0) {
      items.push({
        id: itemId(`${id.slice(prefix.length)} item`, 'item'),
        sessionId: id,
        title: inLocale(lang, event.title),
        summary: {},
        startsAt: null,
        endsAt: null,
        position: 0,
        speakerIds,
        isIllustrative: false
      });
    }
  }

  const organisationId = target.organisationId ?? prefixedId(prefix, 'organisation');
  const seriesId = target.seriesId ?? prefixedId(prefix, 'series');
  const otherLocales = [...new Set(events.flatMap((e) => e.lang ?? []))].filter((l) => l !== defaultLocale).sort();
  return {
    organisation: { id: organisationId, slug: organisationId, name: {}, url: null },
    series: { id: seriesId, organisationId, slug: seriesId, name: {} },
    edition: {
      id: editionId,
      seriesId,
      slug: target.slug,
      title: inLocale(defaultLocale, conference.title),
      theme: {},
      summary: inLocale(defaultLocale, conference.description),
      hostZone: zone,
      defaultLocale,
      locales: [defaultLocale, ...otherLocales],
      startsOn: dates.startsOn,
      endsOn: dates.endsOn,
      state: target.state,
      version: 1,
      updatedAt: target.now
    },
    days,
    stages,
    sessions,
    items,
    speakers: speakers.list,
    cities: [],
    channels: []
  };
}

/**
 * Each person once, in order of first appearance, recognised by guid, then
 * pretalx code, then frab id, then name; the languages they present in.
 */
function speakersOf(events: readonly ReadEvent[], prefix: string, editionId: string, locale: string) {
  const byIdentity = new Map<string, { speaker: Speaker; languages: Set<string> }>();
  const allocate = idAllocator(prefix);
  for (const { event, lang } of events) {
    for (const person of event.persons ?? []) {
      const key = identityOf(person);
      let entry = byIdentity.get(key);
      if (!entry) {
        const name = personName(person);
        const bio = person.biography?.trim() ? { [locale]: person.biography } : {};
        entry = {
          speaker: {
            id: allocate(name, 'speaker'),
            editionId,
            name: { [locale]: name },
            jobTitle: {},
            organisation: {},
            cityId: null,
            bio,
            photoUrl: person.avatar && /^https?:\/\/[^\s]+$/i.test(person.avatar) ? person.avatar : null,
            languages: [],
            presence: 'remote',
            isIllustrative: false
          },
          languages: new Set()
        };
        byIdentity.set(key, entry);
      }
      if (lang) entry.languages.add(lang);
    }
  }
  const entries = [...byIdentity.values()];
  return {
    list: entries.map(({ speaker, languages }) => ({ ...speaker, languages: [...languages] })),
    idOf: (person: FrabInputPerson) => byIdentity.get(identityOf(person))?.speaker.id ?? ''
  };
}

function identityOf(person: FrabInputPerson): string {
  if (person.guid) return `guid:${person.guid.toLowerCase()}`;
  if (person.code) return `code:${person.code}`;
  if (person.id !== null && person.id !== undefined && person.id !== '') return `id:${String(person.id)}`;
  return `name:${personName(person).toLowerCase().replace(/\s+/g, ' ')}`;
}

/**
 * Madang's own frab export puts the session kind in `track`; other files
 * say what an event is in `type` (talk, workshop …) or `track`.
 */
function sessionKindOf(event: FrabInputEvent): SessionKind {
  const track = event.track?.trim().toLowerCase() ?? '';
  const known = sessionKinds.find((kind) => kind === track);
  if (known) return known;
  const words = `${event.type ?? ''} ${track}`.toLowerCase();
  if (/keynote/.test(words)) return 'keynote';
  if (/\b(break|pause|lunch|coffee)\b/.test(words)) return 'break';
  if (/workshop|seminar|hands-on|tutorial/.test(words)) return 'seminar_part';
  if (/concert|music|performance/.test(words)) return 'talk_concert';
  return 'conference_session';
}

/** The abstract, and the description when it says more; Madang has one summary. */
function summaryOf(event: FrabInputEvent): string {
  const parts = [event.abstract?.trim(), event.description?.trim()].filter((p): p is string => !!p);
  return [...new Set(parts)].join('\n\n');
}

/** The most frequent value, the first seen on a tie; null for none. */
function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}
