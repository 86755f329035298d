import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { itemsOfSession } from '../../domain/schedule.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import type { Database } from '../db/database.js';
import { ProgrammeItemEditRepository } from '../db/programmeItemEditRepository.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { SessionEditRepository } from '../db/sessionEditRepository.js';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { ProgrammeItemEditing } from './programmeItemEditing.js';
import { SessionEditing } from './sessionEditing.js';

const editionId = seoul2020Programme().edition.id;
const producer: Actor = { id: 'pat', isAdmin: false, grants: [{ editionId, role: 'producer' }] };
const moderator: Actor = { id: 'mo', isAdmin: false, grants: [{ editionId, role: 'moderator' }] };
const elsewhere: Actor = { id: 'el', isAdmin: false, grants: [{ editionId: 'other', role: 'admin' }] };

const form = {
  title: { ko: '포용적 스마트시티', en: 'The inclusive smart city' },
  summary: { en: 'A conversation by video.' },
  speakerIds: ['sokwoo-rhee'],
  startTime: null,
  endTime: null,
  isIllustrative: false
};

describe.each(testDatabaseTargets())('editing programme items through the service on $name', (target) => {
  let database: Database;
  let items: ProgrammeItemEditing;
  let sessions: SessionEditing;
  let programmes: ProgrammeRepository;
  const itemCount = async () => (await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.items.length;

  beforeAll(async () => {
    database = await target.open();
    programmes = new ProgrammeRepository(database.db);
    await programmes.saveProgramme(seoul2020Programme());
    items = new ProgrammeItemEditing(programmes, new ProgrammeItemEditRepository(database.db));
    sessions = new SessionEditing(programmes, new SessionEditRepository(database.db));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets a producer give a new draft session a speaker, which the public sees once it is published', async () => {
    const session = await sessions.create(producer, 'seoul-2020', {
      dayId: 'day-2',
      stageId: null,
      kind: 'talk_concert',
      title: { ko: '시민 대화', en: 'Citizens talk' },
      summary: {},
      startTime: '19:00',
      endTime: '19:45',
      channelIds: [],
      isIllustrative: false
    });
    if (session.status !== 'saved') throw new Error(session.status);
    const added = await items.create(producer, 'seoul-2020', session.session.id, {
      ...form,
      startTime: '19:05',
      endTime: '19:40'
    });
    expect(added.status === 'saved' && added.item).toMatchObject({
      speakerIds: ['sokwoo-rhee'],
      startsAt: new Date('2020-09-23T10:05:00Z')
    });
    expect(await programmes.loadProgramme('seoul-2020').then((p) => itemsOfSession(p!, session.session.id))).toEqual(
      []
    );
    await sessions.setState(producer, 'seoul-2020', session.session.id, 1, 'published');
    const published = (await programmes.loadProgramme('seoul-2020'))!;
    expect(itemsOfSession(published, session.session.id).map((i) => i.speakerIds)).toEqual([['sokwoo-rhee']]);
  });

  it('refuses people without the role, and roles on another edition, changing nothing', async () => {
    const before = await itemCount();
    expect((await items.create(moderator, 'seoul-2020', 'd2-keynote', form)).status).toBe('forbidden');
    expect((await items.create(elsewhere, 'seoul-2020', 'd2-keynote', form)).status).toBe('forbidden');
    expect((await items.update(moderator, 'seoul-2020', 'd2-keynote', 'd2-keynote-talk', 1, form)).status).toBe(
      'forbidden'
    );
    expect((await items.remove(moderator, 'seoul-2020', 'd2-keynote', 'd2-keynote-talk', 1)).status).toBe('forbidden');
    expect((await items.list(moderator, 'seoul-2020', 'd2-keynote')).status).toBe('forbidden');
    expect(await items.move(moderator, 'seoul-2020', 'd2-keynote', 'd2-keynote-talk', 'down')).toBe('forbidden');
    expect(await itemCount()).toBe(before);
  });

  it('reports bad input per field and stores nothing', async () => {
    const before = await itemCount();
    const wrongType = await items.create(producer, 'seoul-2020', 'd2-keynote', {
      ...form,
      speakerIds: 'sokwoo-rhee',
      isIllustrative: 'no'
    });
    expect(wrongType.status === 'invalid' && wrongType.problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual([
      'isIllustrative:programme_item.invalid_field',
      'speakerIds:programme_item.invalid_field'
    ]);
    const rules = await items.create(producer, 'seoul-2020', 'd2-keynote', {
      ...form,
      title: { en: 'English only' },
      speakerIds: ['nobody']
    });
    expect(rules.status === 'invalid' && rules.problems.map((p) => p.code).sort()).toEqual([
      'programme_item.title_required',
      'programme_item.unknown_speaker'
    ]);
    const oversized = await items.create(producer, 'seoul-2020', 'd2-keynote', {
      ...form,
      title: { ko: '가'.repeat(301) }
    });
    expect(oversized.status === 'invalid' && oversized.problems).toEqual([
      { field: 'title.ko', code: 'programme_item.invalid_field' }
    ]);
    expect((await items.create(producer, 'seoul-2020', 'd2-keynote', null)).status).toBe('invalid');
    expect(await itemCount()).toBe(before);
  });

  it('answers unknown editions, sessions and items with not_found', async () => {
    expect((await items.create(producer, 'no-such-edition', 'd2-keynote', form)).status).toBe('not_found');
    expect((await items.create(producer, 'seoul-2020', 'no-such-session', form)).status).toBe('not_found');
    expect((await items.update(producer, 'seoul-2020', 'd2-keynote', 'no-such-item', 1, form)).status).toBe(
      'not_found'
    );
    expect((await items.update(producer, 'seoul-2020', 'd2-cases', 'd2-keynote-talk', 1, form)).status).toBe(
      'not_found'
    );
    expect((await items.find(producer, 'seoul-2020', 'd2-keynote', 'no-such-item')).status).toBe('not_found');
  });

  it('hands back the current item on a stale write, removes and restores, and moves items', async () => {
    const created = await items.create(producer, 'seoul-2020', 'd2-keynote', {
      ...form,
      title: { ko: '질의응답', en: 'Questions' }
    });
    if (created.status !== 'saved') throw new Error(created.status);
    const id = created.item.id;
    expect(
      (
        await items.update(producer, 'seoul-2020', 'd2-keynote', id, 1, {
          ...form,
          title: { ko: '질의응답', en: 'Q&A' }
        })
      ).status
    ).toBe('saved');
    const stale = await items.update(producer, 'seoul-2020', 'd2-keynote', id, 1, {
      ...form,
      title: { ko: '질의응답', en: 'Questions!' }
    });
    expect(stale.status === 'conflict' && stale.current.title.en).toBe('Q&A');

    expect(await items.move(producer, 'seoul-2020', 'd2-keynote', id, 'up')).toBe('saved');
    const listed = await items.list(producer, 'seoul-2020', 'd2-keynote');
    expect(listed.status === 'found' && listed.items.map((i) => i.id)).toEqual([id, 'd2-keynote-talk']);
    expect(await items.move(producer, 'seoul-2020', 'd2-keynote', id, 'up')).toBe('unchanged');

    const found = await items.find(producer, 'seoul-2020', 'd2-keynote', id);
    const version = found.status === 'found' ? found.item.version : 0;
    expect(version).toBe(3); // created, updated, moved
    expect((await items.remove(producer, 'seoul-2020', 'd2-keynote', id, version)).status).toBe('saved');
    const afterRemove = await items.list(producer, 'seoul-2020', 'd2-keynote');
    expect(afterRemove.status === 'found' && afterRemove.deleted.map((i) => i.id)).toEqual([id]);
    expect((await items.restore(producer, 'seoul-2020', 'd2-keynote', id, version + 1)).status).toBe('saved');
  });
});
