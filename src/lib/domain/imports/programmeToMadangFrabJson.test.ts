import { describe, expect, it } from 'vitest';
import { programmeToFrabJson } from '../exports/frabSchedule.js';
import type { Programme } from '../programme.js';
import { buildProgramme, emptyProgramme } from '../testing/programmeFactory.js';
import { importFrabSchedule } from './importFrabSchedule.js';
import type { ImportTarget } from './importTarget.js';
import { programmeToMadangFrabJson } from './programmeToMadangFrabJson.js';
import { frabSchemaErrors } from '../testing/frabSchemaValidator.js';

const options = { baseUrl: 'https://forum.example', locale: 'en' };

/** What a file on disk holds: no Dates, no undefined, nothing shared. */
function asFile(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** `programme` as it should look after import into edition `id`/`slug` with ids kept. */
function movedTo(programme: Programme, id: string, slug: string, now: Date): Programme {
  const editionId = id;
  return {
    ...programme,
    edition: { ...programme.edition, id, slug, version: 1, updatedAt: now },
    days: programme.days.map((d) => ({ ...d, editionId })),
    stages: programme.stages.map((s) => ({ ...s, editionId })),
    sessions: programme.sessions.map((s) => ({ ...s, editionId, version: 1 })),
    speakers: programme.speakers.map((s) => ({ ...s, editionId })),
    cities: programme.cities.map((c) => ({ ...c, editionId })),
    channels: programme.channels.map((c) => ({ ...c, editionId }))
  };
}

function roundTrip(programme: Programme, target: Partial<ImportTarget> = {}, locale = 'en') {
  const file = asFile(programmeToMadangFrabJson(programme, { ...options, locale }));
  return importFrabSchedule(
    file,
    {
      editionId: 'edition-next',
      slug: 'next-edition',
      seriesId: programme.series.id,
      idPrefix: '',
      state: programme.edition.state,
      ...target
    },
    { now: new Date('2021-01-01T00:00:00Z') }
  );
}

describe('programmeToMadangFrabJson', () => {
  it('is still a valid frab schedule, for conference apps and the c3voc validator', () => {
    for (const programme of [buildProgramme(), emptyProgramme()]) {
      expect(frabSchemaErrors(programmeToMadangFrabJson(programme, options))).toBe('');
      expect(frabSchemaErrors(programmeToMadangFrabJson(programme, { ...options, locale: 'ko' }))).toBe('');
    }
  });

  it('leaves the frab part exactly as the public export writes it', () => {
    const programme = buildProgramme();
    const { 'x-madang': extension, ...frab } = programmeToMadangFrabJson(programme, options).schedule;
    expect(frab).toEqual(programmeToFrabJson(programme, options).schedule);
    expect(extension.version).toBe(1);
  });

  it('carries every translation, the drafts and the records frab has no place for', () => {
    const extension = programmeToMadangFrabJson(buildProgramme(), options).schedule['x-madang'];
    expect(extension.sessions.find((s) => s.id === 'closing-draft')).toMatchObject({
      state: 'draft',
      title: { ko: '준비 중인 세션', en: 'Session in preparation' }
    });
    expect(extension.days.map((d) => d.title)).toEqual([
      { ko: '첫째 날', en: 'Day 1' },
      { ko: '둘째 날', en: 'Day 2' }
    ]);
    expect(extension.cities.map((c) => c.zone)).toEqual(['Asia/Seoul', 'America/Los_Angeles', 'Europe/Helsinki']);
    expect(extension.speakers[0]).toMatchObject({ cityId: 'city-seoul', presence: 'on_site', languages: ['ko', 'en'] });
  });
});

describe('round trip: Madang export → import into a new edition', () => {
  const now = new Date('2021-01-01T00:00:00Z');

  it('does not depend on the locale the frab part was written in', () => {
    const original = buildProgramme();
    const result = roundTrip(original, {}, 'ko');
    expect(result.ok && result.programme).toEqual(movedTo(original, 'edition-next', 'next-edition', now));
  });

  it('gives back the factory programme, in Korean and English, drafts, sessions without a stage and all', () => {
    const original = buildProgramme();
    const result = roundTrip(original);
    expect(result.ok && result.source).toBe('madang');
    expect(result.ok && result.programme).toEqual(movedTo(original, 'edition-next', 'next-edition', now));
  });

  it('keeps the series and organisation of the file when the target names none', () => {
    const original = buildProgramme();
    const result = roundTrip(original, { seriesId: undefined, organisationId: undefined });
    expect(result.ok && result.programme).toEqual(movedTo(original, 'edition-next', 'next-edition', now));
  });

  it('gives back an edition with nothing scheduled yet', () => {
    const original = emptyProgramme();
    const result = roundTrip(original);
    expect(result.ok && result.programme).toEqual(movedTo(original, 'edition-next', 'next-edition', now));
  });

  it('by default prefixes every id with the new slug and rewrites every reference with it', () => {
    const original = buildProgramme();
    const result = roundTrip(original, { idPrefix: undefined });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { programme } = result;
    expect(programme.sessions.map((s) => s.id)).toEqual(original.sessions.map((s) => `next-edition-${s.id}`));
    expect(programme.sessions[0]).toMatchObject({
      dayId: 'next-edition-day-1',
      stageId: 'next-edition-stage-main',
      channelIds: ['next-edition-channel-site', 'next-edition-channel-youtube']
    });
    expect(programme.items[1]).toMatchObject({
      sessionId: 'next-edition-three-cities',
      speakerIds: ['next-edition-speaker-kim']
    });
    expect(programme.speakers[0]?.cityId).toBe('next-edition-city-seoul');

    // Taking the prefix off gives the original back.
    const strip = (id: string) => id.replace(/^next-edition-/, '');
    const unprefixed = JSON.parse(
      JSON.stringify(programme, (key, value: unknown) =>
        /(^id$|Id$)/.test(key) && typeof value === 'string' && key !== 'editionId'
          ? strip(value)
          : /Ids$/.test(key) && Array.isArray(value)
            ? value.map((v) => strip(String(v)))
            : value
      )
    ) as unknown;
    expect(unprefixed).toEqual(asFile(movedTo(original, 'edition-next', 'next-edition', now)));
  });

  it('puts the new edition in draft unless told otherwise', () => {
    const result = roundTrip(buildProgramme(), { state: undefined });
    expect(result.ok && result.programme.edition.state).toBe('draft');
    // Sessions keep their own state: drafts stay drafts, published stay published.
    const states = buildProgramme().sessions.map((s) => s.state);
    expect(result.ok && result.programme.sessions.map((s) => s.state)).toEqual(states);
  });

  it('imports the frab part alone when the extension is removed', () => {
    const original = buildProgramme();
    const file = asFile(programmeToMadangFrabJson(original, options)) as { schedule: Record<string, unknown> };
    delete file.schedule['x-madang'];
    const result = importFrabSchedule(file, { editionId: 'edition-next', slug: 'next-edition', seriesId: 's' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.source).toBe('frab');
    const published = original.sessions.filter((s) => s.state === 'published');
    expect(result.programme.sessions.map((s) => s.title)).toEqual(published.map((s) => ({ en: s.title.en })));
    expect(result.programme.sessions.map((s) => [s.kind, s.startsAt, s.endsAt])).toEqual(
      published.map((s) => [s.kind, s.startsAt, s.endsAt])
    );
  });
});
