import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSpeaker, speakerInputSchema } from '../../domain/editing/speakerInput.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import type { Database } from './database.js';
import { ProgrammeItemEditRepository } from './programmeItemEditRepository.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { SpeakerEditRepository } from './speakerEditRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const facts = { defaultLocale: demo.edition.defaultLocale, cityIds: demo.cities.map((c) => c.id) };

function values(overrides: Record<string, unknown> = {}) {
  const parsed = speakerInputSchema.parse({
    name: { ko: '김지영', en: 'Kim Ji-young' },
    jobTitle: { en: 'Researcher' },
    organisation: {},
    bio: {},
    cityId: 'city-seoul',
    languages: ['ko', 'en'],
    presence: 'on_site',
    isIllustrative: false,
    ...overrides
  });
  const resolved = resolveSpeaker(parsed, facts);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return resolved.values;
}

describe.each(testDatabaseTargets())('editing speakers on $name', (target) => {
  let database: Database;
  let speakers: SpeakerEditRepository;
  let programmes: ProgrammeRepository;
  let audit: AuditRepository;
  const alice = { accountId: 'alice' };
  const bob = { accountId: 'bob' };

  beforeAll(async () => {
    database = await target.open();
    programmes = new ProgrammeRepository(database.db);
    speakers = new SpeakerEditRepository(database.db);
    audit = new AuditRepository(database.db);
    await programmes.saveProgramme(demo);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates a speaker with a readable id, logs it, and the programme lists them', async () => {
    const created = await speakers.create(editionId, values(), alice);
    expect(created.id).toMatch(/^kim-ji-young-[0-9a-f]{6}$/);
    expect(created).toMatchObject({ version: 1, languages: ['ko', 'en'], cityId: 'city-seoul', photoUrl: null });
    expect((await programmes.loadProgramme('seoul-2020'))!.speakers.map((s) => s.id)).toContain(created.id);
    expect((await audit.forRecord('speaker', created.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('saves a change based on the current version and refuses a stale one, keeping the first', async () => {
    const created = await speakers.create(editionId, values(), alice);
    const first = await speakers.update(editionId, created.id, 1, values({ presence: 'remote' }), alice);
    expect(first).toMatchObject({ status: 'saved', record: { presence: 'remote', version: 2 } });
    const stale = await speakers.update(editionId, created.id, 1, values({ name: { ko: '다른 이름' } }), bob);
    expect(stale).toMatchObject({
      status: 'conflict',
      current: { presence: 'remote', version: 2, name: { ko: '김지영' } }
    });
    const [latest] = await audit.forRecord('speaker', created.id);
    expect(latest).toMatchObject({
      action: 'update',
      accountId: 'alice',
      changes: { presence: { from: 'on_site', to: 'remote' } }
    });
  });

  it('sets and clears the photo under optimistic concurrency', async () => {
    const created = await speakers.create(editionId, values(), alice);
    const url = `/media/photos/${'a'.repeat(64)}.webp`;
    expect(await speakers.setPhoto(editionId, created.id, 1, url, alice)).toMatchObject({
      status: 'saved',
      record: { photoUrl: url, version: 2 }
    });
    expect((await speakers.setPhoto(editionId, created.id, 1, null, bob)).status).toBe('conflict');
    expect(await speakers.setPhoto(editionId, created.id, 2, null, bob)).toMatchObject({
      status: 'saved',
      record: { photoUrl: null }
    });
  });

  it('deletes softly: the speaker leaves the programme and its items, and restoring brings both back', async () => {
    const keynote = 'sokwoo-rhee';
    const onItems = (await programmes.loadProgramme('seoul-2020'))!.items
      .filter((i) => i.speakerIds.includes(keynote))
      .map((i) => i.id);
    expect(onItems.length).toBeGreaterThan(0);
    const current = (await speakers.find(editionId, keynote))!;

    expect((await speakers.remove(editionId, keynote, current.version, alice)).status).toBe('saved');
    const without = (await programmes.loadProgramme('seoul-2020'))!;
    expect(without.speakers.map((s) => s.id)).not.toContain(keynote);
    expect(without.items.flatMap((i) => i.speakerIds)).not.toContain(keynote);
    expect((await speakers.list(editionId, { deleted: true })).map((s) => s.id)).toContain(keynote);
    expect(await speakers.find(editionId, keynote)).toBeNull();

    // Editing an item meanwhile keeps the deleted speaker's link for the restore.
    const itemId = onItems[0]!;
    const session = without.items.find((i) => i.id === itemId)!.sessionId;
    const items = new ProgrammeItemEditRepository(database.db);
    const item = (await items.find({ editionId, sessionId: session }, itemId))!;
    expect(item.speakerIds).not.toContain(keynote);
    expect(
      (
        await items.update(
          { editionId, sessionId: session },
          itemId,
          item.version,
          { ...item, speakerIds: item.speakerIds },
          alice
        )
      ).status
    ).toBe('saved');

    const deleted = (await speakers.find(editionId, keynote, { deleted: true }))!;
    expect((await speakers.restore(editionId, keynote, deleted.version - 1, bob)).status).toBe('conflict');
    expect((await speakers.restore(editionId, keynote, deleted.version, bob)).status).toBe('saved');
    const back = (await programmes.loadProgramme('seoul-2020'))!;
    expect(back.items.filter((i) => i.speakerIds.includes(keynote)).map((i) => i.id)).toEqual(onItems);
    expect((await audit.forRecord('speaker', keynote)).map((e) => e.action)).toEqual(['restore', 'delete']);
  });

  it('counts the live programme items of each speaker', async () => {
    const counts = await speakers.itemCounts(editionId);
    expect(counts.get('sokwoo-rhee')).toBeGreaterThan(0);
  });

  it('finds nothing of another edition and changes nothing there', async () => {
    expect(await speakers.find('another-edition', 'sokwoo-rhee')).toBeNull();
    expect((await speakers.update('another-edition', 'sokwoo-rhee', 1, values(), alice)).status).toBe('not_found');
  });
});
