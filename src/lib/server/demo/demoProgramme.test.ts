import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFrabSchedule } from '../../domain/imports/importFrabSchedule.js';
import { programmeToMadangFrabJson } from '../../domain/imports/programmeToMadangFrabJson.js';
import { comparableProgramme } from '../../domain/imports/testing/comparableProgramme.js';
import type { LocalizedText } from '../../domain/localizedText.js';
import { sessionKinds, type Programme } from '../../domain/programme.js';
import { frabSchemaErrors } from '../../domain/testing/frabSchemaValidator.js';
import { isKnownZone, localDateIn, localTimeIn } from '../../domain/time.js';
import {
  DemoScheduleError,
  demoExportOptions,
  demoProgrammeFromText,
  demoScheduleFile,
  readDemoProgramme
} from './demoProgramme.js';
import { seoul2020Programme } from './testing/seoul2020Programme.js';

const zone = 'Asia/Seoul';
const idPattern = /^[a-z0-9][a-z0-9-]*$/;

function byId<T extends { readonly id: string }>(records: readonly T[], id: string): T {
  const found = records.find((record) => record.id === id);
  if (!found) throw new Error(`no record ${id}`);
  return found;
}

/** Every LocalizedText field of every record, labelled for failure messages. */
function localizedFields(p: Programme): [string, LocalizedText][] {
  const fields: [string, LocalizedText][] = [
    ['organisation.name', p.organisation.name],
    ['series.name', p.series.name],
    ['edition.title', p.edition.title],
    ['edition.theme', p.edition.theme],
    ['edition.summary', p.edition.summary]
  ];
  const add = <T extends { readonly id: string }>(kind: string, records: readonly T[], keys: readonly (keyof T)[]) => {
    for (const record of records) {
      for (const key of keys) fields.push([`${kind} ${record.id}.${String(key)}`, record[key] as LocalizedText]);
    }
  };
  add('day', p.days, ['title']);
  add('stage', p.stages, ['name']);
  add('session', p.sessions, ['title', 'summary']);
  add('item', p.items, ['title', 'summary']);
  add('speaker', p.speakers, ['name', 'jobTitle', 'organisation', 'bio']);
  add('city', p.cities, ['name', 'summary']);
  add('channel', p.channels, ['name']);
  return fields;
}

