/**
 * Story: an organiser edits the programme of Seoul 2020 in the console over
 * plain HTTP (a browser without JavaScript): creates a draft session, gives
 * it a programme item with its speaker, publishes it, moves, deletes and
 * restores sessions, and reads who changed what. Bad input, a stale form, a
 * forged form, an account without the role and an anonymous visitor all get
 * a clear 4xx, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../src/lib/server/mail/testing/smtpCapture.js';
import { ConsoleClient, consoleLinkIn, csrfOf, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const edition = '/console/editions/seoul-2020';

let server: TestServer;
let smtp: SmtpCapture;
let asAdmin: ConsoleClient;
let asModerator: ConsoleClient;
const client = () => new ConsoleClient(server.url);

/** A complete session form, as the console's own form posts it. */
function sessionForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'title.ko': '시민 대화',
    'title.en': 'Citizens talk',
    'summary.ko': '',
    'summary.en': '',
    dayId: 'day-2',
    stageId: '',
    kind: 'talk_concert',
    startTime: '19:00',
    endTime: '19:45',
    ...overrides
  };
}

/** Creates a draft session through the form; returns its console path. */
async function createSession(overrides: Record<string, string> = {}): Promise<string> {
  const created = await asAdmin.submit(`${edition}/sessions/new`, sessionForm(overrides), '?/create');
  expect(created.status, mainText(created.text)).toBe(303);
  expect(created.location).toMatch(/^\/console\/editions\/seoul-2020\/sessions\/[a-z0-9-]+\?notice=created$/);
  return created.location!.split('?')[0]!;
}

/** The `version` of the first form on the page (the session or item form). */
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;

/** The version a page's remove/restore button for item `id` sends. */
function itemVersionOf(html: string, id: string): string {
  const at = html.indexOf(`name="item" value="${id}"`);
  return /name="version" value="(\d+)"/.exec(html.slice(at))![1]!;
}

/** The programme items listed on a session page, in order. */
const itemIdsOf = (html: string) => [...html.matchAll(/<li id="item-([a-z0-9-]+)"/g)].map((m) => m[1]!);

/**
 * What an editor and the public see of the edition: if a refused request
 * changed anything, this changes (a new audit row at least). The minute in
 * the audit log's times is left out so a clock ticking over is no change.
 */
