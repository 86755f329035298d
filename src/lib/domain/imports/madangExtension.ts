/**
 * The `x-madang` extension of a frab schedule: everything the frab part
 * cannot say (every translation, drafts, day titles, cities, channels,
 * speakers' roles and presence, programme items, exact instants), one
 * record per programme record with its own id, so a Madang export imports
 * back into an identical programme. This file owns the format: the schema
 * that reads it and the function that writes it, so the two cannot drift.
 *
 * Format version 1, at `schedule["x-madang"]`:
 *   { version: 1, conferenceSha1, organisation, series, edition,
 *     days[], stages[], sessions[], items[], speakers[], cities[], channels[] }
 * Texts are `{ locale: text }`; instants are UTC (`toISOString`); lists keep
 * the programme's order. `conferenceSha1` is the SHA-1 of
 * `JSON.stringify(schedule.conference)` as exported, so an import notices
 * when the frab part was edited afterwards. Database bookkeeping (record
 * versions, `updatedAt`, edition ids) is left out: an import makes new records.
 */
import { z } from 'zod';
import { sha1, toHex } from '../exports/sha1.js';
import { isKnownZone } from '../time.js';
import { channelKinds, sessionKinds, speakerPresences, type Programme } from '../programme.js';
import { importLimits } from './importLimits.js';
import { isCalendarDate, parseUtcInstant } from './frabTimes.js';
import { recordIdPattern } from './recordIds.js';

export const madangExtensionKey = 'x-madang';
export const madangExtensionVersion = 1;

/** BCP 47 tags as Madang stores them: `ko`, `en`, `en-GB`, `zh-Hant`. */
export const localeTagPattern = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8}){0,4}$/;

const id = z
  .string()
  .regex(recordIdPattern, 'is not a Madang id (lower-case letters, digits and dashes, at most 63 characters)');
const locale = z.string().max(35).regex(localeTagPattern, 'is not a language tag such as "ko" or "en-GB"');

function localized(max: number) {
  return z.record(locale, z.string().max(max)).refine((text) => Object.keys(text).length <= importLimits.maxLocales, {
    message: `has more than ${importLimits.maxLocales} translations`
  });
}
const shortText = localized(importLimits.maxShortText);
const longText = localized(importLimits.maxLongText);

// Checks that have their own error code carry it, so a bad time in the
// extension is reported like a bad time in the frab part.
const date = z.string().refine(isCalendarDate, {
  message: 'is not a date like 2020-09-22',
  params: { code: 'import.bad_date' }
});
const instant = z.string().refine((value) => parseUtcInstant(value) !== null, {
  message: 'is not a UTC date and time like 2020-09-22T07:00:00.000Z',
  params: { code: 'import.bad_time' }
});
const zone = z
  .string()
  .max(64)
  .refine(isKnownZone, {
    message: 'is not an IANA time zone such as Asia/Seoul',
    params: { code: 'import.unknown_zone' }
  });
const httpUrl = z.string().max(2_000).refine(isHttpUrl, 'is not an http or https address');
/** Uploaded photos are served from the forum itself, so a root-relative path is fine too. */
const photoUrl = z
  .string()
  .max(2_000)
  .refine((url) => isHttpUrl(url) || /^\/[^/\\]/.test(url), 'is not an http(s) address or a path on this site');
const position = z.number().int().min(-1_000_000).max(1_000_000);

