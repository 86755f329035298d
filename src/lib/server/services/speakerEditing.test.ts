import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { openDatabase, type Database } from '../db/database.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { SpeakerEditRepository } from '../db/speakerEditRepository.js';
import { processSpeakerPhoto } from '../media/speakerPhoto.js';
import { MemoryPhotoStore } from '../storage/photoStore.js';
import { SpeakerEditing } from './speakerEditing.js';

const editionId = seoul2020Programme().edition.id;
const producer: Actor = { id: 'pat', isAdmin: false, grants: [{ editionId, role: 'producer' }] };
const moderator: Actor = { id: 'mo', isAdmin: false, grants: [{ editionId, role: 'moderator' }] };

const form = {
  name: { ko: '박서연', en: 'Park Seo-yeon' },
  jobTitle: {},
  organisation: { en: 'Seoul Digital Foundation' },
  bio: {},
  cityId: null,
  languages: ['ko'],
  presence: 'on_site',
  isIllustrative: false
};

class CountingStore extends MemoryPhotoStore {
  puts = 0;
  override put(...args: Parameters<MemoryPhotoStore['put']>) {
    this.puts++;
    return super.put(...args);
  }
}

describe('editing speakers through the service', () => {
  let database: Database;
  let editing: SpeakerEditing;
  let programmes: ProgrammeRepository;
  let store: CountingStore;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    programmes = new ProgrammeRepository(database.db);
    await programmes.saveProgramme(seoul2020Programme());
    store = new CountingStore();
    editing = new SpeakerEditing(programmes, new SpeakerEditRepository(database.db), store, processSpeakerPhoto);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets a producer create a speaker, and lists them', async () => {
    const created = await editing.create(producer, 'seoul-2020', form);
    expect(created.status).toBe('saved');
    const listed = await editing.list(producer, 'seoul-2020');
    expect(listed.status === 'found' && listed.speakers.some((s) => s.name.en === 'Park Seo-yeon')).toBe(true);
  });

  it('refuses people without the role and unknown editions, changing nothing', async () => {
    const before = (await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.speakers.length;
    expect((await editing.create(moderator, 'seoul-2020', form)).status).toBe('forbidden');
    expect((await editing.list(moderator, 'seoul-2020')).status).toBe('forbidden');
    expect((await editing.remove(moderator, 'seoul-2020', 'sokwoo-rhee', 1)).status).toBe('forbidden');
    expect((await editing.replacePhoto(moderator, 'seoul-2020', 'sokwoo-rhee', 1, new Uint8Array(10))).status).toBe(
      'forbidden'
    );
    expect((await editing.create(producer, 'no-such-edition', form)).status).toBe('not_found');
    expect((await programmes.loadProgramme('seoul-2020', { includeDrafts: true }))!.speakers.length).toBe(before);
  });

  it('reports bad input per field: oversized name, unknown city, a wrong language tag, a wrong presence', async () => {
    const result = await editing.create(producer, 'seoul-2020', {
      ...form,
      name: { ko: 'x'.repeat(201) },
      presence: 'hologram'
    });
    expect(result).toMatchObject({
      status: 'invalid',
      problems: expect.arrayContaining([
        { field: 'name.ko', code: 'speaker.invalid_field' },
        { field: 'presence', code: 'speaker.invalid_field' }
      ])
    });
    expect(
      await editing.create(producer, 'seoul-2020', { ...form, cityId: 'city-atlantis', languages: ['klingon!'] })
    ).toEqual({
      status: 'invalid',
      problems: [
        { field: 'cityId', code: 'speaker.unknown_city' },
        { field: 'languages', code: 'speaker.invalid_language' }
      ]
    });
  });

  it('stores an uploaded JPEG as WebP and points the speaker at it', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } })
      .jpeg()
      .toBuffer();
    const result = await editing.replacePhoto(producer, 'seoul-2020', 'sokwoo-rhee', 1, new Uint8Array(jpeg));
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.speaker.photoUrl).toMatch(/^\/media\/photos\/[0-9a-f]{64}\.webp$/);
    const stored = await store.get(result.speaker.photoUrl!.split('/').pop()!);
    expect((await sharp(stored!.bytes).metadata()).format).toBe('webp');
  });

  it('stores nothing for a file that is not a photo, or an upload based on a stale version', async () => {
    const before = store.puts;
    const text = await editing.replacePhoto(
      producer,
      'seoul-2020',
      'sokwoo-rhee',
      2,
      new TextEncoder().encode('not an image at all')
    );
    expect(text).toEqual({ status: 'invalid', problems: [{ field: 'photo', code: 'photo.not_an_image' }] });
    expect((await editing.replacePhoto(producer, 'seoul-2020', 'sokwoo-rhee', 2, null)).status).toBe('invalid');
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    expect((await editing.replacePhoto(producer, 'seoul-2020', 'sokwoo-rhee', 1, new Uint8Array(jpeg))).status).toBe(
      'conflict'
    );
    expect(store.puts).toBe(before);
  });

  it('removes the photo', async () => {
    const result = await editing.removePhoto(producer, 'seoul-2020', 'sokwoo-rhee', 2);
    expect(result).toMatchObject({ status: 'saved', speaker: { photoUrl: null, version: 3 } });
  });
});
