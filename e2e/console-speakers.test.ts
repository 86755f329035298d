/**
 * Story: an organiser manages the speakers of Seoul 2020 in the console over
 * plain HTTP (a browser without JavaScript): adds a speaker, edits them,
 * uploads a phone photo that the public page then shows (upright, as WebP,
 * without its EXIF, cached for a year), deletes a speaker who is on the
 * programme and restores them. Bad input, a stale form, a forged form, a
 * text file posted as a photo and an oversize upload all get a clear 4xx,
 * and nothing is stored.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient, csrfOf, mainText, type Page } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const speakers = '/console/editions/seoul-2020/speakers';

let server: TestServer;
let photoDir: string;
let asAdmin: ConsoleClient;
const client = () => new ConsoleClient(server.url);

function speakerForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'name.ko': '김지영',
    'name.en': 'Kim Ji-young',
    'jobTitle.ko': '연구원',
    'jobTitle.en': 'Researcher',
    'organisation.ko': '',
    'organisation.en': 'Seoul Digital Foundation',
    'bio.ko': '',
    'bio.en': '',
    cityId: 'city-seoul',
    languages: 'ko, en',
    presence: 'on_site',
    ...overrides
  };
}

const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const storedPhotos = async () => (await readdir(photoDir).catch(() => [])).filter((name) => !name.startsWith('.'));

/** Posts a multipart form as a browser does for a file upload, with the client's cookies and Origin. */
async function upload(
  who: ConsoleClient,
  path: string,
  fields: Record<string, string>,
  file: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }
): Promise<Page> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('photo', new Blob([file.bytes], { type: file.type }), file.name);
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: {
      accept: 'text/html',
      origin: who.origin,
      'accept-language': 'en',
      cookie: [...who.cookies].map(([n, v]) => `${n}=${v}`).join('; ')
    }
  });
  return {
    status: response.status,
    headers: response.headers,
    text: await response.text(),
    location: response.headers.get('location')?.replace(who.origin, '') ?? null
  };
}

async function uploadTo(
  page: string,
  file: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }
): Promise<Page> {
  const opened = await asAdmin.get(page);
  return upload(asAdmin, `${page}?/photo`, { csrf: csrfOf(opened.text), version: versionOf(opened.text) }, file);
}

/** A phone photo: 60 × 40 pixels stored sideways with EXIF Orientation 6 (shown rotated: 40 wide, 60 high) and a camera name. */
async function phoneJpeg(): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#c0392b' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'TestPhone' } })
    .toBuffer();
  return new Uint8Array(bytes);
}

beforeAll(async () => {
  photoDir = await mkdtemp(join(tmpdir(), 'madang-e2e-photos-'));
  server = await startTestServer({ MADANG_TEST_PHOTO_DIR: photoDir });
  asAdmin = client();
  const created = await asAdmin.submit(server.setupPath!, {
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    password
  });
  expect(created.location).toBe('/console');
});
afterAll(async () => {
  await server?.stop();
  await rm(photoDir, { recursive: true, force: true });
});

