/**
 * Story: an organiser keeps the participating cities and the broadcast
 * channels of Seoul 2020 up to date in the console over plain HTTP (a
 * browser without JavaScript): adds, edits, reorders, deletes and restores
 * them, and the public cities, speaker and session pages and the exports
 * follow. Bad input, a stale form, a forged form and unknown ids get a clear
 * 4xx with the message, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient, csrfOf, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const edition = '/console/editions/seoul-2020';
const cities = `${edition}/cities`;
const channels = `${edition}/channels`;

let server: TestServer;
let asAdmin: ConsoleClient;
const client = () => new ConsoleClient(server.url);

function cityForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'name.ko': '부산',
    'name.en': 'Busan',
    'summary.ko': '',
    'summary.en': '',
    country: 'KR',
    zone: 'Asia/Seoul',
    ...overrides
  };
}

function channelForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'youtube',
    'name.ko': '포럼 유튜브',
    'name.en': 'Forum on YouTube',
    url: 'https://www.youtube.com/@forum',
    ...overrides
  };
}

/** Creates a record through the new form; returns its console path. */
async function create(list: string, fields: Record<string, string>): Promise<string> {
  const created = await asAdmin.submit(`${list}/new`, fields, '?/create');
  expect(created.status, mainText(created.text)).toBe(303);
  expect(created.location).toMatch(new RegExp(`^${list}/[a-z0-9-]+\\?notice=created$`));
  return created.location!.split('?')[0]!;
}

const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
const orderOf = async (list: string) =>
  [...(await asAdmin.get(list)).text.matchAll(/<li id="record-([a-z0-9-]+)"/g)].map((m) => m[1]!);

/** What editors and the public see of cities and channels; a refused request must not change it. */
async function everythingVisible(): Promise<string> {
  const pages = await Promise.all([
    asAdmin.get(cities),
    asAdmin.get(channels),
    client().get('/seoul-2020/cities'),
    client().get('/seoul-2020/sessions/d2-keynote'),
    client().get('/seoul-2020/speakers/spk-helsinki')
  ]);
  return pages.map((p) => mainText(p.text)).join('\n');
}

beforeAll(async () => {
  server = await startTestServer();
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
});

