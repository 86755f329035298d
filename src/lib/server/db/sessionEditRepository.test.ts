import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSession, sessionInputSchema } from '../../domain/editing/sessionInput.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import type { Database } from './database.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { DayEditRepository } from './dayEditRepository.js';
import { SessionEditRepository } from './sessionEditRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const facts = {
  hostZone: demo.edition.hostZone,
  defaultLocale: demo.edition.defaultLocale,
  days: demo.days,
  stageIds: demo.stages.map((s) => s.id),
  channelIds: demo.channels.map((c) => c.id)
};

function values(overrides: Record<string, unknown> = {}) {
  const parsed = sessionInputSchema.parse({
    dayId: 'day-2',
    stageId: demo.stages[0]!.id,
    kind: 'conference_session',
    title: { ko: '새 세션', en: 'A new session' },
    summary: { en: 'What it is about' },
    startTime: '19:00',
    endTime: '19:30',
    channelIds: ['ch-site'],
    isIllustrative: false,
    ...overrides
  });
  const resolved = resolveSession(parsed, facts);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return resolved.values;
}

describe.each(testDatabaseTargets())('editing sessions on $name', (target) => {
  let database: Database;
  let sessions: SessionEditRepository;
  let programmes: ProgrammeRepository;
  let audit: AuditRepository;
  const alice = { accountId: 'alice' };
  const bob = { accountId: 'bob' };

  beforeAll(async () => {
    database = await target.open();
    programmes = new ProgrammeRepository(database.db);
    sessions = new SessionEditRepository(database.db);
    audit = new AuditRepository(database.db);
    await programmes.saveProgramme(demo);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates a draft that the public programme does not show until it is published', async () => {
    const created = await sessions.create(editionId, values(), alice);
    expect(created.state).toBe('draft');
    expect(created.version).toBe(1);
    expect(created.startsAt.toISOString()).toBe('2020-09-23T10:00:00.000Z');
    expect((await programmes.loadProgramme('seoul-2020'))!.sessions.some((s) => s.id === created.id)).toBe(false);

    const published = await sessions.setState(editionId, created.id, 1, 'published', alice);
    expect(published.status).toBe('saved');
    expect((await programmes.loadProgramme('seoul-2020'))!.sessions.some((s) => s.id === created.id)).toBe(true);
  });

  it('refuses a stale write and hands back the other person’s change', async () => {
    const created = await sessions.create(editionId, values({ title: { ko: '토론', en: 'Debate' } }), alice);
    const first = await sessions.update(
      editionId,
      created.id,
      1,
      values({ title: { ko: '토론', en: 'Open debate' } }),
      alice
    );
    expect(first.status).toBe('saved');
    const second = await sessions.update(
      editionId,
      created.id,
      1,
      values({ title: { ko: '토론', en: 'Closed debate' } }),
      bob
    );
    expect(second.status).toBe('conflict');
    expect(second.status === 'conflict' && second.current.title.en).toBe('Open debate');
    expect((await sessions.find(editionId, created.id))!.title.en).toBe('Open debate');
  });

  it('moves a session to another day and records it as a move', async () => {
    const created = await sessions.create(editionId, values({ title: { ko: '이동', en: 'Moving' } }), alice);
    const moved = await sessions.update(
      editionId,
      created.id,
      1,
      values({ dayId: 'day-1', title: { ko: '이동', en: 'Moving' } }),
      alice
    );
    expect(moved.status === 'saved' && moved.record.startsAt.toISOString()).toBe('2020-09-22T10:00:00.000Z');
    const [latest] = await audit.forRecord('session', created.id);
    expect(latest?.action).toBe('move');
    expect(latest?.changes).toHaveProperty('dayId', { from: 'day-2', to: 'day-1' });
  });

  it('deletes softly and restores the session as it was', async () => {
    const created = await sessions.create(editionId, values({ title: { ko: '삭제', en: 'To delete' } }), alice);
    const removed = await sessions.remove(editionId, created.id, 1, alice);
    expect(removed.status).toBe('saved');
    expect(await sessions.find(editionId, created.id)).toBeNull();
    expect((await sessions.listDeleted(editionId)).map((s) => s.id)).toContain(created.id);
    const restored = await sessions.restore(editionId, created.id, 2, alice);
    expect(restored.status === 'saved' && restored.record.title.en).toBe('To delete');
    expect(await sessions.find(editionId, created.id)).not.toBeNull();
  });

  it('refuses to restore a session onto a deleted day, changing nothing, until the day is back', async () => {
    const days = new DayEditRepository(database.db);
    await database.db.updateTable('edition').set({ ends_on: '2020-09-26' }).where('id', '=', editionId).execute();
    const day = await days.create(editionId, { date: '2020-09-26', title: { en: 'Extra day' } }, alice);
    const created = await sessions.create(
      editionId,
      {
        ...values(),
        dayId: day.id,
        startsAt: new Date('2020-09-26T01:00:00Z'),
        endsAt: new Date('2020-09-26T02:00:00Z')
      },
      alice
    );
    expect((await sessions.remove(editionId, created.id, 1, alice)).status).toBe('saved');
    expect((await days.remove(editionId, day.id, 1, alice)).status).toBe('saved');

    expect((await sessions.restore(editionId, created.id, 2, alice)).status).toBe('day_deleted');
    expect(await sessions.find(editionId, created.id)).toBeNull();
    expect((await sessions.find(editionId, created.id, { includeDeleted: true }))?.version).toBe(2);

    expect((await days.restore(editionId, day.id, 2, alice)).status).toBe('saved');
    expect((await sessions.restore(editionId, created.id, 2, alice)).status).toBe('saved');
  });

  it('keeps a log of who changed what, per record and per edition', async () => {
    const created = await sessions.create(editionId, values({ title: { ko: '기록', en: 'Logged' } }), alice);
    await sessions.update(editionId, created.id, 1, values({ title: { ko: '기록', en: 'Logged twice' } }), bob);
    const entries = await audit.forRecord('session', created.id);
    expect(entries.map((e) => [e.action, e.accountId])).toEqual([
      ['update', 'bob'],
      ['create', 'alice']
    ]);
    expect(entries[0]!.changes).toEqual({
      title: { from: { en: 'Logged', ko: '기록' }, to: { en: 'Logged twice', ko: '기록' } }
    });
    expect((await audit.forEdition(editionId)).length).toBeGreaterThanOrEqual(2);
  });

  it('reorders a day and refuses an order that does not match the day', async () => {
    const day1 = (await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.sessions.filter(
      (s) => s.dayId === 'day-1'
    );
    const reversed = day1.map((s) => s.id).reverse();
    expect(await sessions.reorder(editionId, 'day-1', reversed, alice)).toBe('saved');
    expect(await sessions.reorder(editionId, 'day-1', reversed.slice(1), alice)).toBe('mismatch');
    const after = (await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.sessions
      .filter((s) => s.dayId === 'day-1')
      .sort((a, b) => a.position - b.position)
      .map((s) => s.id);
    expect(after).toEqual(reversed);
  });

  it('answers unknown sessions and other editions with not_found', async () => {
    expect((await sessions.update(editionId, 'nope', 1, values(), alice)).status).toBe('not_found');
    expect((await sessions.update('other-edition', 'd2-keynote', 1, values(), alice)).status).toBe('not_found');
  });
});