describe('an organiser manages speakers', () => {
  let page = '';

  it('finds the speakers from the edition overview and adds one', async () => {
    const overview = await asAdmin.get('/console/editions/seoul-2020');
    expect(overview.text).toContain(`href="${speakers}"`);
    const list = await asAdmin.get(speakers);
    expect(list.status).toBe(200);
    expect(mainText(list.text)).toContain('Sokwoo Rhee');
    const created = await asAdmin.submit(`${speakers}/new`, speakerForm(), '?/create');
    expect(created.status, mainText(created.text)).toBe(303);
    expect(created.location).toMatch(
      /^\/console\/editions\/seoul-2020\/speakers\/kim-ji-young-[0-9a-f]{6}\?notice=created$/
    );
    page = created.location!.split('?')[0]!;
    const opened = await asAdmin.get(created.location!);
    expect(mainText(opened.text)).toContain('The speaker has been created.');
    expect(opened.text).toContain('value="ko, en"');
    expect(mainText(opened.text)).toContain('Created speaker “Kim Ji-young”');
    expect(mainText((await client().get(`/seoul-2020/speakers/${page.split('/').pop()}`)).text)).toContain(
      'Kim Ji-young'
    );
  });

  it('saves a change, and shows a stale change next to the saved one instead of overwriting it', async () => {
    const opened = await asAdmin.get(page);
    const version = versionOf(opened.text);
    const saved = await asAdmin.post(`${page}?/save`, {
      csrf: csrfOf(opened.text),
      version,
      ...speakerForm({ presence: 'remote', languages: 'ko, EN-gb' })
    });
    expect(saved.status, mainText(saved.text)).toBe(303);
    const after = await asAdmin.get(page);
    expect(after.text).toContain('value="ko, en-GB"');
    expect(mainText(after.text)).toMatch(/Changed speaker “Kim Ji-young”.*Taking part, Languages spoken/);

    const stale = await asAdmin.post(`${page}?/save`, {
      csrf: csrfOf(opened.text),
      version,
      ...speakerForm({ 'name.en': 'Kim J.' })
    });
    expect(stale.status).toBe(409);
    const text = mainText(stale.text);
    expect(text).toContain('Someone else saved first');
    expect(text).toContain('Remotely, by video');
    expect(text).toContain('Kim J.');
    expect(mainText((await asAdmin.get(page)).text)).not.toContain('Kim J.');
  });

  it('refuses bad input with a message beside the field, storing nothing', async () => {
    const before = mainText((await asAdmin.get(page)).text);
    const cases: [Record<string, string>, string, string][] = [
      [{ 'name.en': 'x'.repeat(201) }, 'name-en', 'use at most 200 characters'],
      [{ cityId: 'city-atlantis' }, 'cityId', 'Choose a city of this edition, or none.'],
      [{ languages: 'ko, english!' }, 'languages', 'Enter language tags such as ko, en or pt-BR'],
      [{ presence: 'hologram' }, 'presence', 'Choose from the list.'],
      [{ 'name.ko': '' }, 'name-ko', 'Enter the name in the edition’s main language.']
    ];
    for (const [overrides, field, message] of cases) {
      const opened = await asAdmin.get(page);
      const response = await asAdmin.post(`${page}?/save`, {
        csrf: csrfOf(opened.text),
        version: versionOf(opened.text),
        ...speakerForm(overrides)
      });
      expect(response.status, field).toBe(400);
      expect(response.text).toContain(`id="${field}-error"`);
      expect(mainText(response.text)).toContain(message);
    }
    const newOne = await asAdmin.submit(`${speakers}/new`, speakerForm({ cityId: 'city-atlantis' }), '?/create');
    expect(newOne.status).toBe(400);
    expect(mainText((await asAdmin.get(page)).text)).toBe(before);
  });

  it('refuses a missing or tampered form token with 403, storing nothing', async () => {
    const opened = await asAdmin.get(page);
    const csrf = csrfOf(opened.text);
    for (const token of ['', `${csrf.slice(0, -2)}xx`]) {
      const response = await asAdmin.post(`${page}?/save`, {
        csrf: token,
        version: versionOf(opened.text),
        ...speakerForm({ 'name.en': 'Forged' })
      });
      expect(response.status).toBe(403);
      const photo = await upload(
        asAdmin,
        `${page}?/photo`,
        { csrf: token, version: versionOf(opened.text) },
        { bytes: await phoneJpeg(), name: 'me.jpg', type: 'image/jpeg' }
      );
      expect(photo.status).toBe(403);
    }
    expect(mainText((await asAdmin.get(page)).text)).not.toContain('Forged');
    expect(await storedPhotos()).toEqual([]);
  });

  it('refuses a text file posted as a photo, and oversize uploads, storing nothing', async () => {
    const text = await uploadTo(page, {
      bytes: new TextEncoder().encode('I am not a picture.'),
      name: 'photo.jpg',
      type: 'image/jpeg'
    });
    expect(text.status).toBe(415);
    expect(text.text).toContain('id="photo-error"');
    expect(text.text).toMatch(/aria-describedby="photo-hint photo-error"/);
    expect(mainText(text.text)).toContain('This file is not an image we can read.');

    // Just over the photo limit (the body is read, the photo refused) and far over the body limit (refused while reading).
    for (const size of [8 * 1024 * 1024 + 100, 12 * 1024 * 1024]) {
      const big = new Uint8Array(size);
      big.set([0xff, 0xd8, 0xff]);
      const response = await uploadTo(page, { bytes: big, name: 'huge.jpg', type: 'image/jpeg' });
      expect(response.status, String(size)).toBe(413);
      expect(mainText(response.text)).toContain('The file is larger than 8 MB.');
      expect(response.text).toContain('id="photo-error"');
    }
    const empty = await uploadTo(page, { bytes: new Uint8Array(0), name: '', type: 'application/octet-stream' });
    expect(empty.status).toBe(400);
    expect(mainText(empty.text)).toContain('Choose a photo file to upload.');
    expect(await storedPhotos()).toEqual([]);
    expect((await asAdmin.get(page)).text).not.toContain('/media/photos/');
  });

  it('keeps every other form to 512 KB', async () => {
    const opened = await asAdmin.get(page);
    const response = await asAdmin.post(`${page}?/save`, {
      csrf: csrfOf(opened.text),
      version: versionOf(opened.text),
      ...speakerForm({ 'bio.en': 'x'.repeat(600 * 1024) })
    });
    expect(response.status).toBe(413);
  });

  it('stores a phone photo upright as WebP without EXIF, serves it for a year and shows it on the public page', async () => {
    const uploaded = await uploadTo(page, { bytes: await phoneJpeg(), name: 'IMG_0001.JPG', type: 'image/jpeg' });
    expect(uploaded.status, mainText(uploaded.text)).toBe(303);
    const [stored] = await storedPhotos();
    expect(stored).toMatch(/^[0-9a-f]{64}\.webp$/);

    const photoPath = `/media/photos/${stored}`;
    const served = await fetch(`${server.url}${photoPath}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = served.headers.get('etag')!;
    expect(etag).toBe(`"${stored!.slice(0, 64)}"`);
    const bytes = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 40, height: 60 });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('TestPhone'))).toBe(false);
    expect((await fetch(`${server.url}${photoPath}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const publicPage = await client().get(`/seoul-2020/speakers/${page.split('/').pop()}`);
    expect(publicPage.text).toMatch(new RegExp(`<img src="${photoPath}" alt="" width="160" height="160"`));
    const list = await asAdmin.get(speakers);
    expect(list.text).toMatch(new RegExp(`<img src="${photoPath}" alt="" width="48" height="48" loading="lazy"`));
    expect(mainText((await asAdmin.get(page)).text)).toContain('Changed speaker “Kim Ji-young” Photo');
  });

  it('answers unknown and malformed photo addresses with 404, never reading outside the photos', async () => {
    for (const path of [
      `${'0'.repeat(64)}.webp`,
      'abc.webp',
      `${'A'.repeat(64)}.webp`,
      '..%2F..%2Fpackage.json',
      '%2e%2e/%2e%2e/package.json',
      `${'0'.repeat(64)}.webp/..`
    ]) {
      const response = await fetch(`${server.url}/media/photos/${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it('removes the photo', async () => {
    const opened = await asAdmin.get(page);
    const removed = await asAdmin.post(`${page}?/removePhoto`, {
      csrf: csrfOf(opened.text),
      version: versionOf(opened.text)
    });
    expect(removed.status).toBe(303);
    expect((await client().get(`/seoul-2020/speakers/${page.split('/').pop()}`)).text).not.toContain('/media/photos/');
  });
});

describe('deleting a speaker who is on the programme', () => {
  const keynote = `${speakers}/sokwoo-rhee`;

  it('needs the confirmation box', async () => {
    const opened = await asAdmin.get(keynote);
    const response = await asAdmin.post(`${keynote}?/delete`, {
      csrf: csrfOf(opened.text),
      version: versionOf(opened.text)
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('id="confirm-error"');
  });

  it('takes them off the public pages and exports, and restoring puts them back on their items', async () => {
    const publicBefore = await client().get('/seoul-2020/speakers/sokwoo-rhee');
    const sessionPath = /href="(\/seoul-2020\/sessions\/[a-z0-9-]+)"/.exec(publicBefore.text)![1]!;
    // The session's summary names him too; the link to his page is what the programme item adds.
    const speakerLink = 'href="/seoul-2020/speakers/sokwoo-rhee"';
    expect((await client().get(sessionPath)).text).toContain(speakerLink);

    const opened = await asAdmin.get(keynote);
    const deleted = await asAdmin.post(`${keynote}?/delete`, {
      csrf: csrfOf(opened.text),
      version: versionOf(opened.text),
      confirm: 'on'
    });
    expect(deleted.status).toBe(303);
    expect(deleted.location).toBe(`${speakers}?notice=deleted#deleted`);
    expect((await client().get('/seoul-2020/speakers/sokwoo-rhee')).status).toBe(404);
    expect((await client().get(sessionPath)).text).not.toContain(speakerLink);
    expect((await client().get('/seoul-2020/speakers')).text).not.toContain(speakerLink);
    for (const feed of ['/seoul-2020/schedule.json', '/seoul-2020/schedule.xml', '/seoul-2020/schedule.ics']) {
      const exported = await client().get(feed);
      expect(exported.status, feed).toBe(200);
      expect(exported.text, feed).not.toMatch(/"(name|full_public_name)":\s*"Sokwoo Rhee"|<person[^>]*>Sokwoo Rhee</);
    }
    expect((await asAdmin.get(keynote)).status).toBe(404);
    expect(mainText((await asAdmin.get('/console/editions/seoul-2020')).text)).toContain(
      'Deleted speaker “Sokwoo Rhee”'
    );

    const list = await asAdmin.get(speakers);
    const at = list.text.indexOf('name="speaker" value="sokwoo-rhee"');
    expect(at).toBeGreaterThan(0);
    const version = /name="version" value="(\d+)"/.exec(list.text.slice(at))![1]!;
    const stale = await asAdmin.post(`${speakers}?/restore`, {
      csrf: csrfOf(list.text),
      speaker: 'sokwoo-rhee',
      version: String(Number(version) - 1)
    });
    expect(stale.status).toBe(409);
    const restored = await asAdmin.post(`${speakers}?/restore`, {
      csrf: csrfOf(list.text),
      speaker: 'sokwoo-rhee',
      version
    });
    expect(restored.status).toBe(303);
    expect((await client().get(sessionPath)).text).toContain(speakerLink);
    expect((await client().get('/seoul-2020/speakers/sokwoo-rhee')).status).toBe(200);
  });

  it('answers unknown speakers and editions with 404', async () => {
    expect((await asAdmin.get(`${speakers}/no-such-speaker`)).status).toBe(404);
    expect((await asAdmin.get('/console/editions/no-such-edition/speakers')).status).toBe(404);
    const list = await asAdmin.get(speakers);
    expect(
      (
        await asAdmin.post(`${speakers}?/restore`, {
          csrf: csrfOf(list.text),
          speaker: 'no-such-speaker',
          version: '1'
        })
      ).status
    ).toBe(404);
  });
});