describe('an organiser keeps the cities up to date', () => {
  it('reaches the cities and channels from the edition’s programme', async () => {
    const overview = await asAdmin.get(edition);
    expect(overview.text).toContain(`href="${cities}"`);
    expect(overview.text).toContain(`href="${channels}"`);
    const list = await asAdmin.get(cities);
    expect(list.status).toBe(200);
    expect(mainText(list.text)).toMatch(
      /Cities: 2020 Seoul Smart City Leaders Forum .*Seoul South Korea · Asia\/Seoul .*Helsinki Finland · Europe\/Helsinki/
    );
    expect(list.headers.get('cache-control')).toBe('no-store');
  });

  it('adds a city that the public cities page lists, with its country by name', async () => {
    const path = await create(cities, cityForm());
    const page = await asAdmin.get(`${path}?notice=created`);
    expect(mainText(page.text)).toContain('It has been created.');
    expect(mainText(page.text)).toContain('Missing translations Summary: Korean, English');
    expect(page.text).toMatch(/<input[^>]*value="부산"|<input[^>]*lang="ko"[^>]*value="부산"/);
    const publicPage = mainText((await client().get('/seoul-2020/cities')).text);
    expect(publicPage).toMatch(/Busan .*Country South Korea Time zone Asia\/Seoul/);
    expect(mainText((await client().get('/seoul-2020/cities?lang=ko')).text)).toMatch(/부산 .*국가 대한민국/);
  });

  it('edits a city, and the public page follows', async () => {
    const path = await create(cities, cityForm({ 'name.ko': '대구', 'name.en': 'Daegu' }));
    const version = versionOf((await asAdmin.get(path)).text);
    const saved = await asAdmin.submit(
      path,
      cityForm({ 'name.ko': '대구', 'name.en': 'Daegu', 'summary.en': 'A city of textiles.', version }),
      '?/save'
    );
    expect(saved.location).toBe(`${path}?notice=saved`);
    expect(mainText((await client().get('/seoul-2020/cities')).text)).toContain('Daegu A city of textiles.');
    const history = mainText((await asAdmin.get(path)).text);
    expect(history).toMatch(
      /Changes to this city .* Ada Admin Changed city “Daegu” Summary .* Ada Admin Created city “Daegu”/
    );
  });

  it('moves a city up the list and back, and the public page lists them in that order', async () => {
    const before = await orderOf(cities);
    const last = before.at(-1)!;
    const moved = await asAdmin.submit(cities, { id: last, direction: 'up' }, '?/move');
    expect(moved.location).toBe(`${cities}?notice=moved#record-${last}`);
    const after = await orderOf(cities);
    expect(after).toEqual([...before.slice(0, -2), last, before.at(-2)]);
    const publicOrder = [
      ...(await client().get('/seoul-2020/cities')).text.matchAll(/<li class="card" id="city-([a-z0-9-]+)"/g)
    ].map((m) => m[1]!);
    expect(publicOrder).toEqual(after);
    expect((await asAdmin.submit(cities, { id: before[0]!, direction: 'up' }, '?/move')).location).toBe(
      `${cities}?notice=unchanged#record-${before[0]}`
    );
    await asAdmin.submit(cities, { id: last, direction: 'down' }, '?/move');
    expect(await orderOf(cities)).toEqual(before);
  });

  it('deletes a city only when confirmed: its speakers stay, showing no city, until it is restored', async () => {
    const path = `${cities}/city-helsinki`;
    const version = versionOf((await asAdmin.get(path)).text);
    const unconfirmed = await asAdmin.submit(path, { version }, '?/delete');
    expect(unconfirmed.status).toBe(400);
    expect(mainText(unconfirmed.text)).toContain('Tick the box to confirm the deletion.');
    expect(unconfirmed.text).toMatch(/id="confirm"[^>]*aria-invalid="true"/);

    const deleted = await asAdmin.submit(path, { version, confirm: 'on' }, '?/delete');
    expect(deleted.location).toBe(`${cities}?notice=deleted#deleted`);
    expect((await asAdmin.get(path)).status).toBe(404);
    expect(mainText((await asAdmin.get(cities)).text)).toMatch(/Deleted cities Helsinki Restore/);
    expect(mainText((await client().get('/seoul-2020/cities')).text)).not.toContain('Helsinki');
    const speaker = await client().get('/seoul-2020/speakers/spk-helsinki');
    expect(speaker.status).toBe(200);
    expect(mainText(speaker.text)).toContain('Speaker from Helsinki');
    expect(mainText(speaker.text)).not.toContain('Helsinki, Finland');
    expect((await client().get('/seoul-2020/speakers')).status).toBe(200);
    expect(mainText((await asAdmin.get(edition)).text)).toContain('Ada Admin Deleted city “Helsinki”');

    const restored = await asAdmin.submit(
      cities,
      { id: 'city-helsinki', version: String(Number(version) + 1) },
      '?/restore'
    );
    expect(restored.location).toBe(`${path}?notice=restored`);
    expect(mainText((await client().get('/seoul-2020/cities')).text)).toContain('Helsinki');
  });
});

describe('an organiser keeps the channels up to date', () => {
  it('adds a channel and renames one that sessions show', async () => {
    const path = await create(channels, channelForm());
    expect(mainText((await asAdmin.get(channels)).text)).toContain(
      'Forum on YouTube YouTube · https://www.youtube.com/@forum'
    );

    const tbs = `${channels}/ch-tbs-youtube`;
    const version = versionOf((await asAdmin.get(tbs)).text);
    const saved = await asAdmin.submit(
      tbs,
      channelForm({
        'name.ko': 'TBS 유튜브',
        'name.en': 'TBS live on YouTube',
        url: 'https://www.youtube.com/@tbstvseoul',
        version
      }),
      '?/save'
    );
    expect(saved.location).toBe(`${tbs}?notice=saved`);
    expect(mainText((await client().get('/seoul-2020/sessions/d2-keynote')).text)).toContain('TBS live on YouTube');
    expect(path).toMatch(/\/channels\/forum-on-youtube-[0-9a-f]{6}$/);
  });

  it('takes a deleted channel off session pages and exports, and brings it back on restore', async () => {
    const tbs = `${channels}/ch-tbs-youtube`;
    const version = versionOf((await asAdmin.get(tbs)).text);
    const deleted = await asAdmin.submit(tbs, { version, confirm: 'on' }, '?/delete');
    expect(deleted.location).toBe(`${channels}?notice=deleted#deleted`);
    const session = await client().get('/seoul-2020/sessions/d2-keynote');
    expect(session.status).toBe(200);
    expect(session.text).not.toContain('tbstvseoul');
    expect(session.text).toContain('@seoullive');
    for (const exported of ['/seoul-2020/schedule.json', '/seoul-2020/schedule.xml']) {
      const response = await client().get(exported);
      expect(response.status, exported).toBe(200);
      expect(response.text, exported).not.toContain('tbstvseoul');
    }
    const restored = await asAdmin.submit(
      channels,
      { id: 'ch-tbs-youtube', version: String(Number(version) + 1) },
      '?/restore'
    );
    expect(restored.location).toBe(`${tbs}?notice=restored`);
    expect((await client().get('/seoul-2020/sessions/d2-keynote')).text).toContain('tbstvseoul');
    expect((await client().get('/seoul-2020/schedule.json')).text).toContain('tbstvseoul');
  });

  it('moves a channel, and session pages list channels in that order', async () => {
    const moved = await asAdmin.submit(channels, { id: 'ch-live-seoul', direction: 'up' }, '?/move');
    expect(moved.location).toBe(`${channels}?notice=moved#record-ch-live-seoul`);
    const text = mainText((await client().get('/seoul-2020/sessions/d2-keynote')).text);
    expect(text.indexOf('Live Seoul')).toBeLessThan(text.indexOf('TBS live on YouTube'));
    await asAdmin.submit(channels, { id: 'ch-live-seoul', direction: 'down' }, '?/move');
  });
});

