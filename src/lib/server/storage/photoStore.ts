/**
 * Where processed photos live. Services see only the `PhotoStore` port; this
 * file holds its two adapters: the filesystem (production for now) and memory
 * (tests). Photos are content-addressed, `<sha256>.webp`, so storing the same
 * photo twice is harmless and a key can be cached forever. A later adapter
 * (PostgreSQL large objects, S3) should need nothing more than these two
 * methods.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A photo ready to keep: already re-encoded and stripped (see `media/speakerPhoto.ts`). */
export interface PhotoToStore {
  readonly bytes: Uint8Array;
  readonly type: 'image/webp';
  /** Lowercase hex SHA-256 of `bytes`; checked, because the key must name the content. */
  readonly sha256: string;
}

export interface StoredPhoto {
  readonly bytes: Uint8Array;
  readonly type: 'image/webp';
}

export interface PhotoStore {
  /** Keeps the photo and says where to find it; storing the same bytes again returns the same key. */
  put(photo: PhotoToStore): Promise<{ key: string; url: string }>;
  /** The photo under `key`, or null when there is none or the key is not one this store could have made. */
  get(key: string): Promise<StoredPhoto | null>;
}

const PHOTO_KEY = /^[a-f0-9]{64}\.webp$/;
const DEFAULT_PUBLIC_PREFIX = '/media/photos';

/**
 * True for the only keys a store hands out. Keys arrive in URLs, so this is
 * also what keeps `../etc/passwd` and friends away from the filesystem.
 */
export function isPhotoKey(key: string): boolean {
  return PHOTO_KEY.test(key);
}

/** The key for a photo, after checking that its hash really is the hash of its bytes. */
function photoKeyOf(photo: PhotoToStore): string {
  const sha256 = createHash('sha256').update(photo.bytes).digest('hex');
  // A mismatch is a programming error, not bad user input: the caller built the photo.
  if (sha256 !== photo.sha256) throw new Error(`Photo hash ${photo.sha256} does not match its bytes (${sha256})`);
  return `${sha256}.webp`;
}

function urlFor(publicPrefix: string, key: string): string {
  return `${publicPrefix.replace(/\/+$/, '')}/${key}`;
}

/** Photos as files in one directory, which is created on first use. */
export class FilePhotoStore implements PhotoStore {
  constructor(
    private readonly dir: string,
    private readonly publicPrefix: string = DEFAULT_PUBLIC_PREFIX
  ) {}

  async put(photo: PhotoToStore): Promise<{ key: string; url: string }> {
    const key = photoKeyOf(photo);
    const path = join(this.dir, key);
    // Same name, same bytes: an existing file is already the photo. Two
    // concurrent puts may both write; each rename swaps in identical content.
    if (!(await isFile(path))) await writeAtomically(this.dir, path, photo.bytes);
    return { key, url: urlFor(this.publicPrefix, key) };
  }

  async get(key: string): Promise<StoredPhoto | null> {
    if (!isPhotoKey(key)) return null;
    try {
      return { bytes: new Uint8Array(await readFile(join(this.dir, key))), type: 'image/webp' };
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return null;
      throw error;
    }
  }
}

/** Photos in a map, for tests and for running without a data directory. */
export class MemoryPhotoStore implements PhotoStore {
  private readonly photos = new Map<string, Uint8Array>();

  constructor(private readonly publicPrefix: string = DEFAULT_PUBLIC_PREFIX) {}

  // async so that a bad photo rejects, as it does on disk, instead of throwing synchronously.
  async put(photo: PhotoToStore): Promise<{ key: string; url: string }> {
    const key = photoKeyOf(photo);
    // Copies in and out, so a caller reusing its buffer cannot change a stored photo.
    if (!this.photos.has(key)) this.photos.set(key, photo.bytes.slice());
    return { key, url: urlFor(this.publicPrefix, key) };
  }

  async get(key: string): Promise<StoredPhoto | null> {
    const bytes = isPhotoKey(key) ? this.photos.get(key) : undefined;
    return bytes ? { bytes: bytes.slice(), type: 'image/webp' } : null;
  }
}

/**
 * Writes to a temporary name in the same directory, flushes it to disk, then
 * renames: a rename within one filesystem is atomic, so a reader (or a crash)
 * sees either no photo or the whole photo, never half of one. Temporary names
 * start with a dot and never match `isPhotoKey`, so `get` cannot serve them.
 */
async function writeAtomically(dir: string, path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${randomUUID()}.tmp`);
  try {
    const file = await open(temporary, 'wx', 0o644);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return false;
    throw error;
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
