/**
 * Story: an administrator starts a new edition in the console over plain
 * HTTP (a browser without JavaScript): creates it as a draft, adds two days,
 * edits its settings, publishes it and sees it on the public site; deletes
 * and restores days and editions. A producer cannot create editions; bad
 * input, unknown days, a forged form and a stale form all get a clear 4xx
 * with the message, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../src/lib/server/mail/testing/smtpCapture.js';
import { ConsoleClient, consoleLinkIn, csrfOf, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const settings = '/console/editions/seoul-2021/settings';
const days = '/console/editions/seoul-2021/days';

let server: TestServer;
let smtp: SmtpCapture;
let asAdmin: ConsoleClient;
let asProducer: ConsoleClient;
const client = () => new ConsoleClient(server.url);

/** A complete new-edition form, as the console's own form posts it. */
function editionForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    slug: 'seoul-2021',
    'title.ko': '2021 서울 스마트시티 리더스 포럼',
    'title.en': '2021 Seoul Smart City Leaders Forum',
    'theme.ko': '',
    'theme.en': '',
    'summary.ko': '',
    'summary.en': '',
    hostZone: 'Asia/Seoul',
    locales: 'ko',
    extraLocales: 'en',
    defaultLocale: 'ko',
    startsOn: '2021-09-01',
    endsOn: '2021-09-03',
    ...overrides
  };
}

/** The `version` of the first form on the page. */
const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
/** The ids of the days listed on the days page, in order. */
const dayIdsOf = (html: string) => [...html.matchAll(/<li id="day-([a-z0-9-]+)"/g)].map((m) => m[1]!);
/** The version a day's form or button sends. */
function dayVersionOf(html: string, id: string): string {
  const at = html.indexOf(`name="day" value="${id}"`);
  return /name="version" value="(\d+)"/.exec(html.slice(at - 300))![1]!;
}

