import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeToFrabJson } from '../../domain/exports/frabSchedule.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import { channelEditRepository, type ChannelEditRepository } from './channelEditRepository.js';
import { cityEditRepository, type CityEditRepository } from './cityEditRepository.js';
import type { Database } from './database.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { SessionEditRepository } from './sessionEditRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const busan = {
  name: { ko: '부산', en: 'Busan' },
  summary: { en: 'A port city.' },
  country: 'KR',
  zone: 'Asia/Seoul',
  isIllustrative: false
};
const radio = { kind: 'other' as const, name: { ko: '라디오', en: 'Radio' }, url: 'https://radio.example/live' };

describe.each(testDatabaseTargets())('editing cities and channels on $name', (target) => {
  let database: Database;
  let cities: CityEditRepository;
  let channels: ChannelEditRepository;
  let programmes: ProgrammeRepository;
  let audit: AuditRepository;
  const alice = { accountId: 'alice' };
  const bob = { accountId: 'bob' };
  const published = async () => (await programmes.loadProgramme('seoul-2020'))!;

  beforeAll(async () => {
    database = await target.open();
    programmes = new ProgrammeRepository(database.db);
    cities = cityEditRepository(database.db);
    channels = channelEditRepository(database.db);
    audit = new AuditRepository(database.db);
    await programmes.saveProgramme(demo);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('adds a city at the end of the list, which the public cities list shows', async () => {
    const created = (await cities.create(editionId, busan, alice))!;
    expect(created).toMatchObject({ version: 1, country: 'KR', zone: 'Asia/Seoul', name: busan.name });
    expect(created.id).toMatch(/^busan-[0-9a-f]{6}$/);
    expect((await published()).cities.at(-1)).toMatchObject({ id: created.id, name: busan.name });
    expect(await cities.create('no-such-edition', busan, alice)).toBeNull();
  });

  it('updates a city and refuses a stale write with the other person’s change', async () => {
    const created = (await cities.create(editionId, { ...busan, name: { ko: '대구', en: 'Daegu' } }, alice))!;
    const first = await cities.update(
      editionId,
      created.id,
      1,
      { ...busan, name: { ko: '대구', en: 'Daegu City' }, country: null, zone: null },
      alice
    );
    expect(first.status === 'saved' && first.record).toMatchObject({ version: 2, country: null, zone: null });
    const stale = await cities.update(editionId, created.id, 1, { ...busan, name: { ko: '대구', en: 'Taegu' } }, bob);
    expect(stale.status === 'conflict' && stale.current.name.en).toBe('Daegu City');
    expect((await cities.find(editionId, created.id))!.name.en).toBe('Daegu City');
    expect((await cities.update('other-edition', created.id, 2, busan, bob)).status).toBe('not_found');
  });

  it('moves a city up and down the list without counting versions up', async () => {
    const order = async () => (await cities.list(editionId)).map((c) => c.id);
    const before = await order();
    const last = before.at(-1)!;
    const version = (await cities.find(editionId, last))!.version;
    expect(await cities.move(editionId, last, 'up', alice)).toBe('saved');
    expect(await order()).toEqual([...before.slice(0, -2), last, before.at(-2)]);
    expect((await published()).cities.map((c) => c.id)).toEqual(await order());
    expect(await cities.move(editionId, before[0]!, 'up', alice)).toBe('unchanged');
    expect(await cities.move(editionId, 'no-such-city', 'up', alice)).toBe('not_found');
    expect(await cities.move('other-edition', last, 'up', alice)).toBe('not_found');
    await cities.move(editionId, last, 'down', alice);
    expect(await order()).toEqual(before);
    expect((await cities.find(editionId, last))!.version).toBe(version);
    expect((await audit.forRecord('city', last))[0]).toMatchObject({
      action: 'reorder',
      editionId,
      changes: { order: { from: [...before.slice(0, -2), last, before.at(-2)], to: before } }
    });
  });

  it('deletes a city softly: its speakers show no city until it is restored', async () => {
    expect((await published()).speakers.find((s) => s.id === 'spk-helsinki')!.cityId).toBe('city-helsinki');
    expect((await cities.remove(editionId, 'city-helsinki', 1, alice)).status).toBe('saved');
    const without = await published();
    expect(without.cities.map((c) => c.id)).not.toContain('city-helsinki');
    expect(without.speakers.find((s) => s.id === 'spk-helsinki')!.cityId).toBeNull();
    expect((await cities.list(editionId, { deleted: true })).map((c) => c.id)).toEqual(['city-helsinki']);
    expect((await cities.remove(editionId, 'city-helsinki', 2, alice)).status).toBe('not_found');
    expect((await cities.restore(editionId, 'city-helsinki', 1, alice)).status).toBe('conflict');
    expect((await cities.restore(editionId, 'city-helsinki', 2, alice)).status).toBe('saved');
    expect((await published()).speakers.find((s) => s.id === 'spk-helsinki')!.cityId).toBe('city-helsinki');
  });

  it('adds and edits a channel, keeping its place in the list', async () => {
    const created = (await channels.create(editionId, radio, alice))!;
    expect(created).toMatchObject({ kind: 'other', url: 'https://radio.example/live', version: 1, position: 4 });
    const saved = await channels.update(
      editionId,
      created.id,
      1,
      { ...radio, kind: 'social', url: 'https://radio.example/social' },
      bob
    );
    expect(saved.status === 'saved' && saved.record).toMatchObject({
      kind: 'social',
      url: 'https://radio.example/social',
      position: 4
    });
    expect((await published()).channels.at(-1)).toMatchObject({ id: created.id, kind: 'social' });
    const entries = await audit.forRecord('channel', created.id);
    expect(entries.map((e) => [e.action, e.accountId])).toEqual([
      ['update', 'bob'],
      ['create', 'alice']
    ]);
    expect(entries[0]!.changes).toEqual({
      kind: { from: 'other', to: 'social' },
      url: { from: 'https://radio.example/live', to: 'https://radio.example/social' }
    });
  });

  it('takes a deleted channel off every session and export, keeps it through a session edit, and brings it back on restore', async () => {
    const keynote = () => published().then((p) => p.sessions.find((s) => s.id === 'd2-keynote')!);
    expect((await keynote()).channelIds).toContain('ch-tbs-youtube');
    expect((await channels.remove(editionId, 'ch-tbs-youtube', 1, alice)).status).toBe('saved');
    const programme = await published();
    expect(programme.channels.map((c) => c.id)).not.toContain('ch-tbs-youtube');
    expect(programme.sessions.every((s) => !s.channelIds.includes('ch-tbs-youtube'))).toBe(true);
    expect(
      JSON.stringify(programmeToFrabJson(programme, { baseUrl: 'https://forum.example', locale: 'en' }))
    ).not.toContain('tbstvseoul');

    // An editor saves the session meanwhile: the form only offers live channels.
    const sessions = new SessionEditRepository(database.db);
    const session = (await sessions.find(editionId, 'd2-keynote'))!;
    expect(session.channelIds).not.toContain('ch-tbs-youtube');
    const { id: _id, editionId: _e, version, state: _s, position: _p, ...values } = session;
    expect(
      (await sessions.update(editionId, 'd2-keynote', version, { ...values, channelIds: ['ch-site'] }, bob)).status
    ).toBe('saved');

    expect((await channels.restore(editionId, 'ch-tbs-youtube', 2, alice)).status).toBe('saved');
    expect((await keynote()).channelIds).toEqual(['ch-site', 'ch-tbs-youtube']);
  });
});
