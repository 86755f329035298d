import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import type { Database } from '../db/database.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { SessionEditRepository } from '../db/sessionEditRepository.js';
import { openDatabase } from '../db/database.js';
import { SessionEditing } from './sessionEditing.js';

const editionId = seoul2020Programme().edition.id;
const producer: Actor = { id: 'pat', isAdmin: false, grants: [{ editionId, role: 'producer' }] };
const moderator: Actor = { id: 'mo', isAdmin: false, grants: [{ editionId, role: 'moderator' }] };
const elsewhere: Actor = { id: 'el', isAdmin: false, grants: [{ editionId: 'other', role: 'admin' }] };

const form = {
  dayId: 'day-2',
  stageId: null,
  kind: 'talk_concert',
  title: { ko: '시민 대화', en: 'Citizens talk' },
  summary: {},
  startTime: '19:00',
  endTime: '19:45',
  channelIds: [],
  isIllustrative: false
};

describe('editing sessions through the service', () => {
  let database: Database;
  let editing: SessionEditing;
  let programmes: ProgrammeRepository;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    programmes = new ProgrammeRepository(database.db);
    await programmes.saveProgramme(seoul2020Programme());
    editing = new SessionEditing(programmes, new SessionEditRepository(database.db));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets a producer create and publish a session', async () => {
    const created = await editing.create(producer, 'seoul-2020', form);
    expect(created.status).toBe('saved');
    if (created.status !== 'saved') return;
    const published = await editing.setState(producer, 'seoul-2020', created.session.id, 1, 'published');
    expect(published.status).toBe('saved');
    expect((await programmes.loadProgramme('seoul-2020'))!.sessions.map((s) => s.id)).toContain(created.session.id);
  });

  it('refuses people without the role, and roles on another edition, changing nothing', async () => {
    const before = (await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.sessions.length;
    expect((await editing.create(moderator, 'seoul-2020', form)).status).toBe('forbidden');
    expect((await editing.create(elsewhere, 'seoul-2020', form)).status).toBe('forbidden');
    expect((await editing.setState(moderator, 'seoul-2020', 'd2-keynote', 1, 'draft')).status).toBe('forbidden');
    expect((await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.sessions.length).toBe(before);
  });

  it('reports bad input per field and stores nothing', async () => {
    const before = (await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.sessions.length;
    const wrongType = await editing.create(producer, 'seoul-2020', { ...form, startTime: 1900, kind: 'party' });
    expect(wrongType.status === 'invalid' && wrongType.problems.map((p) => p.field).sort()).toEqual([
      'kind',
      'startTime'
    ]);
    const rules = await editing.create(producer, 'seoul-2020', {
      ...form,
      endTime: '18:00',
      title: { en: 'English only' }
    });
    expect(rules.status === 'invalid' && rules.problems.map((p) => p.code).sort()).toEqual([
      'session.ends_before_start',
      'session.title_required'
    ]);
    expect((await editing.create(producer, 'seoul-2020', 'not an object')).status).toBe('invalid');
    expect((await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.sessions.length).toBe(before);
  });

  it('moves a session up and down its day, not past either end, and only for editors', async () => {
    const dayOne = async () =>
      (await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.sessions
        .filter((s) => s.dayId === 'day-1')
        .sort((a, b) => a.position - b.position)
        .map((s) => s.id);
    const [first, second] = await dayOne();
    expect(await editing.move(moderator, 'seoul-2020', second!, 'up')).toBe('forbidden');
    expect(await editing.move(producer, 'seoul-2020', second!, 'up')).toBe('saved');
    expect((await dayOne()).slice(0, 2)).toEqual([second, first]);
    expect(await editing.move(producer, 'seoul-2020', second!, 'up')).toBe('unchanged');
    expect(await editing.move(producer, 'seoul-2020', 'nope', 'down')).toBe('not_found');
  });

  it('moves a session to another day at the same host-zone times, to the end of that day, with a stale version refused', async () => {
    const demo = seoul2020Programme();
    const keynote = demo.sessions.find((s) => s.id === 'd2-keynote')!;
    const dayOneBefore = (await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.sessions.filter(
      (s) => s.dayId === 'day-1'
    );
    expect((await editing.moveToDay(moderator, 'seoul-2020', keynote.id, keynote.version, 'day-1')).status).toBe(
      'forbidden'
    );
    expect((await editing.moveToDay(producer, 'seoul-2020', keynote.id, keynote.version, 'day-2')).status).toBe(
      'unchanged'
    );
    expect((await editing.moveToDay(producer, 'seoul-2020', keynote.id, keynote.version, 'day-9')).status).toBe(
      'invalid'
    );
    expect((await editing.moveToDay(producer, 'seoul-2020', keynote.id, keynote.version + 5, 'day-1')).status).toBe(
      'conflict'
    );
    const moved = await editing.moveToDay(producer, 'seoul-2020', keynote.id, keynote.version, 'day-1');
    if (moved.status !== 'saved') throw new Error(moved.status);
    expect(moved.session.dayId).toBe('day-1');
    // Seoul has no daylight saving time: one day earlier is exactly 24 hours earlier.
    expect(keynote.startsAt.getTime() - moved.session.startsAt.getTime()).toBe(24 * 3600_000);
    expect(moved.session.endsAt.getTime() - moved.session.startsAt.getTime()).toBe(
      keynote.endsAt.getTime() - keynote.startsAt.getTime()
    );
    expect(moved.session.position).toBeGreaterThan(Math.max(...dayOneBefore.map((s) => s.position)));
    expect(moved.session.version).toBe(keynote.version + 1);
  });

  it('shows editors the whole programme with drafts and deleted sessions, and no one else', async () => {
    const created = await editing.create(producer, 'seoul-2020', {
      ...form,
      title: { ko: '지운 세션', en: 'Deleted one' }
    });
    if (created.status !== 'saved') throw new Error(created.status);
    await editing.remove(producer, 'seoul-2020', created.session.id, 1);
    const draft = await editing.create(producer, 'seoul-2020', { ...form, title: { ko: '초안', en: 'A draft' } });
    if (draft.status !== 'saved') throw new Error(draft.status);
    const view = await editing.editorView(producer, 'seoul-2020');
    expect(view.status === 'found' && view.deleted.map((s) => s.id)).toContain(created.session.id);
    expect(view.status === 'found' && view.programme.sessions.find((s) => s.id === draft.session.id)?.state).toBe(
      'draft'
    );
    expect((await editing.editorView(moderator, 'seoul-2020')).status).toBe('forbidden');
    expect((await editing.editorView(producer, 'no-such-edition')).status).toBe('not_found');
  });

  it('answers an unknown edition with not_found', async () => {
    expect((await editing.create(producer, 'no-such-edition', form)).status).toBe('not_found');
  });
});