export const madangExtensionSchema = z.object({
  version: z.literal(madangExtensionVersion),
  conferenceSha1: z.string().regex(/^[0-9a-f]{40}$/, 'is not a SHA-1 in hexadecimal'),
  organisation: z.object({ id, slug: id, name: shortText, url: httpUrl.nullable() }),
  series: z.object({ id, slug: id, name: shortText }),
  edition: z.object({
    title: shortText,
    theme: shortText,
    summary: longText,
    hostZone: zone,
    defaultLocale: locale,
    locales: z.array(locale).max(importLimits.maxLocales),
    startsOn: date,
    endsOn: date
  }),
  days: z.array(z.object({ id, date, title: shortText, position })).max(importLimits.maxDays),
  stages: z.array(z.object({ id, name: shortText })).max(importLimits.maxRooms),
  sessions: z
    .array(
      z.object({
        id,
        dayId: id,
        stageId: id.nullable(),
        kind: z.enum(sessionKinds),
        title: shortText,
        summary: longText,
        startsAt: instant,
        endsAt: instant,
        zone,
        position,
        state: z.enum(['draft', 'published']),
        channelIds: z.array(id).max(importLimits.maxChannels),
        isIllustrative: z.boolean()
      })
    )
    .max(importLimits.maxEvents),
  items: z
    .array(
      z.object({
        id,
        sessionId: id,
        title: shortText,
        summary: longText,
        startsAt: instant.nullable(),
        endsAt: instant.nullable(),
        position,
        speakerIds: z.array(id).max(importLimits.maxPersonsPerEvent),
        isIllustrative: z.boolean()
      })
    )
    .max(importLimits.maxItems),
  speakers: z
    .array(
      z.object({
        id,
        name: shortText,
        jobTitle: shortText,
        organisation: shortText,
        cityId: id.nullable(),
        bio: longText,
        photoUrl: photoUrl.nullable(),
        languages: z.array(locale).max(importLimits.maxLocales),
        presence: z.enum(speakerPresences),
        isIllustrative: z.boolean()
      })
    )
    .max(importLimits.maxSpeakers),
  cities: z
    .array(
      z.object({
        id,
        name: shortText,
        country: z
          .string()
          .regex(/^[A-Z]{2}$/, 'is not a two-letter country code such as KR')
          .nullable(),
        zone: zone.nullable(),
        summary: longText,
        position,
        isIllustrative: z.boolean()
      })
    )
    .max(importLimits.maxCities),
  channels: z
    .array(z.object({ id, kind: z.enum(channelKinds), name: shortText, url: httpUrl, position }))
    .max(importLimits.maxChannels)
});

export type MadangExtension = z.infer<typeof madangExtensionSchema>;

/** Just enough to tell a newer format from a broken one before reading the rest. */
export const madangExtensionHeader = z.object({ version: z.number() });

/** The extension for `programme`, whose frab conference hashes to `conferenceSha1`. */
export function madangExtensionOf(programme: Programme, conferenceSha1: string): MadangExtension {
  const { organisation, series, edition } = programme;
  return {
    version: madangExtensionVersion,
    conferenceSha1,
    organisation: { id: organisation.id, slug: organisation.slug, name: organisation.name, url: organisation.url },
    series: { id: series.id, slug: series.slug, name: series.name },
    edition: {
      title: edition.title,
      theme: edition.theme,
      summary: edition.summary,
      hostZone: edition.hostZone,
      defaultLocale: edition.defaultLocale,
      locales: [...edition.locales],
      startsOn: edition.startsOn,
      endsOn: edition.endsOn
    },
    days: programme.days.map((d) => ({ id: d.id, date: d.date, title: d.title, position: d.position })),
    stages: programme.stages.map((s) => ({ id: s.id, name: s.name })),
    sessions: programme.sessions.map((s) => ({
      id: s.id,
      dayId: s.dayId,
      stageId: s.stageId,
      kind: s.kind,
      title: s.title,
      summary: s.summary,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      zone: s.zone,
      position: s.position,
      state: s.state,
      channelIds: [...s.channelIds],
      isIllustrative: s.isIllustrative
    })),
    items: programme.items.map((i) => ({
      id: i.id,
      sessionId: i.sessionId,
      title: i.title,
      summary: i.summary,
      startsAt: i.startsAt?.toISOString() ?? null,
      endsAt: i.endsAt?.toISOString() ?? null,
      position: i.position,
      speakerIds: [...i.speakerIds],
      isIllustrative: i.isIllustrative
    })),
    speakers: programme.speakers.map((s) => ({
      id: s.id,
      name: s.name,
      jobTitle: s.jobTitle,
      organisation: s.organisation,
      cityId: s.cityId,
      bio: s.bio,
      photoUrl: s.photoUrl,
      languages: [...s.languages],
      presence: s.presence,
      isIllustrative: s.isIllustrative
    })),
    cities: programme.cities.map((c) => ({
      id: c.id,
      name: c.name,
      country: c.country,
      zone: c.zone,
      summary: c.summary,
      position: c.position,
      isIllustrative: c.isIllustrative
    })),
    channels: programme.channels.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      url: c.url,
      position: c.position
    }))
  };
}

/**
 * The fingerprint of the frab part: its conference as JSON text, which reads
 * the same before writing and after `JSON.parse` because key order survives.
 */
export function conferenceSha1(conference: unknown): string {
  return toHex(sha1(JSON.stringify(conference)));
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}