async function everythingVisible(): Promise<string> {
  const [console, programme] = await Promise.all([asAdmin.get(edition), client().get('/seoul-2020/programme')]);
  return `${mainText(console.text)}\n${mainText(programme.text)}`.replace(
    /\w+ \d{1,2}, \d{4} at \d{2}:\d{2}( \(UTC\))?/g,
    '(when)'
  );
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  server = await startTestServer({ SMTP_URL: smtp.url });
  asAdmin = client();
  const created = await asAdmin.submit(server.setupPath!, {
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    password
  });
  expect(created.location).toBe('/console');
  const invited = await asAdmin.submit(
    '/console/people',
    { email: 'mod@example.org', role: 'moderator', edition: 'seoul-2020', mailLocale: 'en' },
    '?/invite'
  );
  expect(invited.status).toBe(303);
  asModerator = client();
  const accepted = await asModerator.submit(consoleLinkIn(await smtp.next('mod@example.org')), {
    displayName: 'Mo Moderator',
    password
  });
  expect(accepted.location).toBe('/console?notice=invitation-accepted');
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

describe('an organiser edits the programme', () => {
  it('reaches the edition’s programme from the dashboard, drafts and audit log included', async () => {
    const dashboard = await asAdmin.get('/console');
    expect(dashboard.text).toContain(`href="${edition}"`);
    const page = await asAdmin.get(edition);
    expect(page.status).toBe(200);
    const text = mainText(page.text);
    expect(text).toContain('Programme: 2020 Seoul Smart City Leaders Forum');
    expect(text).toContain('Leaders Conference, Wednesday, September 23, 2020');
    expect(text).toContain('16:00–16:30 Keynote');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('creates a draft session that only editors see, with a preview marked as not public', async () => {
    const path = await createSession({ 'title.en': 'Evening dialogue', 'title.ko': '저녁 대화' });
    const id = path.split('/').at(-1)!;
    const page = await asAdmin.get(`${path}?notice=created`);
    expect(page.status).toBe(200);
    expect(mainText(page.text)).toContain('The session has been created as a draft.');
    expect(mainText(page.text)).toContain('State: Draft');
    expect(mainText(page.text)).toContain('Missing translations Summary: Korean, English');
    expect(page.text).toMatch(
      /<input[^>]*id="title-ko"[^>]*lang="ko"[^>]*value="저녁 대화"|<input[^>]*value="저녁 대화"[^>]*lang="ko"/
    );
    expect(mainText((await asAdmin.get(edition)).text)).toContain('Evening dialogue Talk concert Draft');

    expect((await client().get(`/seoul-2020/sessions/${id}`)).status).toBe(404);
    expect(mainText((await client().get('/seoul-2020/programme')).text)).not.toContain('Evening dialogue');
    const preview = await asAdmin.get(`${edition}/preview/sessions/${id}`);
    expect(preview.status).toBe(200);
    expect(mainText(preview.text)).toContain('Preview — not public yet');
    expect(mainText(preview.text)).toContain('Evening dialogue');
  });

  it('shows the saved times in the editor’s own zone as well as the host zone', async () => {
    const path = await createSession({ 'title.en': 'Zones', 'title.ko': '시간대' });
    const inHelsinki = client();
    inHelsinki.cookies.set('madang_session', asAdmin.cookies.get('madang_session')!);
    inHelsinki.cookies.set('tz', 'Europe/Helsinki');
    const text = mainText((await inHelsinki.get(path)).text);
    expect(text).toContain('Host time (GMT+9) 19:00–19:45');
    expect(text).toContain('Your time (Europe/Helsinki) 13:00–13:45');
  });

  it('gives a session a programme item with Sokwoo Rhee, publishes it, and the public sees both', async () => {
    const path = await createSession({ 'title.en': 'A conversation with Sokwoo Rhee', 'title.ko': '이석우와의 대화' });
    const id = path.split('/').at(-1)!;
    const added = await asAdmin.submit(
      path,
      { 'title.ko': '포용적 스마트시티', 'title.en': 'The inclusive smart city', speakerIds: 'sokwoo-rhee' },
      '?/addItem'
    );
    expect(added.status, mainText(added.text)).toBe(303);
    expect(added.location).toMatch(/\?notice=itemAdded#item-the-inclusive-smart-city-[0-9a-f]{6}$/);
    expect(mainText((await asAdmin.get(path)).text)).toContain(
      'The inclusive smart city Session times Speakers: Sokwoo Rhee'
    );

    const published = await asAdmin.submit(path, { version: versionOf((await asAdmin.get(path)).text) }, '?/publish');
    expect(published.location).toBe(`${path}?notice=published`);
    const programme = mainText((await client().get('/seoul-2020/programme')).text);
    expect(programme).toContain('A conversation with Sokwoo Rhee');
    const session = mainText((await client().get(`/seoul-2020/sessions/${id}`)).text);
    expect(session).toContain('The inclusive smart city');
    expect(session).toContain('Sokwoo Rhee');

    const unpublished = await asAdmin.submit(
      path,
      { version: versionOf((await asAdmin.get(path)).text) },
      '?/unpublish'
    );
    expect(unpublished.location).toBe(`${path}?notice=unpublished`);
    expect((await client().get(`/seoul-2020/sessions/${id}`)).status).toBe(404);
  });

  it('edits, moves, removes and restores programme items', async () => {
    const path = await createSession({ 'title.en': 'Items', 'title.ko': '항목' });
    await asAdmin.submit(path, { 'title.ko': '첫째', 'title.en': 'First' }, '?/addItem');
    await asAdmin.submit(
      path,
      { 'title.ko': '둘째', 'title.en': 'Second', speakerIds: 'spk-seoul', startTime: '19:10', endTime: '19:20' },
      '?/addItem'
    );
    const page = (await asAdmin.get(path)).text;
    const [first, second] = itemIdsOf(page);
    expect(mainText(page)).toMatch(/First .*Second 19:10–19:20/);

    const moved = await asAdmin.submit(path, { item: second!, direction: 'up' }, '?/moveItem');
    expect(moved.location).toBe(`${path}?notice=moved#item-${second}`);
    expect(mainText((await asAdmin.get(path)).text)).toMatch(/Second .*First/);

    const itemPage = await asAdmin.get(`${path}/items/${first}`);
    expect(itemPage.status).toBe(200);
    const saved = await asAdmin.submit(
      `${path}/items/${first}`,
      { 'title.ko': '첫째', 'title.en': 'First, renamed', version: versionOf(itemPage.text) },
      '?/save'
    );
    expect(saved.location).toBe(`${path}?notice=itemSaved#item-${first}`);

    const removed = await asAdmin.submit(
      path,
      { item: first!, version: itemVersionOf((await asAdmin.get(path)).text, first!) },
      '?/removeItem'
    );
    expect(removed.location).toBe(`${path}?notice=itemRemoved#removed-items`);
    const afterRemove = await asAdmin.get(path);
    expect(mainText(afterRemove.text)).toContain('Removed programme items First, renamed');
    expect(itemIdsOf(afterRemove.text)).toEqual([second]);
    const restored = await asAdmin.submit(
      path,
      { item: first!, version: itemVersionOf(afterRemove.text, first!) },
      '?/restoreItem'
    );
    expect(restored.location).toBe(`${path}?notice=itemRestored#item-${first}`);
    expect(mainText((await asAdmin.get(path)).text)).not.toContain('Removed programme items');
  });

  it('moves a session up its day and back', async () => {
    const order = async () =>
      [...(await asAdmin.get(edition)).text.matchAll(/<li id="session-([a-z0-9-]+)"/g)].map((m) => m[1]!);
    const before = await order();
    const second = before[1]!;
    const moved = await asAdmin.submit(edition, { session: second, direction: 'up' }, '?/move');
    expect(moved.location).toBe(`${edition}?notice=moved#session-${second}`);
    const after = await order();
    expect(after.slice(0, 2)).toEqual([second, before[0]]);
    expect(mainText((await asAdmin.get(edition)).text)).toContain('Starts before the session above it.');
    const top = await asAdmin.submit(edition, { session: second, direction: 'up' }, '?/move');
    expect(top.location).toBe(`${edition}?notice=unchanged#session-${second}`);
    await asAdmin.submit(edition, { session: second, direction: 'down' }, '?/move');
    expect(await order()).toEqual(before);
  });

  it('moves a session to another day from the running order, at the same times, and refuses a stale or unknown move', async () => {
    const path = await createSession({
      'title.en': 'Moving day',
      'title.ko': '옮기는 날',
      dayId: 'day-2',
      startTime: '20:00',
      endTime: '20:30'
    });
    const id = path.split('/').at(-1)!;
    const dayOf = async () => {
      const html = (await asAdmin.get(edition)).text;
      const day = [...html.matchAll(/<h2 id="day-([a-z0-9-]+)"/g)]
        .filter((m) => m.index! < html.indexOf(`<li id="session-${id}"`))
        .at(-1)![1]!;
      return day;
    };
    expect(await dayOf()).toBe('day-2');
    const version = versionOf((await asAdmin.get(path)).text);
    const before = await everythingVisible();
    for (const [fields, status] of [
      [{ session: id, day: 'day-1', version: '1', stale: 'yes' }, 409],
      [{ session: id, day: 'day-9', version }, 400],
      [{ session: id, day: 'day-1', version: 'one' }, 400],
      [{ session: 'no-such-session', day: 'day-1', version }, 404]
    ] as const) {
      const refused = await asAdmin.submit(
        edition,
        { ...fields, version: 'stale' in fields ? String(Number(version) + 7) : fields.version },
        '?/moveToDay'
      );
      expect(refused.status, JSON.stringify(fields)).toBe(status);
    }
    expect(await everythingVisible()).toBe(before);

    const moved = await asAdmin.submit(edition, { session: id, day: 'day-1', version }, '?/moveToDay');
    expect(moved.location).toBe(`${edition}?notice=movedDay#session-${id}`);
    expect(await dayOf()).toBe('day-1');
    const page = await asAdmin.get(path);
    expect(page.text).toMatch(/name="dayId"[^]*?<option value="day-1"[^>]*selected/);
    expect(page.text).toContain('value="20:00"');
    expect(mainText((await asAdmin.get(edition)).text)).toMatch(
      /Ada Admin Moved to another day session “Moving day” Day/
    );
  });

  it('deletes a session only when confirmed, and restores it from the edition page', async () => {
    const path = await createSession({ 'title.en': 'To be deleted', 'title.ko': '지울 세션' });
    const id = path.split('/').at(-1)!;
    const version = versionOf((await asAdmin.get(path)).text);
    const unconfirmed = await asAdmin.submit(path, { version }, '?/delete');
    expect(unconfirmed.status).toBe(400);
    expect(mainText(unconfirmed.text)).toContain('Tick the box to confirm that you want to delete this session.');
    expect((await asAdmin.get(path)).status).toBe(200);

    const deleted = await asAdmin.submit(path, { version, confirm: 'on' }, '?/delete');
    expect(deleted.location).toBe(`${edition}?notice=deleted#deleted`);
    expect((await asAdmin.get(path)).status).toBe(404);
    const overview = await asAdmin.get(edition);
    expect(mainText(overview.text)).toMatch(/Deleted sessions To be deleted Restore/);
    expect(mainText(overview.text)).toContain('Ada Admin Deleted session “To be deleted”');

    const restored = await asAdmin.submit(edition, { session: id, version: String(Number(version) + 1) }, '?/restore');
    expect(restored.location).toBe(`${path}?notice=restored`);
    expect((await asAdmin.get(path)).status).toBe(200);
  });

  it('keeps the audit log per session: who, what and which fields', async () => {
    const path = await createSession({ 'title.en': 'Audited', 'title.ko': '기록' });
    const version = versionOf((await asAdmin.get(path)).text);
    await asAdmin.submit(
      path,
      sessionForm({ 'title.en': 'Audited twice', 'title.ko': '기록', endTime: '19:50', version }),
      '?/save'
    );
    const text = mainText((await asAdmin.get(path)).text);
    expect(text).toMatch(
      /Changes to this session The latest 2 changes, newest first When Who What Changed fields .+ Ada Admin Changed session “Audited twice” Title, End .+ Ada Admin Created session “Audited twice”/
    );
  });

  it('names every editor in the audit log, not only the one reading it', async () => {
    const invited = await asAdmin.submit(
      '/console/people',
      { email: 'pat@example.org', role: 'producer', edition: 'seoul-2020', mailLocale: 'en' },
      '?/invite'
    );
    expect(invited.status).toBe(303);
    const asProducer = client();
    await asProducer.submit(consoleLinkIn(await smtp.next('pat@example.org')), {
      displayName: 'Pat Producer',
      password
    });
    const path = await createSession({ 'title.en': 'Shared work', 'title.ko': '함께' });
    const version = versionOf((await asProducer.get(path)).text);
    const saved = await asProducer.submit(
      path,
      sessionForm({ 'title.en': 'Shared work, by Pat', 'title.ko': '함께', version }),
      '?/save'
    );
    expect(saved.location).toBe(`${path}?notice=saved`);
    for (const reader of [asAdmin, asProducer]) {
      expect(mainText((await reader.get(path)).text)).toMatch(
        /Pat Producer Changed session “Shared work, by Pat” Title .+ Ada Admin Created session/
      );
      expect(mainText((await reader.get(edition)).text)).toMatch(/Pat Producer Changed session “Shared work, by Pat”/);
    }
  });
});

describe('missing translations', () => {
  it('lists each text written in one language but not the other, with a link to translate it, per language', async () => {
    const path = await createSession({
      'title.en': '',
      'title.ko': '번역 안 된 세션',
      'summary.en': 'Only in English'
    });
    const id = path.split('/').at(-1)!;
    const overview = await asAdmin.get(`${edition}/translations`);
    expect(overview.status).toBe(200);
    const text = mainText(overview.text);
    expect(text).toMatch(/Korean: \d+ fields? to translate/);
    expect(text).toMatch(/Session 번역 안 된 세션 Title English Summary Korean/);
    expect(overview.text).toContain(`href="${path}"`);
    const englishOnly = mainText((await asAdmin.get(`${edition}/translations?missing=en`)).text);
    expect(englishOnly).toMatch(/Session 번역 안 된 세션 Title English/);
    expect(englishOnly).not.toMatch(/번역 안 된 세션 Title English Summary Korean/);
    const koreanOnly = mainText((await asAdmin.get(`${edition}/translations?missing=ko`)).text);
    expect(koreanOnly).toMatch(/Session 번역 안 된 세션 Summary Korean/);
    // Translating the title takes the session off the English list.
    const version = versionOf((await asAdmin.get(path)).text);
    await asAdmin.submit(
      path,
      sessionForm({
        'title.en': 'Translated now',
        'title.ko': '번역 안 된 세션',
        'summary.en': 'Only in English',
        version
      }),
      '?/save'
    );
    expect(mainText((await asAdmin.get(`${edition}/translations?missing=en`)).text)).not.toContain(id);
    expect((await asModerator.get(`${edition}/translations`)).status).toBe(403);
    expect((await asAdmin.get(`${edition}/translations?missing=xx`)).status).toBe(200);
  });
});

describe('two editors at once', () => {
  it('refuses the stale save with 409, shows their values next to yours, keeps yours in the form with the new version, and overwrites nothing', async () => {
    const path = await createSession({ 'title.en': 'Shared', 'title.ko': '공유' });
    const opened = versionOf((await asAdmin.get(path)).text);
    const first = await asAdmin.submit(
      path,
      sessionForm({ 'title.en': 'Shared by Ada', 'title.ko': '공유', version: opened }),
      '?/save'
    );
    expect(first.location).toBe(`${path}?notice=saved`);

    const before = await everythingVisible();
    const stale = await asAdmin.submit(
      path,
      sessionForm({ 'title.en': 'Shared by Bo', 'title.ko': '공유', startTime: '18:30', version: opened }),
      '?/save'
    );
    expect(stale.status).toBe(409);
    const text = mainText(stale.text);
    expect(text).toContain('Someone else saved first');
    expect(text).toContain('nothing was overwritten');
    expect(text).toContain('Title (English) Shared by Ada Shared by Bo');
    expect(text).toContain('Start 19:00 18:30');
    expect(stale.text).toContain('value="Shared by Bo"');
    expect(versionOf(stale.text)).toBe(String(Number(opened) + 1));
    expect(stale.text).toContain('<title>Error: ');
    expect(await everythingVisible()).toBe(before);
    expect(mainText((await asAdmin.get(path)).text)).toContain('Edit session: Shared by Ada');

    const deliberate = await asAdmin.submit(
      path,
      sessionForm({ 'title.en': 'Shared by Bo', 'title.ko': '공유', version: versionOf(stale.text) }),
      '?/save'
    );
    expect(deliberate.location).toBe(`${path}?notice=saved`);
  });

  it('refuses a stale publish, delete and item save with 409 and changes nothing', async () => {
    const path = await createSession({ 'title.en': 'Stale', 'title.ko': '오래된' });
    await asAdmin.submit(path, { 'title.ko': '항목', 'title.en': 'Item' }, '?/addItem');
    const [itemId] = itemIdsOf((await asAdmin.get(path)).text);
    await asAdmin.submit(path, sessionForm({ 'title.en': 'Stale', 'title.ko': '오래된', version: '1' }), '?/save');
    const before = await everythingVisible();
    for (const [action, fields] of [
      ['?/publish', { version: '1' }],
      ['?/delete', { version: '1', confirm: 'on' }]
    ] as const) {
      const response = await asAdmin.submit(path, fields, action);
      expect(response.status, action).toBe(409);
      expect(mainText(response.text)).toContain('so nothing was changed');
    }
    expect(await everythingVisible()).toBe(before);
    expect(mainText((await asAdmin.get(path)).text)).toContain('State: Draft');

    const itemPath = `${path}/items/${itemId}`;
    await asAdmin.submit(itemPath, { 'title.ko': '항목', 'title.en': 'Item, first', version: '1' }, '?/save');
    const sessionPage = mainText((await asAdmin.get(path)).text);
    const staleItem = await asAdmin.submit(
      itemPath,
      { 'title.ko': '항목', 'title.en': 'Item, second', version: '1' },
      '?/save'
    );
    expect(staleItem.status).toBe(409);
    expect(mainText(staleItem.text)).toContain('Title (English) Item, first Item, second');
    expect(staleItem.text).toContain('value="Item, second"');
    expect(versionOf(staleItem.text)).toBe('2');
    expect(mainText((await asAdmin.get(path)).text)).toBe(sessionPage);
  });
});

describe('bad input gets a clear 4xx beside its field, and nothing is stored', () => {
  it.each([
    ['an oversized title', { 'title.ko': '가'.repeat(201) }, 'title-ko', 'use at most 200 characters'],
    ['an oversized summary', { 'summary.en': 'x'.repeat(4001) }, 'summary-en', 'use at most 4000 characters'],
    ['a time that is not a time', { startTime: '1900' }, 'startTime', 'Enter the time as HH:MM'],
    ['a kind that does not exist', { kind: 'party' }, 'kind', 'Choose from the list.'],
    [
      'a flag that is not a checkbox value',
      { isIllustrative: 'maybe' },
      'isIllustrative',
      'Tick the box or leave it empty.'
    ],
    ['a channel id that is not an id', { channelIds: 'Not An Id!' }, 'channelIds', 'Choose from the list.'],
    ['a day of no edition', { dayId: 'day-9' }, 'dayId', 'Choose a day of this edition.'],
    ['a stage of no edition', { stageId: 'elsewhere' }, 'stageId', 'Choose a stage of this edition, or none.'],
    [
      'no title in the edition’s language',
      { 'title.ko': '' },
      'title-ko',
      'Enter a title in the edition’s main language.'
    ],
    ['an end before the start', { startTime: '19:00', endTime: '18:00' }, 'endTime', 'The end must be after the start.']
  ])('creating a session with %s', async (_what, overrides, field, message) => {
    const before = await everythingVisible();
    const response = await asAdmin.submit(`${edition}/sessions/new`, sessionForm(overrides), '?/create');
    expect(response.status).toBe(400);
    expect(mainText(response.text)).toContain(message);
    expect(response.text).toContain(`href="#${field}"`);
    expect(response.text).toMatch(
      new RegExp(`id="${field}"[^>]*(aria-invalid="true"|aria-describedby="[^"]*${field}-error)|id="${field}-error"`)
    );
    expect(await everythingVisible()).toBe(before);
  });

  it('creating a session with a file where a title belongs', async () => {
    const before = await everythingVisible();
    const body = new FormData();
    for (const [name, value] of Object.entries({
      csrf: csrfOf((await asAdmin.get(`${edition}/sessions/new`)).text),
      ...sessionForm()
    }))
      body.set(name, value);
    body.set('title.ko', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'title.pdf');
    const response = await fetch(`${server.url}${edition}/sessions/new?/create`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: {
        origin: asAdmin.origin,
        accept: 'text/html',
        cookie: [...asAdmin.cookies].map(([n, v]) => `${n}=${v}`).join('; ')
      }
    });
    expect(response.status).toBe(400);
    expect(mainText(await response.text())).toContain('This text is too long or not text');
    expect(await everythingVisible()).toBe(before);
  });

  it.each([
    ['an unknown speaker', { speakerIds: 'nobody-at-all' }, 'item-speakerIds', 'Choose speakers of this edition only.'],
    ['an oversized title', { 'title.en': 'x'.repeat(301) }, 'item-title-en', 'use at most 300 characters'],
    [
      'only a start time',
      { startTime: '19:05' },
      'item-endTime',
      'Enter both the start and the end, or leave both empty.'
    ],
    [
      'times outside the session',
      { startTime: '09:00', endTime: '09:30' },
      'item-startTime',
      'The item’s times must lie within the session’s.'
    ]
  ])('adding a programme item with %s', async (_what, overrides, field, message) => {
    const path = `${edition}/sessions/d2-keynote`;
    const before = mainText((await asAdmin.get(path)).text);
    const response = await asAdmin.submit(path, { 'title.ko': '항목', 'title.en': 'Item', ...overrides }, '?/addItem');
    expect(response.status).toBe(400);
    expect(mainText(response.text)).toContain(message);
    expect(response.text).toContain(`href="#${field}"`);
    expect(mainText((await asAdmin.get(path)).text)).toBe(before);
  });

  it('answers unknown editions, sessions and items with 404, for pages and forms', async () => {
    for (const path of [
      '/console/editions/no-such-edition',
      `${edition}/sessions/no-such-session`,
      `${edition}/preview/sessions/no-such-session`,
      `${edition}/sessions/d2-keynote/items/no-such-item`,
      `${edition}/sessions/d1-cases/items/d2-keynote-talk`
    ]) {
      expect((await asAdmin.get(path)).status, path).toBe(404);
    }
    const csrf = csrfOf((await asAdmin.get(edition)).text);
    const before = await everythingVisible();
    const posts: [string, Record<string, string>][] = [
      [`${edition}/sessions/no-such-session?/save`, { ...sessionForm(), version: '1' }],
      [`${edition}/sessions/no-such-session?/addItem`, { 'title.ko': '항목' }],
      [`${edition}/sessions/d2-keynote?/removeItem`, { item: 'no-such-item', version: '1' }],
      [`${edition}?/move`, { session: 'no-such-session', direction: 'up' }],
      [`${edition}?/restore`, { session: 'no-such-session', version: '1' }],
      ['/console/editions/no-such-edition/sessions/new?/create', sessionForm()]
    ];
    for (const [path, fields] of posts) {
      const response = await asAdmin.post(path, { csrf, ...fields });
      expect(response.status, path).toBe(404);
    }
    expect(await everythingVisible()).toBe(before);
  });

  it('refuses a form without a whole-number version or with a made-up direction', async () => {
    const before = await everythingVisible();
    const path = `${edition}/sessions/d2-keynote`;
    for (const version of ['', 'abc', '-1', '1.5', '99999999999']) {
      const response = await asAdmin.submit(path, sessionForm({ version }), '?/save');
      expect(response.status, version).toBe(400);
      expect(mainText(response.text)).toContain('The form is missing its version');
    }
    expect((await asAdmin.submit(edition, { session: 'd2-keynote', direction: 'sideways' }, '?/move')).status).toBe(
      400
    );
    expect(await everythingVisible()).toBe(before);
  });
});

describe('only editors of the edition get in', () => {
  const pages = [
    edition,
    `${edition}/translations`,
    `${edition}/sessions/new`,
    `${edition}/sessions/d2-keynote`,
    `${edition}/sessions/d2-keynote/items/d2-keynote-talk`,
    `${edition}/preview/sessions/d2-keynote`
  ];
  const actions: [string, Record<string, string>][] = [
    [`${edition}?/move`, { session: 'd2-keynote', direction: 'down' }],
    [`${edition}?/moveToDay`, { session: 'd2-keynote', day: 'day-1', version: '1' }],
    [`${edition}?/restore`, { session: 'd2-keynote', version: '1' }],
    [`${edition}/sessions/new?/create`, sessionForm()],
    [`${edition}/sessions/d2-keynote?/save`, sessionForm({ version: '1' })],
    [`${edition}/sessions/d2-keynote?/unpublish`, { version: '1' }],
    [`${edition}/sessions/d2-keynote?/delete`, { version: '1', confirm: 'on' }],
    [`${edition}/sessions/d2-keynote?/addItem`, { 'title.ko': '항목', speakerIds: 'sokwoo-rhee' }],
    [`${edition}/sessions/d2-keynote?/removeItem`, { item: 'd2-keynote-talk', version: '1' }],
    [`${edition}/sessions/d2-keynote?/moveItem`, { item: 'd2-keynote-talk', direction: 'down' }],
    [`${edition}/sessions/d2-keynote/items/d2-keynote-talk?/save`, { 'title.ko': '바뀜', version: '1' }]
  ];

  it.each(pages)('GET %s sends an anonymous visitor to sign in and back', async (path) => {
    const page = await client().get(path);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/console/sign-in?next=${encodeURIComponent(path)}`);
  });

  it.each(pages)('GET %s is refused to a moderator with the 403 page', async (path) => {
    const page = await asModerator.get(path);
    expect(page.status).toBe(403);
    expect(mainText(page.text)).toContain('Your account does not have a role that allows this.');
  });

  it('does not offer the programme pages on a moderator’s dashboard', async () => {
    expect((await asModerator.get('/console')).text).not.toContain(`href="${edition}"`);
  });

  it('refuses every action to an anonymous visitor, a moderator and a forged form, changing nothing', async () => {
    const before = await everythingVisible();
    const visitor = client();
    const visitorCsrf = csrfOf((await visitor.get('/console/sign-in')).text);
    const moderatorCsrf = csrfOf((await asModerator.get('/console')).text);
    const adminCsrf = csrfOf((await asAdmin.get(edition)).text);
    for (const [path, fields] of actions) {
      const anonymous = await visitor.post(path, { csrf: visitorCsrf, ...fields });
      expect(anonymous.status, `anonymous ${path}`).toBe(303);
      expect(anonymous.location).toMatch(/^\/console\/sign-in\?next=/);
      const moderator = await asModerator.post(path, { csrf: moderatorCsrf, ...fields });
      expect(moderator.status, `moderator ${path}`).toBe(403);
      for (const csrf of [undefined, `${adminCsrf.slice(0, -2)}xx`, moderatorCsrf]) {
        const forged = await asAdmin.post(path, { ...(csrf === undefined ? {} : { csrf }), ...fields });
        expect(forged.status, `forged ${path}`).toBe(403);
        expect(mainText(forged.text)).toContain('nothing was changed');
      }
    }
    expect(await everythingVisible()).toBe(before);
  });
});

describe('in Korean', () => {
  it('speaks Korean on every programme page, with errors beside the fields', async () => {
    const korean = client();
    korean.cookies.set('madang_session', asAdmin.cookies.get('madang_session')!);
    korean.cookies.set('lang', 'ko');
    expect(mainText((await korean.get(edition)).text)).toContain('프로그램: 2020 서울 스마트시티 리더스 포럼');
    const response = await korean.submit(`${edition}/sessions/new`, sessionForm({ 'title.ko': '' }), '?/create');
    expect(response.status).toBe(400);
    expect(mainText(response.text)).toContain('회차의 기본 언어로 제목을 입력하세요.');
    expect(mainText(response.text)).toContain('제목 (한국어)');
  });
});
