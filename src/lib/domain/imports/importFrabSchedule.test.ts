import { describe, expect, it } from 'vitest';
import { buildProgramme } from '../testing/programmeFactory.js';
import { localTimeIn } from '../time.js';
import { importFrabSchedule, importFrabScheduleText } from './importFrabSchedule.js';
import { importLimits } from './importLimits.js';
import type { ImportErrorCode, ImportResult } from './importResult.js';
import type { ImportTarget } from './importTarget.js';
import { programmeToMadangFrabJson } from './programmeToMadangFrabJson.js';
import { eventsOf, pretalxEvent, pretalxSchedule, type PretalxSchedule } from './testing/pretalxSchedule.js';

const target: ImportTarget = { editionId: 'edition-kiez24', slug: 'kiez-2024', seriesId: 'series-kiez' };
const now = new Date('2024-02-01T12:00:00Z');

function imported(file: unknown = pretalxSchedule(), options = {}) {
  const result = importFrabSchedule(JSON.parse(JSON.stringify(file)), target, { now, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.programme;
}

function utc(date: Date | null | undefined): string | undefined {
  return date?.toISOString().slice(0, 16);
}

describe('importing a plain pretalx schedule', () => {
  it('makes one day per day and one stage per room', () => {
    const programme = imported();
    expect(programme.edition).toMatchObject({
      id: 'edition-kiez24',
      slug: 'kiez-2024',
      seriesId: 'series-kiez',
      title: { de: 'Kiezkonferenz 2024' },
      hostZone: 'Europe/Berlin',
      defaultLocale: 'de',
      locales: ['de', 'en'],
      startsOn: '2024-03-30',
      endsOn: '2024-03-31',
      state: 'draft',
      updatedAt: now
    });
    expect(programme.days.map((d) => [d.id, d.date])).toEqual([
      ['kiez-2024-day-1', '2024-03-30'],
      ['kiez-2024-day-2', '2024-03-31']
    ]);
    expect(programme.stages.map((s) => [s.id, s.name])).toEqual([
      ['kiez-2024-stage-saal-1', { de: 'Saal 1' }],
      ['kiez-2024-stage-werkstatt', { de: 'Werkstatt' }]
    ]);
  });

  it('reads each start at the right instant on both sides of the switch to summer time', () => {
    const sessions = imported().sessions;
    expect(sessions.map((s) => [s.title.de ?? s.title.en, utc(s.startsAt), utc(s.endsAt)])).toEqual([
      ['Eröffnung: Die Stadt für alle', '2024-03-30T09:00', '2024-03-30T09:45'],
      ['Barrierefreie Verkehrsplanung', '2024-03-30T10:00', '2024-03-30T11:30'],
      ['Mapping accessible routes', '2024-03-30T13:00', '2024-03-30T15:00'],
      ['Cities after the clocks change', '2024-03-31T08:00', '2024-03-31T09:00'],
      // No `date`: 12:00 in Berlin on 31 March is already CEST (UTC+2).
      ['Mittagspause', '2024-03-31T10:00', '2024-03-31T10:30'],
      ['Open mic', '2024-03-31T13:30', '2024-03-31T14:45']
    ]);
    for (const session of sessions) expect(session.zone).toBe('Europe/Berlin');
    expect(sessions.map((s) => localTimeIn(s.startsAt, 'Europe/Berlin'))).toEqual([
      '10:00',
      '11:00',
      '14:00',
      '10:00',
      '12:00',
      '15:30'
    ]);
  });

  it('puts each session on its day and stage, with a kind from its track or type', () => {
    const programme = imported();
    expect(programme.sessions.map((s) => [s.id, s.dayId, s.stageId, s.kind, s.position])).toEqual([
      ['kiez-2024-eroffnung-die-stadt-fur-alle', 'kiez-2024-day-1', 'kiez-2024-stage-saal-1', 'keynote', 0],
      ['kiez-2024-barrierefreie-verkehrsplanung', 'kiez-2024-day-1', 'kiez-2024-stage-saal-1', 'conference_session', 1],
      ['kiez-2024-mapping-accessible-routes', 'kiez-2024-day-1', 'kiez-2024-stage-werkstatt', 'seminar_part', 2],
      [
        'kiez-2024-cities-after-the-clocks-change',
        'kiez-2024-day-2',
        'kiez-2024-stage-saal-1',
        'conference_session',
        0
      ],
      ['kiez-2024-mittagspause', 'kiez-2024-day-2', 'kiez-2024-stage-saal-1', 'break', 1],
      ['kiez-2024-open-mic', 'kiez-2024-day-2', 'kiez-2024-stage-werkstatt', 'conference_session', 2]
    ]);
    for (const session of programme.sessions) expect(session.state).toBe('published');
  });

  it("puts texts under the event's language, and the rest under the default", () => {
    const sessions = imported().sessions;
    expect(sessions[1]?.summary).toEqual({
      de: 'Bordsteine, Ampeln, Aufzüge.\n\nEin Gespräch über Planung und Praxis.'
    });
    expect(sessions[2]?.title).toEqual({ en: 'Mapping accessible routes' });
    // "Open mic" says no language: the most common one in the file, German.
    expect(sessions[5]?.title).toEqual({ de: 'Open mic' });
    const withEnglish = imported(pretalxSchedule(), { defaultLocale: 'en' });
    expect(withEnglish.edition.defaultLocale).toBe('en');
    expect(withEnglish.edition.title).toEqual({ en: 'Kiezkonferenz 2024' });
    expect(withEnglish.sessions[5]?.title).toEqual({ en: 'Open mic' });
    expect(withEnglish.sessions[0]?.title).toEqual({ de: 'Eröffnung: Die Stadt für alle' });
  });

  it('makes each person one speaker, linked to their sessions through an item', () => {
    const programme = imported();
    expect(programme.speakers.map((s) => [s.id, s.name, s.languages])).toEqual([
      ['kiez-2024-anna-schmidt', { de: 'Anna Schmidt' }, ['de']],
      ['kiez-2024-jonas-weber', { de: 'Jonas Weber' }, ['de', 'en']],
      ['kiez-2024-priya-natarajan', { de: 'Priya Natarajan' }, ['en']],
      ['kiez-2024-mia', { de: 'Mia' }, []]
    ]);
    expect(programme.speakers[0]).toMatchObject({
      bio: { de: 'Stadtplanerin im Bezirksamt Neukölln.' },
      photoUrl: 'https://pretalx.example/kiez24/media/avatars/anna.webp',
      cityId: null,
      presence: 'remote'
    });
    expect(programme.speakers[1]?.bio).toEqual({});
    const itemOf = (sessionId: string | undefined) => programme.items.find((i) => i.sessionId === sessionId);
    expect(itemOf(programme.sessions[1]?.id)?.speakerIds).toEqual(['kiez-2024-anna-schmidt', 'kiez-2024-jonas-weber']);
    expect(itemOf(programme.sessions[4]?.id)).toBeUndefined(); // the lunch break has nobody
    expect(programme.items.map((i) => i.id)).toContain('kiez-2024-open-mic-item');
  });

  it('recognises a person by name when the file gives no guid, code or id', () => {
    const file = pretalxSchedule();
    const [first, second] = eventsOf(file);
    const anonymous = { name: 'Sam Lee', public_name: 'Sam Lee', biography: null };
    first!.persons = [anonymous];
    second!.persons = [{ ...anonymous, public_name: 'Sam  Lee ' }];
    const speakers = imported(file).speakers.filter((s) => s.name.de?.startsWith('Sam'));
    expect(speakers).toHaveLength(1);
  });

  it('gives the same programme, ids and all, every time the file is imported', () => {
    expect(imported()).toEqual(imported());
  });

  it('keeps the bare slugs with an empty prefix and repeats names with a number', () => {
    const file = pretalxSchedule();
    const [, second] = eventsOf(file);
    second!.title = 'Eröffnung: Die Stadt für alle';
    const result = importFrabSchedule(file, { ...target, idPrefix: '' }, { now });
    expect(result.ok && result.programme.sessions.slice(0, 2).map((s) => s.id)).toEqual([
      'eroffnung-die-stadt-fur-alle',
      'eroffnung-die-stadt-fur-alle-2'
    ]);
  });

  it('names a new series and organisation after the id prefix when the target names none', () => {
    const result = importFrabSchedule(pretalxSchedule(), { editionId: 'edition-kiez24', slug: 'kiez-2024' }, { now });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.programme.series).toMatchObject({ id: 'kiez-2024-series', organisationId: 'kiez-2024-organisation' });
    expect(result.programme.edition.seriesId).toBe('kiez-2024-series');
  });

  it('places an event after midnight on the next morning, as frab days run past midnight', () => {
    const file = pretalxSchedule();
    file.schedule.conference.days[0]!.rooms['Saal 1']!.push(
      (({ date: _date, ...event }) => event)(
        pretalxEvent({ id: 104, title: 'Night walk', start: '00:30', duration: '01:00' })
      )
    );
    const walk = imported(file).sessions.find((s) => s.title.de === 'Night walk');
    expect(utc(walk?.startsAt)).toBe('2024-03-30T23:30');
    expect(walk?.dayId).toBe('kiez-2024-day-1');
  });

  it('uses the zone given at import when the file names none', () => {
    const file = pretalxSchedule();
    delete (file.schedule.conference as { time_zone_name?: string }).time_zone_name;
    expect(imported(file, { zone: 'Europe/Berlin' }).edition.hostZone).toBe('Europe/Berlin');
  });

  it('reads the text of an uploaded file, byte-order mark and all', () => {
    const result = importFrabScheduleText(`\ufeff${JSON.stringify(pretalxSchedule())}`, target, { now });
    expect(result.ok && result.programme.sessions).toHaveLength(6);
  });
});

describe('refusing bad input: a clear error and no programme', () => {
  function refused(result: ImportResult): { code: ImportErrorCode; path: string; message: string }[] {
    expect(result.ok).toBe(false);
    expect('programme' in result).toBe(false);
    return result.ok ? [] : [...result.errors];
  }

  function codesFor(json: unknown): ImportErrorCode[] {
    return refused(importFrabSchedule(json, target, { now })).map((e) => e.code);
  }

  /** An event with its own id and guid, for files with many. */
  function numberedEvent(id: number) {
    return pretalxEvent({ id, title: `Talk ${id}`, guid: `00000000-0000-5000-8000-${String(id).padStart(12, '0')}` });
  }

  function broken(change: (file: PretalxSchedule) => void): unknown {
    const file = pretalxSchedule();
    change(file);
    return JSON.parse(JSON.stringify(file));
  }

  it('refuses what is not an object', () => {
    for (const json of [null, 42, 'schedule', [], true]) expect(codesFor(json)).toEqual(['import.not_frab']);
    const [error] = refused(importFrabSchedule([], target));
    expect(error?.message).toBe(
      'The file is not a frab or pretalx schedule: it should be a JSON object with a "schedule" property, but it is a list.'
    );
    expect(codesFor({ hello: 'world' })).toEqual(['import.not_frab']);
  });

  it('refuses a version that is not text', () => {
    const file = broken((f) => ((f.schedule as { version: unknown }).version = 7));
    expect(refused(importFrabSchedule(file, target))).toEqual([
      {
        code: 'import.not_frab',
        path: 'schedule.version',
        message: 'schedule.version should be text, but it is a whole number.'
      }
    ]);
  });

  it('names the event whose field has the wrong type', () => {
    const errors = refused(
      importFrabSchedule(
        broken((f) => ((eventsOf(f)[1] as { title: unknown }).title = ['x'])),
        target
      )
    );
    expect(errors).toEqual([
      {
        code: 'import.not_frab',
        path: 'schedule.conference.days[0].rooms["Saal 1"][1].title',
        message: 'Event 102: title should be text, but it is a list.'
      }
    ]);
  });

  it('refuses a start of 25:00', () => {
    const errors = refused(
      importFrabSchedule(
        broken((f) => (eventsOf(f)[1]!.start = '25:00')),
        target
      )
    );
    expect(errors).toEqual([
      {
        code: 'import.bad_time',
        path: 'schedule.conference.days[0].rooms["Saal 1"][1].start',
        message:
          "Event 102 'Barrierefreie Verkehrsplanung' starts at 25:00, which is not a time of day (00:00 to 23:59)."
      }
    ]);
  });

  it('refuses a date and time that is not one', () => {
    const codes = codesFor(broken((f) => (eventsOf(f)[0]!.date = '2024-02-30T10:00:00+01:00')));
    expect(codes).toEqual(['import.bad_time']);
    expect(codesFor(broken((f) => (f.schedule.conference.days[0]!.date = '30.03.2024')))).toEqual(['import.bad_date']);
  });

  it('refuses a zone that is not an IANA zone', () => {
    const errors = refused(
      importFrabSchedule(
        broken((f) => (f.schedule.conference.time_zone_name = 'Europe/Atlantis')),
        target
      )
    );
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['import.unknown_zone', 'schedule.conference.time_zone_name']
    ]);
    expect(errors[0]?.message).toContain("'Europe/Atlantis' is not an IANA time zone");
    const noZone = broken((f) => ((f.schedule.conference as { time_zone_name?: string }).time_zone_name = ''));
    expect(codesFor(noZone)).toEqual(['import.unknown_zone']);
  });

  it('refuses two events with the same guid', () => {
    const errors = refused(
      importFrabSchedule(
        broken((f) => (eventsOf(f)[3]!.guid = eventsOf(f)[0]!.guid.toUpperCase())),
        target
      )
    );
    expect(errors).toEqual([
      {
        code: 'import.duplicate_id',
        path: 'schedule.conference.days[1].rooms["Saal 1"][0].guid',
        message:
          "Event 201 'Cities after the clocks change' has the same guid as Event 101 'Eröffnung: Die Stadt für alle' " +
          "('00000000-0000-5000-8000-000000000101'); each event needs its own guid."
      }
    ]);
  });

  it('refuses a negative, zero or malformed duration', () => {
    const errors = refused(
      importFrabSchedule(
        broken((f) => (eventsOf(f)[2]!.duration = '-00:30')),
        target
      )
    );
    expect(errors).toEqual([
      {
        code: 'import.bad_duration',
        path: 'schedule.conference.days[0].rooms.Werkstatt[0].duration',
        message:
          "Event 103 'Mapping accessible routes' has a negative duration (-00:30); a duration is hours and minutes like 01:30."
      }
    ]);
    expect(codesFor(broken((f) => (eventsOf(f)[2]!.duration = '00:00')))).toEqual(['import.bad_duration']);
    expect(codesFor(broken((f) => (eventsOf(f)[2]!.duration = '1h')))).toEqual(['import.bad_duration']);
  });

  it('refuses 6,000 events, in one room or spread over days', () => {
    const many = (count: number) => Array.from({ length: count }, (_, i) => numberedEvent(10_000 + i));
    const oneRoom = refused(
      importFrabSchedule(
        broken((f) => (f.schedule.conference.days[0]!.rooms['Saal 1'] = many(6_000))),
        target
      )
    );
    expect(oneRoom).toEqual([
      {
        code: 'import.too_large',
        path: 'schedule.conference.days[0].rooms["Saal 1"]',
        message:
          "Day 1 (2024-03-30), room 'Saal 1' has 6,000 events; Madang imports at most 5,000. " +
          'Split the programme into smaller files.'
      }
    ]);
    const spread = refused(
      importFrabSchedule(
        broken((f) => {
          const events = many(6_000);
          f.schedule.conference.days[0]!.rooms['Saal 1'] = events.slice(0, 3_000);
          f.schedule.conference.days[1]!.rooms['Saal 1'] = events.slice(3_000);
        }),
        target
      )
    );
    expect(spread.map((e) => e.code)).toEqual(['import.too_large']);
    // The fixture's other room still has an event on each day.
    expect(spread[0]?.message).toBe(
      'The schedule has 6,002 events; Madang imports at most 5,000 in one edition. Split the programme into smaller files.'
    );
  });

  it('refuses an event in a room the schedule does not list', () => {
    const errors = refused(
      importFrabSchedule(
        broken((f) => (eventsOf(f)[0]!.room = 'Dachterrasse')),
        target
      )
    );
    expect(errors).toEqual([
      {
        code: 'import.unknown_room',
        path: 'schedule.conference.days[0].rooms["Saal 1"][0].room',
        message:
          "Event 101 'Eröffnung: Die Stadt für alle' is in room 'Dachterrasse', which the schedule does not list in conference.rooms. Add the room, or move the event to a listed one."
      }
    ]);
  });

  it('refuses text fields of a megabyte', () => {
    const megabyte = 'x'.repeat(1024 * 1024);
    const errors = refused(
      importFrabSchedule(
        broken((f) => {
          eventsOf(f)[0]!.abstract = megabyte;
          eventsOf(f)[1]!.title = megabyte;
          eventsOf(f)[2]!.persons[0]!.biography = megabyte;
        }),
        target
      )
    );
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['import.text_too_long', 'schedule.conference.days[0].rooms["Saal 1"][0].abstract'],
      ['import.text_too_long', 'schedule.conference.days[0].rooms["Saal 1"][1].title'],
      ['import.text_too_long', 'schedule.conference.days[0].rooms.Werkstatt[0].persons[0].biography']
    ]);
    expect(errors[0]?.message).toBe(
      "Event 101 'Eröffnung: Die Stadt für alle': abstract is 1,048,576 characters long; the limit is 50,000. Shorten it and import again."
    );
    expect(errors[2]?.message).toContain(
      "Event 103 'Mapping accessible routes', person 1 ('Priya Natarajan'): biography is"
    );

    const roomName = refused(
      importFrabSchedule(
        broken((f) => (f.schedule.conference.days[0]!.rooms[megabyte] = [])),
        target
      )
    );
    expect(roomName.map((e) => e.code)).toEqual(['import.text_too_long']);
    expect(roomName[0]?.path.length).toBeLessThan(200);
    expect(roomName[0]?.message).toMatch(
      /^Day 1 \(2024-03-30\), room 'x+…' has a name of 1,048,576 characters; the limit is 1,000\.$/
    );
  });

  it('refuses a file too big, too deep or not JSON before reading it', () => {
    expect(refused(importFrabScheduleText('x'.repeat(importLimits.maxChars + 1), target)).map((e) => e.code)).toEqual([
      'import.too_large'
    ]);
    const [notJson] = refused(importFrabScheduleText('{"schedule": ', target));
    expect(notJson?.code).toBe('import.not_json');
    expect(notJson?.message).toMatch(/^The file is not valid JSON \(.+\)\. Export the schedule again/);

    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(codesFor(broken((f) => (eventsOf(f)[0]!.answers = [deep])))).toEqual(['import.too_large']);
    expect(codesFor(JSON.parse('{"schedule": {"__proto__": {"version": "1"}}}'))).toEqual(['import.not_frab']);
  });

  it('refuses a person without a name', () => {
    const nameless = { name: ' ', public_name: '', biography: null };
    const errors = refused(
      importFrabSchedule(
        broken((f) => (eventsOf(f)[0]!.persons = [nameless])),
        target
      )
    );
    expect(errors.map((e) => e.code)).toEqual(['import.not_frab']);
    expect(errors[0]?.message).toContain('person 1 has no name');
  });

  it('lists many problems at once, but not thousands', () => {
    const errors = refused(
      importFrabSchedule(
        broken((f) => {
          f.schedule.conference.days[0]!.rooms['Saal 1'] = Array.from({ length: 200 }, (_, i) => ({
            ...numberedEvent(5_000 + i),
            start: '99:99'
          }));
        }),
        target
      )
    );
    expect(errors).toHaveLength(51);
    expect(errors[50]).toMatchObject({
      code: 'import.more_errors',
      message: expect.stringContaining('150 more problems') as unknown
    });
  });

  it('refuses a target that is not one, before reading the file', () => {
    const errors = refused(importFrabSchedule(pretalxSchedule(), { ...target, slug: 'Kiez 2024!' }));
    expect(errors).toEqual([
      {
        code: 'import.bad_target',
        path: 'target.slug',
        message: "The import's target.slug must be lower-case letters, digits and dashes, at most 63 characters."
      }
    ]);
    const badZone = refused(importFrabSchedule(pretalxSchedule(), target, { zone: 'Mars/Olympus' }));
    expect(badZone.map((e) => e.code)).toEqual(['import.bad_target']);
  });
});

