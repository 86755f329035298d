import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

describe.each(testDatabaseTargets())('programme repository on $name', (target) => {
  let database: Database;
  let repository: ProgrammeRepository;

  beforeAll(async () => {
    database = await target.open();
    repository = new ProgrammeRepository(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('starts empty and migrated; migrating again changes nothing', async () => {
    expect(await repository.hasAnyEdition()).toBe(false);
    expect(await migrate(database.db)).toEqual([]);
  });

  it('stores the demo programme and reads back exactly the same programme', async () => {
    const demo = seoul2020Programme();
    await repository.saveProgramme(demo);
    const loaded = await repository.loadProgramme('seoul-2020');
    expect(loaded).not.toBeNull();
    const sortById = <T extends { id: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(loaded!.edition).toEqual(demo.edition);
    expect(loaded!.organisation).toEqual(demo.organisation);
    expect(sortById(loaded!.days)).toEqual(sortById(demo.days));
    expect(sortById(loaded!.sessions)).toEqual(sortById(demo.sessions));
    expect(sortById(loaded!.items)).toEqual(sortById(demo.items));
    expect(sortById(loaded!.speakers)).toEqual(sortById(demo.speakers));
    expect(sortById(loaded!.cities)).toEqual(sortById(demo.cities));
    expect(sortById(loaded!.channels)).toEqual(sortById(demo.channels));
    expect(sortById(loaded!.stages)).toEqual(sortById(demo.stages));
  });

  it('keeps drafts out of the public programme', async () => {
    const demo = seoul2020Programme();
    const draft = {
      ...demo,
      edition: { ...demo.edition, id: 'draft-2021', slug: 'draft-2021', state: 'draft' as const },
      days: [],
      sessions: [],
      items: [],
      speakers: [],
      cities: [],
      channels: [],
      stages: []
    };
    await repository.saveProgramme(draft);
    expect(await repository.loadProgramme('draft-2021')).toBeNull();
    expect((await repository.loadProgramme('draft-2021', { includeDrafts: true }))?.edition.slug).toBe('draft-2021');
    expect((await repository.listEditions()).map((e) => e.slug)).toEqual(['seoul-2020']);
  });

  it('writes nothing when any part of a programme is refused', async () => {
    const demo = seoul2020Programme();
    const broken = {
      ...demo,
      edition: { ...demo.edition, id: 'broken', slug: 'broken' },
      days: demo.days.map((d) => ({ ...d, id: `broken-${d.id}` })),
      // Same session ids as the stored demo: the insert fails half-way through.
      sessions: demo.sessions.map((s) => ({ ...s, dayId: `broken-${s.dayId}`, channelIds: [] })),
      items: [],
      speakers: [],
      cities: [],
      channels: [],
      stages: []
    };
    await expect(repository.saveProgramme(broken)).rejects.toThrow();
    expect(await repository.loadProgramme('broken', { includeDrafts: true })).toBeNull();
  });

  it('answers an unknown edition with null', async () => {
    expect(await repository.loadProgramme('no-such-edition')).toBeNull();
  });
});