describe('the 2020 Seoul demo programme', () => {
  const p = seoul2020Programme();

  it('is the published Korean/English edition hosted in Seoul', () => {
    expect(p.edition).toMatchObject({
      id: 'seoul-2020',
      slug: 'seoul-2020',
      hostZone: zone,
      defaultLocale: 'ko',
      locales: ['ko', 'en'],
      startsOn: '2020-09-22',
      endsOn: '2020-09-23',
      state: 'published',
      version: 1,
      updatedAt: new Date('2020-09-21T00:00:00Z')
    });
    expect(p.series.slug).toBe('seoul-smart-city-leaders-forum');
    expect(p.edition.seriesId).toBe(p.series.id);
    expect(p.series.organisationId).toBe(p.organisation.id);
    expect(p.edition.title.en).toBe('2020 Seoul Smart City Leaders Forum');
    expect(p.edition.summary.en).toMatch(/Seoul Digital Foundation/);
    expect(p.edition.summary.ko).toMatch(/서울디지털재단/);
  });

  it('has the Leaders Seminar on 22 September and the Leaders Conference on 23 September', () => {
    expect(p.days.map((day) => [day.date, day.title.en, day.position])).toEqual([
      ['2020-09-22', 'Leaders Seminar', 0],
      ['2020-09-23', 'Leaders Conference', 1]
    ]);
  });

  it('fills 16:00–18:00 and 16:00–19:00 KST with back-to-back sessions in position order', () => {
    const windows: Record<string, [string, string]> = {
      '2020-09-22': ['16:00', '18:00'],
      '2020-09-23': ['16:00', '19:00']
    };
    expect(p.sessions.map((session) => session.position)).toEqual(p.sessions.map((_, i) => i));
    for (const day of p.days) {
      const sessions = p.sessions.filter((session) => session.dayId === day.id);
      expect(sessions.length).toBeGreaterThan(0);
      const [opens, closes] = windows[day.date] ?? ['', ''];
      expect(localTimeIn(sessions[0]!.startsAt, zone)).toBe(opens);
      expect(localTimeIn(sessions.at(-1)!.endsAt, zone)).toBe(closes);
      sessions.forEach((session, i) => {
        expect(session.endsAt.getTime()).toBeGreaterThan(session.startsAt.getTime());
        const next = sessions[i + 1];
        if (next) expect(next.startsAt.getTime()).toBe(session.endsAt.getTime());
      });
    }
    // Day 1 opens at 07:00 UTC.
    expect(p.sessions[0]!.startsAt.toISOString()).toBe('2020-09-22T07:00:00.000Z');
  });

  it('puts every session on the day its start and end fall on in Seoul', () => {
    for (const session of p.sessions) {
      const day = byId(p.days, session.dayId);
      expect(session.zone).toBe(zone);
      expect(localDateIn(session.startsAt, zone)).toBe(day.date);
      expect(localDateIn(session.endsAt, zone)).toBe(day.date);
    }
  });

  it('has the five documented sessions, not illustrative, in the brief’s order', () => {
    const documented = p.sessions.filter((session) => !session.isIllustrative);
    expect(documented.map((session) => [session.id, session.kind])).toEqual([
      ['d1-cases', 'seminar_part'],
      ['d1-talk-concert', 'talk_concert'],
      ['d2-keynote', 'keynote'],
      ['d2-cases', 'conference_session'],
      ['d2-talk-concert', 'talk_concert']
    ]);
    for (const session of p.sessions) {
      expect(sessionKinds).toContain(session.kind);
      expect(session.state).toBe('published');
      expect(session.version).toBe(1);
      // Only a break may be added beyond the brief.
      if (session.isIllustrative) expect(session.kind).toBe('break');
    }
  });

  it('gives the keynote to Sokwoo Rhee, a real, remote speaker', () => {
    const keynoteItems = p.items.filter((item) => item.sessionId === 'd2-keynote');
    expect(keynoteItems).toHaveLength(1);
    const keynote = keynoteItems[0]!;
    expect(keynote.isIllustrative).toBe(false);
    expect(keynote.title.en).toBe('The inclusive smart city');
    expect(keynote.speakerIds).toEqual(['sokwoo-rhee']);
    const speaker = byId(p.speakers, 'sokwoo-rhee');
    expect(speaker.name.en).toBe('Sokwoo Rhee');
    expect(speaker.isIllustrative).toBe(false);
    expect(speaker.presence).toBe('remote');
    expect(speaker.bio.en).toMatch(/SmartAmerica Challenge/);
    expect(speaker.organisation.en).toMatch(/National Institute of Standards and Technology/);
  });

  it('says so in the title of every illustrative item and the name of every illustrative speaker', () => {
    const illustrativeItems = p.items.filter((item) => item.isIllustrative);
    expect(illustrativeItems.length).toBeGreaterThan(0);
    for (const item of illustrativeItems) {
      expect(item.title.en).toMatch(/\(illustrative title\)$/);
      expect(item.title.ko).toMatch(/\(예시 제목\)$/);
    }
    const illustrativeSpeakers = p.speakers.filter((speaker) => speaker.isIllustrative);
    expect(illustrativeSpeakers).toHaveLength(p.speakers.length - 1);
    for (const speaker of illustrativeSpeakers) {
      expect(speaker.name.en).toMatch(/\(illustrative\)$/);
      expect(speaker.name.ko).toMatch(/\(예시\)$/);
    }
  });

  it('has a case talk from each city and organisation the brief names for day 1', () => {
    const talks = p.items.filter((item) => item.sessionId === 'd1-cases').map((item) => item.title.en ?? '');
    for (const presenter of ['The Hague', 'Los Angeles', 'Helsinki', 'Seongdong', 'SH', 'Seoul']) {
      expect(talks.some((title) => title.startsWith(presenter))).toBe(true);
    }
  });

  it('has 11 cities, of which only the four the brief names are facts', () => {
    expect(p.cities).toHaveLength(11);
    expect(p.cities.map((city) => city.position)).toEqual(p.cities.map((_, i) => i));
    const known = p.cities.filter((city) => !city.isIllustrative);
    expect(known.map((city) => [city.name.en, city.country, city.zone])).toEqual([
      ['Seoul', 'KR', 'Asia/Seoul'],
      ['The Hague', 'NL', 'Europe/Amsterdam'],
      ['Los Angeles', 'US', 'America/Los_Angeles'],
      ['Helsinki', 'FI', 'Europe/Helsinki']
    ]);
    for (const city of known) expect(isKnownZone(city.zone!)).toBe(true);
    for (const city of p.cities.filter((c) => c.isIllustrative)) {
      expect(city.country).toBeNull();
      expect(city.zone).toBeNull();
      expect(city.name.en).toMatch(/to be confirmed/);
      expect(city.name.ko).toMatch(/미정/);
    }
  });

  it('goes out on the site, two YouTube channels and Live Seoul, every session on all four', () => {
    expect(p.channels.map((channel) => [channel.id, channel.kind, channel.position])).toEqual([
      ['ch-site', 'site', 0],
      ['ch-seoul-youtube', 'youtube', 1],
      ['ch-tbs-youtube', 'youtube', 2],
      ['ch-live-seoul', 'social', 3]
    ]);
    for (const channel of p.channels) expect(() => new URL(channel.url)).not.toThrow();
    const all = p.channels.map((channel) => channel.id);
    for (const session of p.sessions) expect([...session.channelIds].sort()).toEqual([...all].sort());
  });

  it('resolves every reference and leaves no speaker without a talk', () => {
    const ids = (records: readonly { readonly id: string }[]) => new Set(records.map((r) => r.id));
    const [days, stages, sessions, speakers, cities, channels] = [
      ids(p.days),
      ids(p.stages),
      ids(p.sessions),
      ids(p.speakers),
      ids(p.cities),
      ids(p.channels)
    ];
    const editionScoped = [...p.days, ...p.stages, ...p.sessions, ...p.speakers, ...p.cities, ...p.channels];
    for (const record of editionScoped) expect(record.editionId).toBe(p.edition.id);
    for (const session of p.sessions) {
      expect(days.has(session.dayId)).toBe(true);
      if (session.stageId !== null) expect(stages.has(session.stageId)).toBe(true);
      for (const id of session.channelIds) expect(channels.has(id)).toBe(true);
    }
    for (const item of p.items) {
      expect(sessions.has(item.sessionId)).toBe(true);
      for (const id of item.speakerIds) expect(speakers.has(id)).toBe(true);
    }
    for (const speaker of p.speakers) {
      if (speaker.cityId !== null) expect(cities.has(speaker.cityId)).toBe(true);
      expect(p.items.some((item) => item.speakerIds.includes(speaker.id))).toBe(true);
    }
  });

  it('numbers items from 0 within each session', () => {
    for (const session of p.sessions) {
      const positions = p.items.filter((item) => item.sessionId === session.id).map((item) => item.position);
      expect(positions).toEqual(positions.map((_, i) => i));
    }
  });

  it('uses short, well-formed ids, unique within each kind', () => {
    const kinds: Record<string, readonly { readonly id: string }[]> = {
      organisation: [p.organisation],
      series: [p.series],
      edition: [p.edition],
      days: p.days,
      stages: p.stages,
      sessions: p.sessions,
      items: p.items,
      speakers: p.speakers,
      cities: p.cities,
      channels: p.channels
    };
    for (const [kind, records] of Object.entries(kinds)) {
      const list = records.map((record) => record.id);
      expect(new Set(list).size, kind).toBe(list.length);
      for (const id of list) {
        expect(id, kind).toMatch(idPattern);
        expect(id.length, id).toBeLessThanOrEqual(40);
      }
    }
  });

  it('has Korean and English text in every translatable field', () => {
    for (const [label, value] of localizedFields(p)) {
      expect(value.ko?.trim(), `${label}.ko`).toBeTruthy();
      expect(value.en?.trim(), `${label}.en`).toBeTruthy();
    }
  });

  it('builds the same data on every call', () => {
    expect(seoul2020Programme()).toEqual(p);
  });
});

