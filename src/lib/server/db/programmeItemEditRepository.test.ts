import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeItemInputSchema, resolveProgrammeItem } from '../../domain/editing/programmeItemInput.js';
import { itemsOfSession } from '../../domain/schedule.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import type { Database } from './database.js';
import { ProgrammeItemEditRepository, type ItemScope } from './programmeItemEditRepository.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const demo = seoul2020Programme();
const keynote = demo.sessions.find((s) => s.id === 'd2-keynote')!;
const scope: ItemScope = { editionId: demo.edition.id, sessionId: keynote.id };

function values(overrides: Record<string, unknown> = {}) {
  const parsed = programmeItemInputSchema.parse({
    title: { ko: '대담', en: 'Conversation' },
    summary: {},
    speakerIds: ['sokwoo-rhee'],
    startTime: null,
    endTime: null,
    isIllustrative: false,
    ...overrides
  });
  const resolved = resolveProgrammeItem(parsed, {
    hostZone: demo.edition.hostZone,
    defaultLocale: demo.edition.defaultLocale,
    sessionDate: '2020-09-23',
    sessionStartsAt: keynote.startsAt,
    sessionEndsAt: keynote.endsAt,
    speakerIds: demo.speakers.map((s) => s.id)
  });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return resolved.values;
}

describe.each(testDatabaseTargets())('editing programme items on $name', (target) => {
  let database: Database;
  let items: ProgrammeItemEditRepository;
  let programmes: ProgrammeRepository;
  let audit: AuditRepository;
  const alice = { accountId: 'alice' };
  const bob = { accountId: 'bob' };
  const publicItems = async () => itemsOfSession((await programmes.loadProgramme('seoul-2020'))!, keynote.id);

  beforeAll(async () => {
    database = await target.open();
    programmes = new ProgrammeRepository(database.db);
    items = new ProgrammeItemEditRepository(database.db);
    audit = new AuditRepository(database.db);
    await programmes.saveProgramme(demo);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('adds an item with its speakers, in order, at the end of the running order', async () => {
    const created = await items.create(scope, values({ speakerIds: ['spk-seoul', 'sokwoo-rhee'] }), alice);
    expect(created).toMatchObject({
      version: 1,
      speakerIds: ['spk-seoul', 'sokwoo-rhee'],
      title: { ko: '대담', en: 'Conversation' }
    });
    const shown = await publicItems();
    expect(shown.at(-1)).toMatchObject({ id: created!.id, speakerIds: ['spk-seoul', 'sokwoo-rhee'] });
    expect(created!.id).toMatch(/^conversation-[0-9a-f]{6}$/);
  });

  it('does not add items to a session of another edition or one that does not exist', async () => {
    expect(await items.create({ editionId: 'other', sessionId: keynote.id }, values(), alice)).toBeNull();
    expect(await items.create({ ...scope, sessionId: 'nope' }, values(), alice)).toBeNull();
  });

  it('updates the texts, times and speakers, and refuses a stale write with the other person’s change', async () => {
    const created = (await items.create(scope, values({ title: { ko: '토론', en: 'Debate' } }), alice))!;
    const first = await items.update(
      scope,
      created.id,
      1,
      values({ title: { ko: '토론', en: 'Open debate' }, speakerIds: [], startTime: '16:10', endTime: '16:20' }),
      alice
    );
    expect(first.status === 'saved' && first.record).toMatchObject({
      version: 2,
      speakerIds: [],
      startsAt: new Date('2020-09-23T07:10:00Z')
    });
    const second = await items.update(
      scope,
      created.id,
      1,
      values({ title: { ko: '토론', en: 'Closed debate' } }),
      bob
    );
    expect(second.status).toBe('conflict');
    expect(second.status === 'conflict' && second.current.title.en).toBe('Open debate');
    expect((await items.find(scope, created.id))!.title.en).toBe('Open debate');
  });

  it('deletes softly and restores the item with its speakers', async () => {
    const created = (await items.create(scope, values({ title: { ko: '삭제', en: 'To remove' } }), alice))!;
    expect((await items.remove(scope, created.id, 1, alice)).status).toBe('saved');
    expect(await items.find(scope, created.id)).toBeNull();
    expect((await publicItems()).map((i) => i.id)).not.toContain(created.id);
    expect((await items.listForSession(scope, { deleted: true })).map((i) => i.id)).toContain(created.id);
    expect((await items.remove(scope, created.id, 2, alice)).status).toBe('not_found');
    const restored = await items.restore(scope, created.id, 2, alice);
    expect(restored.status === 'saved' && restored.record.speakerIds).toEqual(['sokwoo-rhee']);
    expect((await publicItems()).map((i) => i.id)).toContain(created.id);
  });

  it('keeps a log of who changed what on each item, and dates the edition', async () => {
    const before = (await programmes.loadProgramme('seoul-2020'))!.edition.updatedAt;
    const created = (await items.create(scope, values({ title: { ko: '기록', en: 'Logged' } }), alice))!;
    await items.update(
      scope,
      created.id,
      1,
      values({ title: { ko: '기록', en: 'Logged' }, speakerIds: ['spk-seoul'] }),
      bob
    );
    const entries = await audit.forRecord('programme_item', created.id);
    expect(entries.map((e) => [e.action, e.accountId, e.editionId])).toEqual([
      ['update', 'bob', demo.edition.id],
      ['create', 'alice', demo.edition.id]
    ]);
    expect(entries[0]!.changes).toEqual({ speakerIds: { from: ['sokwoo-rhee'], to: ['spk-seoul'] } });
    expect((await programmes.loadProgramme('seoul-2020'))!.edition.updatedAt.getTime()).toBeGreaterThan(
      before.getTime()
    );
  });

  it('reorders a session’s items and refuses a list that is not exactly its items', async () => {
    const current = (await items.listForSession(scope)).map((i) => i.id);
    const reversed = [...current].reverse();
    expect(await items.reorder(scope, reversed, alice)).toBe('saved');
    expect((await items.listForSession(scope)).map((i) => i.id)).toEqual(reversed);
    expect(await items.reorder(scope, reversed.slice(1), alice)).toBe('mismatch');
    expect(await items.reorder(scope, [...reversed.slice(1), reversed[1]!], alice)).toBe('mismatch');
    expect((await audit.forRecord('session', keynote.id))[0]).toMatchObject({
      action: 'reorder',
      changes: { items: { from: current, to: reversed } }
    });
  });

  it('answers items of another session or edition with not_found, changing nothing', async () => {
    const created = (await items.create(scope, values(), alice))!;
    expect((await items.update({ ...scope, sessionId: 'd2-cases' }, created.id, 1, values(), bob)).status).toBe(
      'not_found'
    );
    expect((await items.update({ ...scope, editionId: 'other' }, created.id, 1, values(), bob)).status).toBe(
      'not_found'
    );
    expect((await items.remove(scope, 'nope', 1, bob)).status).toBe('not_found');
    expect((await items.find(scope, created.id))!.version).toBe(1);
  });
});
