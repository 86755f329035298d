/**
 * The frab/pretalx schedule JSON as Madang reads it: the shape and the size
 * of every field Madang uses, nothing about its meaning (times, rooms and
 * duplicates are checked in `programmeFromFrab.ts`, where the message can
 * name the event). Looser than the c3voc schema on purpose: pretalx writes
 * `null` for empty fields and older frab leaves some out, and none of that
 * stops a programme from being imported. Fields Madang does not use are
 * dropped unread.
 */
import { z } from 'zod';
import { importLimits } from './importLimits.js';

const shortText = z.string().max(importLimits.maxShortText);
const longText = z.string().max(importLimits.maxLongText);
/** Times, dates, durations: short, read strictly later. */
const timeText = z.string().max(40);
/** frab numbers events and people; pretalx sometimes uses codes. */
const recordId = z.union([z.number().int(), z.string().max(100)]);

const frabPerson = z.object({
  id: recordId.nullish(),
  guid: z.string().max(100).nullish(),
  code: z.string().max(100).nullish(),
  name: shortText.nullish(),
  public_name: shortText.nullish(),
  biography: longText.nullish(),
  avatar: z.string().max(2_000).nullish()
});

const frabEvent = z.object({
  id: recordId.nullish(),
  guid: z.string().max(100).nullish(),
  date: timeText.nullish(),
  start: timeText.nullish(),
  duration: timeText,
  room: shortText,
  slug: shortText.nullish(),
  title: shortText,
  subtitle: shortText.nullish(),
  track: shortText.nullish(),
  type: shortText.nullish(),
  language: z.string().max(35).nullish(),
  abstract: longText.nullish(),
  description: longText.nullish(),
  persons: z.array(frabPerson).max(importLimits.maxPersonsPerEvent).nullish()
});

const frabDay = z.object({
  index: z.number().int().nullish(),
  date: timeText,
  day_start: timeText.nullish(),
  day_end: timeText.nullish(),
  rooms: z.record(shortText, z.array(frabEvent).max(importLimits.maxEvents))
});

const frabRoom = z.object({
  name: shortText,
  guid: z.string().max(100).nullish()
});

const frabConference = z.object({
  acronym: shortText.nullish(),
  title: shortText,
  description: longText.nullish(),
  start: timeText.nullish(),
  end: timeText.nullish(),
  time_zone_name: z.string().max(64).nullish(),
  rooms: z.array(frabRoom).max(importLimits.maxRooms).nullish(),
  days: z.array(frabDay).max(importLimits.maxDays)
});

export const frabScheduleInput = z.object({
  schedule: z.object({
    version: z.string().max(200),
    base_url: z.string().max(2_000).nullish(),
    conference: frabConference,
    // Read on its own by `madangExtension.ts` once the frab part is known good.
    'x-madang': z.unknown().optional()
  })
});

export type FrabInput = z.infer<typeof frabScheduleInput>;
export type FrabInputConference = FrabInput['schedule']['conference'];
export type FrabInputDay = FrabInputConference['days'][number];
export type FrabInputEvent = FrabInputDay['rooms'][string][number];
export type FrabInputPerson = NonNullable<FrabInputEvent['persons']>[number];
