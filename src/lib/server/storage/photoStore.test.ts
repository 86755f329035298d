import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FilePhotoStore, MemoryPhotoStore, type PhotoStore, type PhotoToStore } from './photoStore.js';

/** The store does not look inside photos, so any bytes will do; the hash must match them. */
function photoOf(content: string): PhotoToStore {
  const bytes = new TextEncoder().encode(content);
  return { bytes, type: 'image/webp', sha256: createHash('sha256').update(bytes).digest('hex') };
}

const directories: string[] = [];
async function freshDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'madang-photos-'));
  directories.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

// One contract, every adapter: a service must not be able to tell them apart.
describe.each([
  ['FilePhotoStore', async (): Promise<PhotoStore> => new FilePhotoStore(join(await freshDirectory(), 'photos'))],
  ['MemoryPhotoStore', (): Promise<PhotoStore> => Promise.resolve(new MemoryPhotoStore())]
])('%s', (_name, makeStore) => {
  it('gives back exactly the photo it was given, under its content hash', async () => {
    const store = await makeStore();
    const photo = photoOf('portrait of Kim Ji-young');

    const { key, url } = await store.put(photo);

    expect(key).toBe(`${photo.sha256}.webp`);
    expect(url).toBe(`/media/photos/${photo.sha256}.webp`);
    expect(await store.get(key)).toEqual({ bytes: photo.bytes, type: 'image/webp' });
  });

  it('returns the same key when the same photo is stored twice', async () => {
    const store = await makeStore();
    const first = await store.put(photoOf('same portrait'));
    const second = await store.put(photoOf('same portrait'));
    expect(second).toEqual(first);
  });

  it('has nothing under a key it never stored', async () => {
    const store = await makeStore();
    expect(await store.get(`${'0'.repeat(64)}.webp`)).toBeNull();
  });

  it.each(['../etc/passwd', `../${'a'.repeat(64)}.webp`, `${'A'.repeat(64)}.webp`, `${'a'.repeat(64)}.png`, '', '.'])(
    'refuses the key %j without touching storage',
    async (key) => {
      const store = await makeStore();
      expect(await store.get(key)).toBeNull();
    }
  );

  it('refuses a photo whose hash does not match its bytes', async () => {
    const store = await makeStore();
    const forged = { ...photoOf('one portrait'), sha256: photoOf('another portrait').sha256 };
    await expect(store.put(forged)).rejects.toThrow(/does not match/);
  });
});

describe('FilePhotoStore on disk', () => {
  it('keeps one file per photo, however often it is stored, and no temporary files', async () => {
    const dir = join(await freshDirectory(), 'photos');
    const store = new FilePhotoStore(dir);
    const photo = photoOf('portrait stored by two organisers at once');

    await Promise.all([store.put(photo), store.put(photo), store.put(photo)]);
    await store.put(photo);

    expect(await readdir(dir)).toEqual([`${photo.sha256}.webp`]);
  });

  it('never serves a file outside its directory, even one that exists', async () => {
    const parent = await freshDirectory();
    await writeFile(join(parent, 'secret.txt'), 'not a photo');
    const store = new FilePhotoStore(join(parent, 'photos'));
    await store.put(photoOf('a real photo'));

    expect(await store.get('../secret.txt')).toBeNull();
  });

  it('builds URLs under the public prefix it was given', async () => {
    const store = new FilePhotoStore(await freshDirectory(), '/cdn/speakers/');
    const { url } = await store.put(photoOf('portrait'));
    expect(url).toMatch(/^\/cdn\/speakers\/[a-f0-9]{64}\.webp$/);
  });
});