describe('bad input gets a clear 4xx beside its field, and nothing is stored', () => {
  it.each([
    ['an oversized name', { 'name.ko': '가'.repeat(201) }, 'name-ko', 'use at most 200 characters'],
    ['an oversized summary', { 'summary.en': 'x'.repeat(2001) }, 'summary-en', 'use at most 2000 characters'],
    ['a country that is not one', { country: 'ZZ' }, 'country', 'two-letter ISO 3166-1 code'],
    ['a time zone that is not one', { zone: 'Asia/Busan' }, 'zone', 'Enter an IANA time zone such as Asia/Seoul'],
    ['no name in the edition’s language', { 'name.ko': '' }, 'name-ko', 'Enter a name in the edition’s main language.'],
    [
      'a flag that is not a checkbox value',
      { isIllustrative: 'maybe' },
      'isIllustrative',
      'Tick the box or leave it empty.'
    ]
  ])('adding a city with %s', async (_what, overrides, field, message) => {
    const before = await everythingVisible();
    const response = await asAdmin.submit(`${cities}/new`, cityForm(overrides), '?/create');
    expect(response.status).toBe(400);
    expect(mainText(response.text)).toContain(message);
    expect(response.text).toContain(`href="#${field}"`);
    expect(response.text).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"|id="${field}-error"`));
    expect(await everythingVisible()).toBe(before);
  });

  it.each([
    [
      'a javascript: address',
      { url: 'javascript:alert(document.cookie)' },
      'url',
      'Only web addresses starting with https:// or http://'
    ],
    [
      'a data: address',
      { url: 'data:text/html,<script>alert(1)</script>' },
      'url',
      'Only web addresses starting with https:// or http://'
    ],
    ['a relative address', { url: '/seoul-2020' }, 'url', 'Enter the full address, starting with https://'],
    ['an oversized address', { url: `https://example.org/${'x'.repeat(2000)}` }, 'url', 'use at most 2000 characters'],
    ['an oversized name', { 'name.en': 'x'.repeat(201) }, 'name-en', 'use at most 200 characters'],
    ['a kind that does not exist', { kind: 'radio' }, 'kind', 'Choose from the list.']
  ])('adding a channel with %s', async (_what, overrides, field, message) => {
    const before = await everythingVisible();
    const response = await asAdmin.submit(`${channels}/new`, channelForm(overrides), '?/create');
    expect(response.status).toBe(400);
    expect(mainText(response.text)).toContain(message);
    expect(response.text).toContain(`href="#${field}"`);
    expect(await everythingVisible()).toBe(before);
  });

  it('refuses a javascript: address when editing a channel too, keeping what was typed', async () => {
    const path = `${channels}/ch-site`;
    const before = await everythingVisible();
    const response = await asAdmin.submit(
      path,
      channelForm({ kind: 'site', url: 'javascript:alert(1)', version: versionOf((await asAdmin.get(path)).text) }),
      '?/save'
    );
    expect(response.status).toBe(400);
    expect(response.text).toContain('value="javascript:alert(1)"');
    expect(response.text).not.toMatch(/href="javascript:/i);
    expect(await everythingVisible()).toBe(before);
  });

  it('refuses a stale save with 409, shows their values next to yours, and overwrites nothing', async () => {
    const path = `${cities}/city-los-angeles`;
    const opened = versionOf((await asAdmin.get(path)).text);
    const form = cityForm({ 'name.ko': '로스앤젤레스', country: 'US', zone: 'America/Los_Angeles' });
    const first = await asAdmin.submit(path, { ...form, 'name.en': 'Los Angeles, CA', version: opened }, '?/save');
    expect(first.location).toBe(`${path}?notice=saved`);
    const before = await everythingVisible();
    const stale = await asAdmin.submit(
      path,
      { ...form, 'name.en': 'LA', zone: 'America/New_York', version: opened },
      '?/save'
    );
    expect(stale.status).toBe(409);
    const text = mainText(stale.text);
    expect(text).toContain('Someone else saved first');
    expect(text).toContain('Name (English) Los Angeles, CA LA');
    expect(text).toContain('Time zone America/Los_Angeles America/New_York');
    expect(stale.text).toContain('value="LA"');
    expect(versionOf(stale.text)).toBe(String(Number(opened) + 1));
    expect(await everythingVisible()).toBe(before);

    const staleDelete = await asAdmin.submit(path, { version: opened, confirm: 'on' }, '?/delete');
    expect(staleDelete.status).toBe(409);
    expect(mainText(staleDelete.text)).toContain('so nothing was changed');
    expect(await everythingVisible()).toBe(before);
  });

  it('answers unknown editions, cities and channels with 404, for pages and forms', async () => {
    for (const path of [
      `${cities}/no-such-city`,
      `${channels}/no-such-channel`,
      '/console/editions/no-such-edition/cities',
      '/console/editions/no-such-edition/channels/new'
    ]) {
      expect((await asAdmin.get(path)).status, path).toBe(404);
    }
    const csrf = csrfOf((await asAdmin.get(cities)).text);
    const before = await everythingVisible();
    const posts: [string, Record<string, string>][] = [
      [`${cities}/no-such-city?/save`, { ...cityForm(), version: '1' }],
      [`${cities}/no-such-city?/delete`, { version: '1', confirm: 'on' }],
      [`${cities}?/move`, { id: 'no-such-city', direction: 'up' }],
      [`${cities}?/restore`, { id: 'no-such-city', version: '1' }],
      [`${channels}?/restore`, { id: 'ch-site', version: '1' }],
      [`${channels}/no-such-channel?/save`, { ...channelForm(), version: '1' }],
      [`${channels}?/move`, { id: 'Not An Id!', direction: 'down' }],
      ['/console/editions/no-such-edition/cities/new?/create', cityForm()]
    ];
    for (const [path, fields] of posts) {
      const response = await asAdmin.post(path, { csrf, ...fields });
      expect(response.status, path).toBe(404);
    }
    expect(
      mainText((await asAdmin.post(`${cities}/no-such-city?/save`, { csrf, ...cityForm(), version: '1' })).text)
    ).toContain('That city does not exist in this edition');
    expect(await everythingVisible()).toBe(before);
  });

  it('refuses a missing or tampered CSRF token, a version that is not a number and a made-up direction', async () => {
    const csrf = csrfOf((await asAdmin.get(cities)).text);
    const before = await everythingVisible();
    for (const token of [undefined, `${csrf.slice(0, -2)}xx`, '']) {
      for (const [path, fields] of [
        [`${cities}/new?/create`, cityForm()],
        [`${channels}/ch-site?/delete`, { version: '1', confirm: 'on' }],
        [`${cities}?/move`, { id: 'city-seoul', direction: 'down' }]
      ] as const) {
        const response = await asAdmin.post(path, { ...(token === undefined ? {} : { csrf: token }), ...fields });
        expect(response.status, path).toBe(403);
        expect(mainText(response.text)).toContain('nothing was changed');
      }
    }
    for (const version of ['', 'abc', '-1', '1.5', '99999999999']) {
      const response = await asAdmin.submit(`${cities}/city-seoul`, cityForm({ version }), '?/save');
      expect(response.status, version).toBe(400);
      expect(mainText(response.text)).toContain('The form is missing its version');
    }
    expect((await asAdmin.submit(cities, { id: 'city-seoul', direction: 'sideways' }, '?/move')).status).toBe(400);
    expect(await everythingVisible()).toBe(before);
  });
});

describe('in Korean', () => {
  it('speaks Korean on the city and channel pages, with errors beside the fields', async () => {
    const korean = client();
    korean.cookies.set('madang_session', asAdmin.cookies.get('madang_session')!);
    korean.cookies.set('lang', 'ko');
    expect(mainText((await korean.get(cities)).text)).toContain('도시: 2020 서울 스마트시티 리더스 포럼');
    const response = await korean.submit(`${channels}/new`, channelForm({ url: 'javascript:alert(1)' }), '?/create');
    expect(response.status).toBe(400);
    expect(mainText(response.text)).toContain('https:// 또는 http://로 시작하는 웹 주소만 쓸 수 있습니다');
    expect(mainText(response.text)).toContain('이름 (한국어)');
  });
});
