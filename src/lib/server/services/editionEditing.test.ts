import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/database.js';
import { DayEditRepository } from '../db/dayEditRepository.js';
import { EditionEditRepository } from '../db/editionEditRepository.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { DayEditing } from './dayEditing.js';
import { EditionEditing } from './editionEditing.js';

const demoId = seoul2020Programme().edition.id;
const admin: Actor = { id: 'ada', isAdmin: true, grants: [] };
const producer: Actor = { id: 'pat', isAdmin: false, grants: [{ editionId: demoId, role: 'producer' }] };
const moderator: Actor = { id: 'mo', isAdmin: false, grants: [{ editionId: demoId, role: 'moderator' }] };

const form = (overrides: Record<string, unknown> = {}) => ({
  slug: 'seoul-2021',
  title: { ko: '2021 포럼', en: '2021 Forum' },
  theme: {},
  summary: {},
  hostZone: 'Asia/Seoul',
  locales: ['ko', 'en'],
  defaultLocale: 'ko',
  startsOn: '2021-09-01',
  endsOn: '2021-09-02',
  ...overrides
});
const codes = (result: { status: string; problems?: readonly { code: string }[] }) =>
  (result.problems ?? []).map((p) => p.code).sort();

describe('editions and days through their services', () => {
  let database: Database;
  let editions: EditionEditing;
  let days: DayEditing;
  let programmes: ProgrammeRepository;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    programmes = new ProgrammeRepository(database.db);
    await programmes.saveProgramme(seoul2020Programme());
    const editionRepository = new EditionEditRepository(database.db);
    editions = new EditionEditing(programmes, editionRepository);
    days = new DayEditing(editionRepository, new DayEditRepository(database.db));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets only instance administrators create editions', async () => {
    expect((await editions.create(producer, form())).status).toBe('forbidden');
    const created = await editions.create(admin, form());
    expect(created.status === 'saved' && created.edition.state).toBe('draft');
    expect(await editions.create(admin, form())).toMatchObject({
      status: 'invalid',
      problems: [{ field: 'slug', code: 'edition.slug_taken' }]
    });
  });

  it('reports bad input per field and stores nothing', async () => {
    const before = (await programmes.listEditions({ includeDrafts: true })).length;
    const wrong = await editions.create(admin, form({ slug: 'x y', title: { en: 'x'.repeat(201) }, startsOn: 'soon' }));
    expect(wrong.status === 'invalid' && wrong.problems.map((p) => p.field).sort()).toEqual([
      'slug',
      'startsOn',
      'title.en'
    ]);
    expect(
      codes(await editions.create(admin, form({ slug: 'zz-2021', hostZone: 'Asia/Atlantis', endsOn: '2021-08-01' })))
    ).toEqual(['edition.ends_before_start', 'edition.unknown_zone']);
    expect((await editions.create(admin, 'not an object')).status).toBe('invalid');
    expect((await programmes.listEditions({ includeDrafts: true })).length).toBe(before);
  });

  it('adds days inside the edition and refuses dates that would leave them out', async () => {
    expect((await days.create(moderator, 'seoul-2021', { date: '2021-09-01', title: { ko: '첫날' } })).status).toBe(
      'forbidden'
    );
    expect(codes(await days.create(admin, 'seoul-2021', { date: '2021-09-05', title: { ko: '밖' } }))).toEqual([
      'day.outside_edition'
    ]);
    const day = await days.create(admin, 'seoul-2021', { date: '2021-09-02', title: { ko: '둘째 날', en: 'Day two' } });
    expect(day.status).toBe('saved');
    const edition = await editions.settingsView(admin, 'seoul-2021');
    if (edition.status !== 'found') throw new Error('not found');
    const refused = await editions.update(
      admin,
      'seoul-2021',
      edition.programme.edition.version,
      form({ endsOn: '2021-09-01' })
    );
    expect(refused).toMatchObject({
      status: 'invalid',
      problems: [{ code: 'edition.days_outside_dates', detail: [{ value: '2021-09-02' }] }]
    });
  });

  it('refuses to drop a language that still has texts, naming it and the count', async () => {
    const view = await editions.settingsView(admin, 'seoul-2021');
    if (view.status !== 'found') throw new Error('not found');
    const result = await editions.update(
      admin,
      'seoul-2021',
      view.programme.edition.version,
      form({ locales: ['ko'], title: { ko: '2021 포럼' } })
    );
    expect(result).toMatchObject({
      status: 'invalid',
      problems: [{ code: 'edition.locale_has_translations', detail: [{ value: 'en', count: 1 }] }]
    });
  });

  it('saves settings, refuses a stale version, publishes only for publishers, deletes and restores only for administrators', async () => {
    const view = await editions.settingsView(admin, 'seoul-2021');
    if (view.status !== 'found') throw new Error('not found');
    const version = view.programme.edition.version;
    expect((await editions.update(admin, 'seoul-2021', version, form({ theme: { en: 'Open' } }))).status).toBe('saved');
    expect(await editions.update(admin, 'seoul-2021', version, form())).toMatchObject({
      status: 'conflict',
      current: { theme: { en: 'Open' } }
    });
    expect((await editions.update(producer, 'seoul-2021', version + 1, form())).status).toBe('forbidden');
    expect((await editions.setState(moderator, 'seoul-2020', 1, 'draft')).status).toBe('forbidden');
    expect((await editions.setState(admin, 'seoul-2021', version + 1, 'published')).status).toBe('saved');
    expect(await programmes.loadProgramme('seoul-2021')).not.toBeNull();
    expect((await editions.remove(producer, 'seoul-2020', 1)).status).toBe('forbidden');
    expect((await editions.remove(admin, 'seoul-2021', version + 2)).status).toBe('saved');
    expect(await programmes.loadProgramme('seoul-2021', { includeDrafts: true })).toBeNull();
    expect((await editions.listDeleted(producer)).length).toBe(0);
    const [deleted] = await editions.listDeleted(admin);
    expect((await editions.restore(producer, 'seoul-2021', deleted!.version)).status).toBe('forbidden');
    expect((await editions.restore(admin, 'seoul-2021', deleted!.version)).status).toBe('saved');
  });

  it('refuses to delete a day with live sessions, and moves days only among those of their date', async () => {
    const view = await days.view(producer, 'seoul-2020');
    if (view.status !== 'found') throw new Error('not found');
    const busy = view.days[0]!;
    expect(await days.remove(producer, 'seoul-2020', busy.id, busy.version)).toMatchObject({
      status: 'invalid',
      problems: [{ code: 'day.has_sessions' }]
    });
    expect(await days.move(producer, 'seoul-2020', busy.id, 'up')).toBe('unchanged');
    expect(await days.move(producer, 'seoul-2020', 'no-such-day', 'up')).toBe('not_found');
    expect(
      (await days.update(producer, 'seoul-2020', 'no-such-day', 1, { date: busy.date, title: { ko: 'x' } })).status
    ).toBe('not_found');
    expect(
      (await days.update(producer, 'seoul-2020', busy.id, busy.version, { date: busy.date, title: 'x' })).status
    ).toBe('invalid');
  });
});
