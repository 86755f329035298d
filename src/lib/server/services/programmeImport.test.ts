import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { importFrabScheduleText } from '../../domain/imports/importFrabSchedule.js';
import { comparableProgramme } from '../../domain/imports/testing/comparableProgramme.js';
import { pretalxEvent, pretalxSchedule } from '../../domain/imports/testing/pretalxSchedule.js';
import type { Database } from '../db/database.js';
import { ProgrammeImportRepository } from '../db/programmeImportRepository.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { ProgrammeImport } from './programmeImport.js';

const admin: Actor = { id: 'ada', isAdmin: true, grants: [] };
const editionAdmin: Actor = {
  id: 'ed',
  isAdmin: false,
  grants: [{ editionId: seoul2020Programme().edition.id, role: 'admin' }]
};
/** Events of a schedule in every room but `room` of the first day. */
function eventCountOutside(schedule: ReturnType<typeof pretalxSchedule>, room: string): number {
  return schedule.schedule.conference.days.flatMap((day, index) =>
    Object.entries(day.rooms)
      .filter(([name]) => index > 0 || name !== room)
      .flatMap(([, events]) => events)
  ).length;
}
const exportOptions = { baseUrl: 'https://forum.example', locale: 'en' };

describe.each(testDatabaseTargets())('importing and exporting programmes ($name)', (target) => {
  let database: Database;
  let programmes: ProgrammeRepository;
  let service: ProgrammeImport;
  let seoulExport: string;

  const editionCount = async () => (await database.db.selectFrom('edition').select('id').execute()).length;
  const load = (slug: string) => programmes.loadProgramme(slug, { includeDrafts: true });

  beforeAll(async () => {
    database = await target.open();
    programmes = new ProgrammeRepository(database.db);
    await programmes.saveProgramme(seoul2020Programme());
    service = new ProgrammeImport(programmes, new ProgrammeImportRepository(database.db));
    const exported = await service.exportEdition(admin, 'seoul-2020', exportOptions);
    if (exported.status !== 'found') throw new Error(`export: ${exported.status}`);
    seoulExport = exported.body;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('exports drafts and every translation, as a file named after the edition', async () => {
    const exported = await service.exportEdition(admin, 'seoul-2020', exportOptions);
    expect(exported.status === 'found' && exported.filename).toBe('seoul-2020-schedule.json');
    const json = JSON.parse(seoulExport) as { schedule: { 'x-madang': { sessions: unknown[] } } };
    expect(json.schedule['x-madang'].sessions).toHaveLength(seoul2020Programme().sessions.length);
  });

  it('round-trips: the export imported as a new edition is the same programme, as a draft with its own ids', async () => {
    const imported = await service.importEdition(admin, {
      text: seoulExport,
      slug: 'seoul-2020-copy',
      zone: '',
      defaultLocale: ''
    });
    expect(imported).toMatchObject({ status: 'saved', slug: 'seoul-2020-copy', source: 'madang' });
    const original = (await load('seoul-2020'))!;
    const copy = (await load('seoul-2020-copy'))!;
    expect(comparableProgramme(copy, 'seoul-2020-copy-')).toEqual(comparableProgramme(original));
    expect(copy.edition.state).toBe('draft');
    expect(copy.series.id).toBe(original.series.id);
    expect(copy.sessions.every((s) => s.id.startsWith('seoul-2020-copy-'))).toBe(true);
    if (imported.status === 'saved') expect(imported.counts.sessions).toBe(original.sessions.length);

    const audit = await database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('edition_id', '=', copy.edition.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      record_type: 'edition',
      record_id: copy.edition.id,
      action: 'create',
      account_id: 'ada'
    });
  });

  it('exports the copy to the same programme again', async () => {
    const again = await service.exportEdition(admin, 'seoul-2020-copy', exportOptions);
    if (again.status !== 'found') throw new Error(again.status);
    const read = (text: string, prefix: string) => {
      const result = importFrabScheduleText(text, { editionId: 'x', slug: 'x', seriesId: 'x', idPrefix: '' });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return comparableProgramme(result.programme, prefix);
    };
    expect(read(again.body, 'seoul-2020-copy-')).toEqual(read(seoulExport, ''));
  });

  it('imports a plain pretalx file with the zone and language it does not need to state', async () => {
    const imported = await service.importEdition(admin, {
      text: JSON.stringify(pretalxSchedule()),
      slug: 'pretalx-2024',
      zone: 'Europe/Berlin',
      defaultLocale: 'de'
    });
    expect(imported).toMatchObject({ status: 'saved', source: 'frab' });
    const programme = (await load('pretalx-2024'))!;
    expect(programme.sessions.length).toBeGreaterThan(0);
    expect(programme.edition.state).toBe('draft');
    expect(programme.organisation.name).toEqual(programme.edition.title);
  });

  it('stores a programme larger than one insert statement takes, in chunks', async () => {
    const schedule = pretalxSchedule();
    const day = schedule.schedule.conference.days[0]!;
    const room = Object.keys(day.rooms)[0]!;
    day.rooms[room] = Array.from({ length: 2_500 }, (_, i) =>
      pretalxEvent({ id: 10_000 + i, title: `Lightning talk ${i}` })
    );
    const imported = await service.importEdition(admin, {
      text: JSON.stringify(schedule),
      slug: 'lightning',
      zone: '',
      defaultLocale: ''
    });
    expect(imported.status === 'saved' && imported.counts.sessions).toBe(2_500 + eventCountOutside(schedule, room));
    expect((await load('lightning'))!.sessions).toHaveLength(
      imported.status === 'saved' ? imported.counts.sessions : -1
    );
  });

  it('gives the copy fresh ids when the readable ones are in use by another edition', async () => {
    const clash = importFrabScheduleText(seoulExport, {
      editionId: 'clash',
      slug: 'clash-original',
      seriesId: seoul2020Programme().series.id,
      idPrefix: 'zz-'
    });
    if (!clash.ok) throw new Error('fixture');
    await programmes.saveProgramme(clash.programme);
    const imported = await service.importEdition(admin, {
      text: seoulExport,
      slug: 'clash',
      zone: '',
      defaultLocale: ''
    });
    expect(imported.status).toBe('saved');
    const copy = (await load('clash'))!;
    expect(copy.edition.id).toMatch(/^clash-[0-9a-f]{6}$/);
    expect(comparableProgramme(copy, `${copy.edition.id}-`)).toEqual(comparableProgramme((await load('seoul-2020'))!));
  });

  it('refuses bad files, bad fields, taken slugs and non-administrators, storing nothing', async () => {
    const before = await editionCount();
    const notJson = await service.importEdition(admin, {
      text: '{ "schedule": ',
      slug: 'broken',
      zone: '',
      defaultLocale: ''
    });
    expect(notJson.status === 'rejected' && notJson.errors[0]?.code).toBe('import.not_json');
    const wrongShape = await service.importEdition(admin, {
      text: '{"schedule":{"conference":{"days":"soon"}}}',
      slug: 'broken',
      zone: '',
      defaultLocale: ''
    });
    expect(wrongShape.status).toBe('rejected');
    if (wrongShape.status === 'rejected')
      expect(wrongShape.errors.map((e) => e.path).join(' ')).toContain('schedule.conference');
    expect(
      await service.importEdition(admin, { text: seoulExport, slug: 'seoul-2020', zone: '', defaultLocale: '' })
    ).toEqual({
      status: 'invalid',
      problems: [{ field: 'slug', code: 'import.slug_taken' }]
    });
    expect(
      await service.importEdition(admin, {
        text: '',
        slug: 'Console!',
        zone: 'Mars/Olympus',
        defaultLocale: 'not a tag'
      })
    ).toEqual({
      status: 'invalid',
      problems: [
        { field: 'slug', code: 'import.slug_invalid' },
        { field: 'zone', code: 'import.unknown_zone' },
        { field: 'defaultLocale', code: 'import.locale_invalid' },
        { field: 'file', code: 'import.file_missing' }
      ]
    });
    expect(
      await service.importEdition(editionAdmin, { text: seoulExport, slug: 'sneaky', zone: '', defaultLocale: '' })
    ).toEqual({ status: 'forbidden' });
    expect(await editionCount()).toBe(before);
  });

  it("lets only the edition's editors export it", async () => {
    const outsider: Actor = { id: 'out', isAdmin: false, grants: [{ editionId: 'elsewhere', role: 'admin' }] };
    expect(await service.exportEdition(outsider, 'seoul-2020', exportOptions)).toEqual({ status: 'forbidden' });
    expect(await service.exportEdition(admin, 'no-such-edition', exportOptions)).toEqual({ status: 'not_found' });
  });
});
