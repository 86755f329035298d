import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { DemoScheduleError } from '../demo/demoProgramme.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { loadDemoIfEmpty } from './demoService.js';

describe.each(testDatabaseTargets())('loading the demo on $name', (target) => {
  let database: Database;
  let programmes: ProgrammeRepository;

  beforeAll(async () => {
    database = await target.open();
    programmes = new ProgrammeRepository(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stops with the demo file’s problem and stores nothing', async () => {
    const missing = new URL('../demo/no-such-demo.schedule.json', import.meta.url);
    await expect(loadDemoIfEmpty(programmes, missing)).rejects.toThrow(DemoScheduleError);
    expect(await programmes.hasAnyEdition()).toBe(false);
  });

  it('loads the published Seoul 2020 forum from its file into an empty database, under its own ids', async () => {
    expect(await loadDemoIfEmpty(programmes)).toBe('seoul-2020');
    const loaded = await programmes.loadProgramme('seoul-2020');
    const demo = seoul2020Programme();
    expect(loaded?.edition).toEqual(demo.edition);
    expect(loaded?.sessions.map((s) => s.id).sort()).toEqual(demo.sessions.map((s) => s.id).sort());
  });

  it('leaves a database that has an edition alone', async () => {
    expect(await loadDemoIfEmpty(programmes)).toBeNull();
  });
});