describe('refusing a broken Madang extension', () => {
  const options = { baseUrl: 'https://forum.example', locale: 'en' };

  function madangFile(): { schedule: { conference: { title: string }; 'x-madang': Record<string, unknown> } } {
    return JSON.parse(JSON.stringify(programmeToMadangFrabJson(buildProgramme(), options))) as never;
  }

  function refusedCodes(file: unknown): ImportErrorCode[] {
    const result = importFrabSchedule(file, target);
    expect('programme' in result).toBe(false);
    return result.ok ? [] : result.errors.map((e) => e.code);
  }

  it('says so when the frab part was edited after export', () => {
    const file = madangFile();
    file.schedule.conference.title = 'Edited by hand';
    const result = importFrabSchedule(file, target);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({
        code: 'import.extension_mismatch',
        message: expect.stringContaining('delete "x-madang" from the file to import the changed schedule alone')
      })
    ]);
  });

  it('says so when the extension comes from a newer Madang', () => {
    const file = madangFile();
    file.schedule['x-madang'].version = 2;
    expect(refusedCodes(file)).toEqual(['import.unsupported_extension']);
  });

  it('refuses records that name missing or repeated records', () => {
    const missingDay = madangFile();
    (missingDay.schedule['x-madang'].sessions as { dayId: string }[])[0]!.dayId = 'day-9';
    const result = importFrabSchedule(missingDay, target);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        code: 'import.unknown_reference',
        path: 'schedule["x-madang"].sessions[0].dayId',
        message: "Session 'opening-keynote' refers to day 'day-9', which is not in the file."
      }
    ]);

    const twice = madangFile();
    const stages = twice.schedule['x-madang'].stages as { id: string }[];
    stages.push({ ...stages[0]! });
    const repeated = importFrabSchedule(twice, target);
    expect(repeated.ok ? [] : repeated.errors).toEqual([
      {
        code: 'import.duplicate_id',
        path: 'schedule["x-madang"].stages[2].id',
        message: "Stage 'stage-main' appears twice in the Madang data; each id must be unique."
      }
    ]);
  });

  it('refuses bad times, zones, ids and addresses with their own codes', () => {
    const badTime = madangFile();
    (badTime.schedule['x-madang'].sessions as { startsAt: string }[])[0]!.startsAt = '2020-09-22T25:00:00.000Z';
    expect(refusedCodes(badTime)).toEqual(['import.bad_time']);

    const backwards = madangFile();
    const [first] = backwards.schedule['x-madang'].sessions as { startsAt: string; endsAt: string }[];
    first!.endsAt = first!.startsAt;
    expect(refusedCodes(backwards)).toEqual(['import.bad_duration']);

    const badZone = madangFile();
    (badZone.schedule['x-madang'].cities as { zone: string }[])[0]!.zone = 'Asia/Atlantis';
    expect(refusedCodes(badZone)).toEqual(['import.unknown_zone']);

    const badLocale = madangFile();
    (badLocale.schedule['x-madang'].days as { title: Record<string, string> }[])[0]!.title = { 'Day one': 'x' };
    const locale = importFrabSchedule(badLocale, target);
    expect(locale.ok ? [] : locale.errors).toEqual([
      {
        code: 'import.bad_extension',
        path: 'schedule["x-madang"].days[0].title["Day one"]',
        message: 'Day \'day-1\': title["Day one"] is not a language tag such as "ko" or "en-GB".'
      }
    ]);

    const badId = madangFile();
    (badId.schedule['x-madang'].stages as { id: string }[])[0]!.id = 'Main Stage';
    expect(refusedCodes(badId)).toContain('import.bad_extension');

    const script = madangFile();
    (script.schedule['x-madang'].channels as { url: string }[])[0]!.url = 'javascript:alert(1)';
    const result = importFrabSchedule(script, target);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        code: 'import.bad_extension',
        path: 'schedule["x-madang"].channels[0].url',
        message: "Channel 'channel-site': url is not an http or https address."
      }
    ]);
  });

  it('refuses an extension that is not an object', () => {
    const file = madangFile() as unknown as { schedule: Record<string, unknown> };
    file.schedule['x-madang'] = 'lossless';
    expect(refusedCodes(file)).toEqual(['import.bad_extension']);
  });
});
