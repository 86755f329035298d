import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionValues } from '../../domain/editing/editionInput.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import type { Database } from './database.js';
import { DayEditRepository } from './dayEditRepository.js';
import { EditionEditRepository } from './editionEditRepository.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const values = (overrides: Partial<EditionValues> = {}): EditionValues => ({
  slug: 'seoul-2021',
  title: { ko: '2021 포럼', en: '2021 Forum' },
  theme: {},
  summary: {},
  hostZone: 'Asia/Seoul',
  locales: ['ko', 'en'],
  defaultLocale: 'ko',
  startsOn: '2021-09-01',
  endsOn: '2021-09-03',
  ...overrides
});
const alice = { accountId: 'alice' };

describe.each(testDatabaseTargets())('editing editions on $name', (target) => {
  let database: Database;
  let editions: EditionEditRepository;
  let days: DayEditRepository;
  let programmes: ProgrammeRepository;
  let audit: AuditRepository;

  beforeAll(async () => {
    database = await target.open();
    editions = new EditionEditRepository(database.db);
    days = new DayEditRepository(database.db);
    programmes = new ProgrammeRepository(database.db);
    audit = new AuditRepository(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates the first edition of an empty instance with an organisation and series, as a draft', async () => {
    const created = await editions.create(values({ slug: 'first-forum' }), alice);
    expect(created.status).toBe('saved');
    if (created.status !== 'saved') return;
    expect(created.record).toMatchObject({ slug: 'first-forum', state: 'draft', version: 1, seriesId: 'series' });
    expect(await programmes.loadProgramme('first-forum')).toBeNull();
    const loaded = await programmes.loadProgramme('first-forum', { includeDrafts: true });
    expect(loaded?.days).toEqual([]);
    expect((await audit.forRecord('edition', created.record.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('puts later editions in the series of the latest one and refuses a slug in use', async () => {
    await programmes.saveProgramme(seoul2020Programme());
    const created = await editions.create(values(), alice);
    expect(created.status === 'saved' && created.record.seriesId).toBe('series');
    expect(await editions.create(values({ title: { ko: '다른' } }), alice)).toMatchObject({
      status: 'refused',
      code: 'edition.slug_taken'
    });
    expect(await editions.create(values({ slug: 'seoul-2020' }), alice)).toMatchObject({
      status: 'refused',
      code: 'edition.slug_taken'
    });
  });

  it('saves settings under optimistic concurrency, refusing dates that leave days out', async () => {
    const edition = (await editions.find('seoul-2021'))!;
    await days.create(edition.id, { date: '2021-09-03', title: { ko: '셋째 날' } }, alice);
    const saved = await editions.update(edition.id, edition.version, values({ theme: { en: 'Open cities' } }), alice);
    expect(saved.status === 'saved' && saved.record.theme).toEqual({ en: 'Open cities' });
    expect(await editions.update(edition.id, edition.version, values(), alice)).toMatchObject({ status: 'conflict' });
    const current = (await editions.find('seoul-2021'))!;
    expect(await editions.update(edition.id, current.version, values({ endsOn: '2021-09-02' }), alice)).toEqual({
      status: 'refused',
      code: 'edition.days_outside_dates',
      detail: ['2021-09-03']
    });
    expect(await editions.update(edition.id, current.version, values({ slug: 'seoul-2020' }), alice)).toMatchObject({
      code: 'edition.slug_taken'
    });
    expect((await editions.find('seoul-2021'))!.version).toBe(current.version);
    const changes = (await audit.forRecord('edition', edition.id))[0]!;
    expect(changes.action).toBe('update');
    expect(changes.changes).toEqual({ theme: { from: {}, to: { en: 'Open cities' } } });
  });

  it('publishes, deletes and restores an edition', async () => {
    let edition = (await editions.find('seoul-2021'))!;
    const published = await editions.setState(edition.id, edition.version, 'published', alice);
    expect(published.status).toBe('saved');
    expect(await programmes.loadProgramme('seoul-2021')).not.toBeNull();
    edition = (await editions.find('seoul-2021'))!;
    expect((await editions.remove(edition.id, edition.version, alice)).status).toBe('saved');
    expect(await programmes.loadProgramme('seoul-2021')).toBeNull();
    expect((await programmes.listEditions()).map((e) => e.slug)).not.toContain('seoul-2021');
    expect(await editions.find('seoul-2021')).toBeNull();
    const deleted = await editions.listDeleted();
    expect(deleted.map((e) => e.slug)).toEqual(['seoul-2021']);
    expect(await editions.restore(edition.id, edition.version, alice)).toMatchObject({ status: 'conflict' });
    expect((await editions.restore(edition.id, deleted[0]!.version, alice)).status).toBe('saved');
    expect(await programmes.loadProgramme('seoul-2021')).not.toBeNull();
    expect((await audit.forRecord('edition', edition.id)).map((e) => e.action).slice(0, 3)).toEqual([
      'restore',
      'delete',
      'publish'
    ]);
  });
});