describe('the demo file, seoul-2020.schedule.json', () => {
  const path = fileURLToPath(demoScheduleFile);
  const text = readFileSync(path, 'utf8');
  const file = JSON.parse(text) as { schedule: Record<string, unknown> & { conference: { title: string } } };
  const edited = (change: (copy: typeof file) => void) => {
    const copy = structuredClone(file);
    change(copy);
    return JSON.stringify(copy);
  };
  const loadError = (fileText: string) => {
    try {
      demoProgrammeFromText(fileText, path);
    } catch (error) {
      expect(error).toBeInstanceOf(DemoScheduleError);
      const { message } = error as Error;
      expect(message).not.toContain('\n');
      expect(message).toContain(path);
      return message;
    }
    throw new Error('the demo loaded');
  };

  it('is what Madang’s export writes for the demo, so it reads back with the same ids', () => {
    const p = seoul2020Programme();
    const exported = programmeToMadangFrabJson(p, { ...demoExportOptions, now: p.edition.updatedAt });
    expect(JSON.parse(JSON.stringify(exported))).toEqual(file);
  });

  it('is a valid frab schedule, for conference apps and the c3voc validator', () => {
    expect(frabSchemaErrors(file)).toBe('');
  });

  it('is read by the demo loader from where it lies', async () => {
    expect(await readDemoProgramme()).toEqual(seoul2020Programme());
  });

  it('imports through the console’s path too: a draft copy under new ids, in Korean and English', () => {
    const original = seoul2020Programme();
    for (const locale of ['en', 'ko']) {
      const copy = JSON.parse(
        JSON.stringify(programmeToMadangFrabJson(original, { ...demoExportOptions, locale, now: new Date() }))
      ) as unknown;
      const result = importFrabSchedule(copy, { editionId: 'next-edition', slug: 'next-edition' });
      if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
      expect(result.source).toBe('madang');
      const { programme } = result;
      expect(comparableProgramme(programme, 'next-edition-')).toEqual(comparableProgramme(original));
      expect(programme.edition).toMatchObject({ id: 'next-edition', state: 'draft', locales: ['ko', 'en'] });
      const keynote = programme.sessions.find((s) => s.id === 'next-edition-d2-keynote');
      expect(keynote?.title).toEqual({ ko: '기조연설', en: 'Keynote' });
      expect(keynote?.startsAt.toISOString()).toBe('2020-09-23T07:00:00.000Z');
      expect(programme.days.map((d) => d.title.ko)).toEqual(['리더스 세미나', '리더스 컨퍼런스']);
      expect(programme.cities).toHaveLength(11);
      expect(programme.speakers.find((s) => s.id === 'next-edition-sokwoo-rhee')?.jobTitle.en).toBe(
        'Associate Director (at the time of the forum)'
      );
    }
  });

  it('fails to load with one line naming the file and the problem', async () => {
    expect(loadError('{"schedule": ')).toMatch(/is not valid JSON.*\[import\.not_json\]/);
    expect(
      loadError(
        edited((copy) => {
          copy.schedule.conference.title = 'Edited by hand';
        })
      )
    ).toMatch(
      /schedule\["x-madang"\]\.conferenceSha1: .*changed after Madang exported it.*\[import\.extension_mismatch\]/
    );
    expect(
      loadError(
        edited((copy) => {
          const extension = copy.schedule['x-madang'] as { sessions: { endsAt: string; startsAt: string }[] };
          extension.sessions[0]!.endsAt = extension.sessions[0]!.startsAt;
        })
      )
    ).toMatch(/schedule\["x-madang"\]\.sessions\[0\]\.endsAt: .*\[import\.bad_duration\]/);
    expect(
      loadError(
        edited((copy) => {
          delete copy.schedule['x-madang'];
        })
      )
    ).toMatch(/has no "x-madang" data/);

    const missing = new URL('./no-such-demo.schedule.json', demoScheduleFile);
    await expect(readDemoProgramme(missing)).rejects.toThrow(DemoScheduleError);
    await expect(readDemoProgramme(missing)).rejects.toThrow(
      `cannot read the demo file ${fileURLToPath(missing)}: ENOENT`
    );
  });
});