/** Everything an admin sees of editions: if a refused request changed anything, this changes. */
async function editionsVisible(): Promise<string> {
  const [dashboard, page] = await Promise.all([asAdmin.get('/console'), asAdmin.get(days)]);
  return `${mainText(dashboard.text)}\n${mainText(page.text)}`.replace(
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
    { email: 'pat@example.org', role: 'producer', edition: 'seoul-2020', mailLocale: 'en' },
    '?/invite'
  );
  expect(invited.status).toBe(303);
  asProducer = client();
  const accepted = await asProducer.submit(consoleLinkIn(await smtp.next('pat@example.org')), {
    displayName: 'Pat Producer',
    password
  });
  expect(accepted.location).toBe('/console?notice=invitation-accepted');
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

describe('an administrator starts a new edition', () => {
  it('refuses a producer the new-edition page and its form (403), storing nothing', async () => {
    expect((await asProducer.get('/console')).text).not.toContain('href="/console/editions/new"');
    const page = await asProducer.get('/console/editions/new');
    expect(page.status).toBe(403);
    const csrf = csrfOf((await asProducer.get('/console')).text);
    const refused = await asProducer.post('/console/editions/new?/create', { csrf, ...editionForm() });
    expect(refused.status).toBe(403);
    expect((await asAdmin.get(settings)).status).toBe(404);
  });

  it('refuses bad input with the message beside the field, storing nothing', async () => {
    const before = await editionsVisible();
    const cases: [Record<string, string>, string][] = [
      [{ 'title.en': 'x'.repeat(201) }, 'This text is too long or not text: use at most 200 characters.'],
      [{ hostZone: 'Asia/Atlantis' }, 'This is not a time zone Madang knows.'],
      [{ endsOn: '2021-08-31' }, 'The last day cannot be before the first day.'],
      [{ slug: 'seoul-2020' }, 'Another edition already uses this address'],
      [{ slug: 'console' }, 'Madang uses this address itself.'],
      [{ slug: 'Seoul 2021' }, 'Use 2 to 63 lowercase letters'],
      [{ startsOn: '2021-02-30' }, 'Enter a real date as YYYY-MM-DD'],
      [{ defaultLocale: 'ja' }, 'The main language must be one of the languages offered.'],
      [{ 'title.ko': '' }, 'Enter a title in the main language.']
    ];
    for (const [overrides, message] of cases) {
      const response = await asAdmin.submit('/console/editions/new', editionForm(overrides), '?/create');
      expect(response.status, message).toBe(400);
      expect(mainText(response.text)).toContain(message);
      expect(response.text).toContain('aria-invalid="true"');
    }
    expect(await editionsVisible()).toBe(before);
  });

  it('creates a draft edition that the public site does not show', async () => {
    const dashboard = await asAdmin.get('/console');
    expect(dashboard.text).toContain('href="/console/editions/new"');
    const created = await asAdmin.submit('/console/editions/new', editionForm(), '?/create');
    expect(created.status, mainText(created.text)).toBe(303);
    expect(created.location).toBe(`${settings}?notice=created`);
    const page = await asAdmin.get(created.location!);
    expect(mainText(page.text)).toContain('The edition has been created as a draft.');
    expect(mainText(page.text)).toContain('The edition is a draft');
    expect(mainText(page.text)).toContain('Created edition “2021 Seoul Smart City Leaders Forum”');
    expect((await client().get('/seoul-2021')).status).toBe(404);
    expect((await client().get('/seoul-2021/programme')).status).toBe(404);
    expect(mainText((await client().get('/')).text)).not.toContain('2021 Seoul');
    expect(mainText((await asAdmin.get('/console')).text)).toContain('2021 Seoul Smart City Leaders Forum Draft');
    const overview = await asAdmin.get('/console/editions/seoul-2021');
    expect(overview.text).toContain('href="/console/editions/seoul-2021/days"');
    expect(overview.text).toContain('href="/console/editions/seoul-2021/settings"');
  });

  it('adds two days, listed by date, and refuses a day outside the edition', async () => {
    const second = await asAdmin.submit(
      days,
      { date: '2021-09-02', 'title.ko': '둘째 날', 'title.en': 'Day two' },
      '?/addDay'
    );
    expect(second.status, mainText(second.text)).toBe(303);
    const first = await asAdmin.submit(
      days,
      { date: '2021-09-01', 'title.ko': '첫째 날', 'title.en': 'Day one' },
      '?/addDay'
    );
    expect(first.status).toBe(303);
    const outside = await asAdmin.submit(days, { date: '2021-09-05', 'title.ko': '밖' }, '?/addDay');
    expect(outside.status).toBe(400);
    expect(mainText(outside.text)).toContain('The date must lie within the edition’s dates.');
    const page = await asAdmin.get(days);
    const text = mainText(page.text);
    expect(text.indexOf('Day one, Wednesday, September 1, 2021')).toBeLessThan(
      text.indexOf('Day two, Thursday, September 2, 2021')
    );
    expect(dayIdsOf(page.text)).toHaveLength(2);
  });

  it('edits a day, refusing an unknown day, a stale version and a forged form', async () => {
    const page = await asAdmin.get(days);
    const [dayOne] = dayIdsOf(page.text);
    const version = dayVersionOf(page.text, dayOne!);
    const fields = { day: dayOne!, version, date: '2021-09-01', 'title.ko': '첫째 날', 'title.en': 'Opening day' };
    const saved = await asAdmin.submit(days, fields, '?/saveDay');
    expect(saved.status, mainText(saved.text)).toBe(303);
    const before = await editionsVisible();
    const unknown = await asAdmin.submit(days, { ...fields, day: 'no-such-day', version: '1' }, '?/saveDay');
    expect(unknown.status).toBe(404);
    expect(mainText(unknown.text)).toContain('That day does not exist in this edition');
    const stale = await asAdmin.submit(days, { ...fields, 'title.en': 'Overwritten' }, '?/saveDay');
    expect(stale.status).toBe(409);
    expect(mainText(stale.text)).toContain('Someone else saved first');
    expect(mainText(stale.text)).toContain('Opening day Overwritten');
    const csrf = csrfOf((await asAdmin.get(days)).text);
    const forged = await asAdmin.post(`${days}?/saveDay`, {
      ...fields,
      csrf: `${csrf.slice(0, -2)}xx`,
      version: String(Number(version) + 1),
      'title.en': 'Forged'
    });
    expect(forged.status).toBe(403);
    expect(await editionsVisible()).toBe(before);
  });

  it('edits the settings, refusing a stale version, dates that leave a day out and a language that still has texts', async () => {
    const page = await asAdmin.get(settings);
    const version = versionOf(page.text);
    const base = editionForm({ locales: 'ko', extraLocales: '', version });
    const withEnglish = { ...base, locales: 'en', extraLocales: 'ko' };
    const saved = await asAdmin.submit(settings, { ...withEnglish, 'theme.en': 'Inclusive cities' }, '?/save');
    expect(saved.status, mainText(saved.text)).toBe(303);
    expect(saved.location).toBe(`${settings}?notice=saved`);
    const before = await editionsVisible();

    const stale = await asAdmin.submit(settings, { ...withEnglish, 'theme.en': 'Something else' }, '?/save');
    expect(stale.status).toBe(409);
    expect(mainText(stale.text)).toContain('Inclusive cities Something else');

    const current = versionOf((await asAdmin.get(settings)).text);
    const shrunk = await asAdmin.submit(settings, { ...withEnglish, version: current, endsOn: '2021-09-01' }, '?/save');
    expect(shrunk.status).toBe(400);
    expect(mainText(shrunk.text)).toContain('Days on Thursday, September 2, 2021 would fall outside these dates.');

    const koreanOnly = await asAdmin.submit(
      settings,
      { ...base, version: current, 'title.en': '', 'theme.en': '' },
      '?/save'
    );
    expect(koreanOnly.status).toBe(400);
    expect(mainText(koreanOnly.text)).toContain('Texts are still written in English (en) (2 records)');
    expect(await editionsVisible()).toBe(before);
    const history = mainText((await asAdmin.get(settings)).text);
    expect(history).toContain('Changed edition “2021 Seoul Smart City Leaders Forum” Theme');
  });

  it('publishes the edition: its public pages answer, with no sessions yet', async () => {
    const page = await asAdmin.get(settings);
    const published = await asAdmin.submit(settings, { version: versionOf(page.text) }, '?/publish');
    expect(published.status, mainText(published.text)).toBe(303);
    const home = await client().get('/seoul-2021');
    expect(home.status).toBe(200);
    expect(mainText(home.text)).toContain('2021 Seoul Smart City Leaders Forum');
    const programme = await client().get('/seoul-2021/programme');
    expect(programme.status).toBe(200);
    expect(mainText(programme.text)).toContain('The programme has not been published yet.');
    expect(mainText((await client().get('/')).text)).toContain('2021 Seoul Smart City Leaders Forum');
    // Published: the address is fixed now.
    const moved = await asAdmin.submit(
      settings,
      editionForm({ slug: 'seoul-2021b', version: versionOf((await asAdmin.get(settings)).text) }),
      '?/save'
    );
    expect(moved.status).toBe(400);
    expect(mainText(moved.text)).toContain('The edition is published, so its address cannot change.');
  });

  it('deletes and restores a day, and refuses to delete a day that still has sessions', async () => {
    const page = await asAdmin.get(days);
    const [, dayTwo] = dayIdsOf(page.text);
    const deleted = await asAdmin.submit(
      days,
      { day: dayTwo!, version: dayVersionOf(page.text, dayTwo!) },
      '?/deleteDay'
    );
    expect(deleted.status).toBe(303);
    const after = await asAdmin.get(days);
    expect(dayIdsOf(after.text)).not.toContain(dayTwo);
    expect(mainText(after.text)).toMatch(/Deleted days Day two ?, Thursday, September 2, 2021/);
    const restored = await asAdmin.submit(
      days,
      { day: dayTwo!, version: dayVersionOf(after.text, dayTwo!) },
      '?/restoreDay'
    );
    expect(restored.status).toBe(303);
    expect(dayIdsOf((await asAdmin.get(days)).text)).toContain(dayTwo);

    const demo = await asProducer.get('/console/editions/seoul-2020/days');
    expect(demo.status).toBe(200);
    const [busy] = dayIdsOf(demo.text);
    const refused = await asProducer.submit(
      '/console/editions/seoul-2020/days',
      { day: busy!, version: dayVersionOf(demo.text, busy!) },
      '?/deleteDay'
    );
    expect(refused.status).toBe(400);
    expect(mainText(refused.text)).toMatch(
      /This day still has \d+ sessions\. Move them to another day or delete them first/
    );
  });

  it('shows an edition with no days or sessions on the public site without error', async () => {
    const created = await asAdmin.submit(
      '/console/editions/new',
      editionForm({ slug: 'empty-2022', startsOn: '2022-05-01', endsOn: '2022-05-01' }),
      '?/create'
    );
    expect(created.status).toBe(303);
    const path = '/console/editions/empty-2022/settings';
    expect(
      (await asAdmin.submit(path, { version: versionOf((await asAdmin.get(path)).text) }, '?/publish')).status
    ).toBe(303);
    for (const page of ['', '/programme', '/speakers', '/cities', '/schedule.json', '/schedule.ics', '/schedule.xml']) {
      expect((await client().get(`/empty-2022${page}`)).status, page).toBe(200);
    }
  });

  it('deletes an edition off the public site and the dashboard, and restores it (administrators only)', async () => {
    const path = '/console/editions/empty-2022/settings';
    const producerCsrf = csrfOf((await asProducer.get('/console')).text);
    expect((await asProducer.post(`${path}?/delete`, { csrf: producerCsrf, version: '3', confirm: 'on' })).status).toBe(
      403
    );
    const unconfirmed = await asAdmin.submit(path, { version: versionOf((await asAdmin.get(path)).text) }, '?/delete');
    expect(unconfirmed.status).toBe(400);
    expect(mainText(unconfirmed.text)).toContain('Tick the box to confirm');
    const deleted = await asAdmin.submit(
      path,
      { version: versionOf((await asAdmin.get(path)).text), confirm: 'on' },
      '?/delete'
    );
    expect(deleted.status).toBe(303);
    expect(deleted.location).toBe('/console?notice=edition-deleted#deleted-editions');
    expect((await client().get('/empty-2022')).status).toBe(404);
    expect((await asAdmin.get(path)).status).toBe(404);
    const dashboard = await asAdmin.get('/console');
    expect(mainText(dashboard.text)).toContain('Deleted editions');
    expect(dashboard.text).not.toContain('href="/console/editions/empty-2022"');
    expect(mainText((await asProducer.get('/console')).text)).not.toContain('Deleted editions');
    const version = /name="edition" value="empty-2022"[^>]*>\s*<input[^>]*name="version" value="(\d+)"/.exec(
      dashboard.text
    )![1]!;
    expect(
      (await asProducer.post('/console?/restoreEdition', { csrf: producerCsrf, edition: 'empty-2022', version })).status
    ).toBe(403);
    const restored = await asAdmin.submit('/console', { edition: 'empty-2022', version }, '?/restoreEdition');
    expect(restored.status).toBe(303);
    expect(restored.location).toBe(`${path}?notice=restored`);
    expect((await client().get('/empty-2022')).status).toBe(200);
  });
});
