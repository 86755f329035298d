import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { channelEditRepository } from '../db/channelEditRepository.js';
import { cityEditRepository } from '../db/cityEditRepository.js';
import type { Database } from '../db/database.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { PlaceEditing } from './placeEditing.js';
import { channelRules, cityRules, type ChannelEditing, type CityEditing } from './places.js';

const editionId = seoul2020Programme().edition.id;
const producer: Actor = { id: 'pat', isAdmin: false, grants: [{ editionId, role: 'producer' }] };
const moderator: Actor = { id: 'mo', isAdmin: false, grants: [{ editionId, role: 'moderator' }] };
const elsewhere: Actor = { id: 'el', isAdmin: false, grants: [{ editionId: 'other', role: 'admin' }] };

const cityForm = {
  name: { ko: '부산', en: 'Busan' },
  summary: {},
  country: 'kr',
  zone: 'Asia/Seoul',
  isIllustrative: false
};
const channelForm = { kind: 'youtube', name: { ko: '유튜브', en: 'YouTube' }, url: 'https://www.youtube.com/@forum' };

describe.each(testDatabaseTargets())('editing cities and channels through the services on $name', (target) => {
  let database: Database;
  let programmes: ProgrammeRepository;
  let cities: CityEditing;
  let channels: ChannelEditing;
  const counts = async () => {
    const p = (await programmes.loadProgramme('seoul-2020'))!;
    return `${p.cities.length}/${p.channels.length}`;
  };

  beforeAll(async () => {
    database = await target.open();
    programmes = new ProgrammeRepository(database.db);
    await programmes.saveProgramme(seoul2020Programme());
    cities = new PlaceEditing(programmes, cityEditRepository(database.db), cityRules);
    channels = new PlaceEditing(programmes, channelEditRepository(database.db), channelRules);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets a producer add a city and a channel', async () => {
    const city = await cities.create(producer, 'seoul-2020', cityForm);
    expect(city.status === 'saved' && city.record).toMatchObject({ country: 'KR', zone: 'Asia/Seoul' });
    const channel = await channels.create(producer, 'seoul-2020', channelForm);
    expect(channel.status === 'saved' && channel.record).toMatchObject({
      kind: 'youtube',
      url: 'https://www.youtube.com/@forum'
    });
    const listed = await cities.list(producer, 'seoul-2020');
    expect(listed.status === 'found' && listed.records.at(-1)!.name.en).toBe('Busan');
  });

  it('refuses people without the role, and roles on another edition, changing nothing', async () => {
    const before = await counts();
    for (const actor of [moderator, elsewhere]) {
      expect((await cities.create(actor, 'seoul-2020', cityForm)).status).toBe('forbidden');
      expect((await channels.create(actor, 'seoul-2020', channelForm)).status).toBe('forbidden');
      expect((await cities.update(actor, 'seoul-2020', 'city-seoul', 1, cityForm)).status).toBe('forbidden');
      expect((await channels.remove(actor, 'seoul-2020', 'ch-site', 1)).status).toBe('forbidden');
      expect((await cities.restore(actor, 'seoul-2020', 'city-seoul', 1)).status).toBe('forbidden');
      expect(await channels.move(actor, 'seoul-2020', 'ch-site', 'down')).toBe('forbidden');
      expect((await cities.list(actor, 'seoul-2020')).status).toBe('forbidden');
      expect((await channels.find(actor, 'seoul-2020', 'ch-site')).status).toBe('forbidden');
    }
    expect(await counts()).toBe(before);
  });

  it('reports bad input per field with its own codes, and stores nothing', async () => {
    const before = await counts();
    const wrongType = await cities.create(producer, 'seoul-2020', { ...cityForm, country: 7, isIllustrative: 'no' });
    expect(wrongType.status === 'invalid' && wrongType.problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual([
      'country:city.invalid_field',
      'isIllustrative:city.invalid_field'
    ]);
    const rules = await cities.create(producer, 'seoul-2020', {
      ...cityForm,
      name: { en: 'Busan' },
      country: 'ZZ',
      zone: 'Asia/Busan'
    });
    expect(rules.status === 'invalid' && rules.problems.map((p) => p.code)).toEqual([
      'city.name_required',
      'city.unknown_country',
      'city.unknown_zone'
    ]);
    const oversized = await channels.create(producer, 'seoul-2020', { ...channelForm, name: { ko: '가'.repeat(201) } });
    expect(oversized.status === 'invalid' && oversized.problems).toEqual([
      { field: 'name.ko', code: 'channel.invalid_field' }
    ]);
    const script = await channels.create(producer, 'seoul-2020', { ...channelForm, url: 'javascript:alert(1)' });
    expect(script.status === 'invalid' && script.problems).toEqual([{ field: 'url', code: 'channel.url_scheme' }]);
    expect((await channels.create(producer, 'seoul-2020', { ...channelForm, kind: 'radio' })).status).toBe('invalid');
    expect((await cities.create(producer, 'seoul-2020', null)).status).toBe('invalid');
    expect(await counts()).toBe(before);
  });

  it('answers unknown editions and records with not_found', async () => {
    expect((await cities.create(producer, 'no-such-edition', cityForm)).status).toBe('not_found');
    expect((await cities.update(producer, 'seoul-2020', 'no-such-city', 1, cityForm)).status).toBe('not_found');
    expect((await channels.remove(producer, 'seoul-2020', 'no-such-channel', 1)).status).toBe('not_found');
    expect((await channels.find(producer, 'seoul-2020', 'no-such-channel')).status).toBe('not_found');
    expect(await cities.move(producer, 'seoul-2020', 'no-such-city', 'up')).toBe('not_found');
  });

  it('hands back the current record on a stale write, deletes, restores and moves', async () => {
    const saved = await channels.update(producer, 'seoul-2020', 'ch-live-seoul', 1, {
      ...channelForm,
      kind: 'social',
      name: { ko: '라이브 서울' }
    });
    expect(saved.status).toBe('saved');
    const stale = await channels.update(producer, 'seoul-2020', 'ch-live-seoul', 1, channelForm);
    expect(stale.status === 'conflict' && stale.current.name).toEqual({ ko: '라이브 서울' });
    expect((await channels.remove(producer, 'seoul-2020', 'ch-live-seoul', 2)).status).toBe('saved');
    const listed = await channels.list(producer, 'seoul-2020');
    expect(listed.status === 'found' && listed.deleted.map((c) => c.id)).toEqual(['ch-live-seoul']);
    expect((await channels.restore(producer, 'seoul-2020', 'ch-live-seoul', 3)).status).toBe('saved');
    expect(await channels.move(producer, 'seoul-2020', 'ch-site', 'up')).toBe('unchanged');
    expect(await channels.move(producer, 'seoul-2020', 'ch-site', 'down')).toBe('saved');
  });
});
