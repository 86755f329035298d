import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import type { Database } from './database.js';
import { DayEditRepository } from './dayEditRepository.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const alice = { accountId: 'alice' };

describe.each(testDatabaseTargets())('editing days on $name', (target) => {
  let database: Database;
  let days: DayEditRepository;
  let programmes: ProgrammeRepository;
  let audit: AuditRepository;

  beforeAll(async () => {
    database = await target.open();
    days = new DayEditRepository(database.db);
    programmes = new ProgrammeRepository(database.db);
    audit = new AuditRepository(database.db);
    await programmes.saveProgramme(demo);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('adds a day after the others, listed by date, with its audit entry', async () => {
    const added = await days.create(
      editionId,
      { date: demo.edition.startsOn, title: { ko: '사전 행사', en: 'Pre-event' } },
      alice
    );
    expect(added.version).toBe(1);
    expect(added.position).toBeGreaterThan(Math.max(...demo.days.map((d) => d.position)));
    const listed = await days.list(editionId);
    expect(listed.map((d) => d.date)).toEqual([...listed.map((d) => d.date)].sort());
    expect((await audit.forRecord('day', added.id)).map((e) => e.action)).toEqual(['create']);
    expect((await programmes.loadProgramme('seoul-2020'))!.days.map((d) => d.id)).toContain(added.id);
  });

  it('edits a day under optimistic concurrency', async () => {
    const day = (await days.list(editionId)).find((d) => d.title.en === 'Pre-event')!;
    const saved = await days.update(
      editionId,
      day.id,
      day.version,
      { date: day.date, title: { ko: '사전 행사', en: 'Opening eve' } },
      alice
    );
    expect(saved.status === 'saved' && saved.record.version).toBe(day.version + 1);
    expect(
      await days.update(editionId, day.id, day.version, { date: day.date, title: { ko: '덮어쓰기' } }, alice)
    ).toMatchObject({
      status: 'conflict',
      current: { title: { en: 'Opening eve' } }
    });
    expect(await days.update(editionId, 'no-such-day', 1, { date: day.date, title: { ko: 'x' } }, alice)).toEqual({
      status: 'not_found'
    });
  });

  it('refuses to delete a day with live sessions or to move its date, and deletes and restores an empty one', async () => {
    const busy = (await days.list(editionId)).find((d) => d.id === demo.days[0]!.id)!;
    const liveCount = demo.sessions.filter((s) => s.dayId === busy.id).length;
    expect(await days.remove(editionId, busy.id, busy.version, alice)).toEqual({
      status: 'refused',
      code: 'day.has_sessions',
      count: liveCount
    });
    expect(
      await days.update(editionId, busy.id, busy.version, { date: demo.edition.endsOn, title: busy.title }, alice)
    ).toMatchObject({
      code: 'day.date_has_sessions'
    });
    const empty = (await days.list(editionId)).find((d) => d.title.en === 'Opening eve')!;
    expect((await days.remove(editionId, empty.id, empty.version, alice)).status).toBe('saved');
    expect((await days.list(editionId)).map((d) => d.id)).not.toContain(empty.id);
    const [deleted] = await days.list(editionId, { deleted: true });
    expect(deleted?.id).toBe(empty.id);
    expect((await days.restore(editionId, empty.id, deleted!.version, alice)).status).toBe('saved');
    expect((await audit.forRecord('day', empty.id)).map((e) => e.action).slice(0, 2)).toEqual(['restore', 'delete']);
  });

  it('reorders the days, refusing a list that is not exactly the live days', async () => {
    const ids = (await days.list(editionId)).map((d) => d.id);
    expect(await days.reorder(editionId, ids.slice(1), alice)).toBe('mismatch');
    expect(await days.reorder(editionId, [...ids].reverse(), alice)).toBe('saved');
    const positions = (await days.list(editionId, {})).map((d) => [d.id, d.position]);
    expect(Object.fromEntries(positions)[ids[0]!]).toBe(ids.length - 1);
    expect((await audit.forRecord('edition', editionId))[0]!.action).toBe('reorder');
  });
});
