/**
 * The console's accessibility story (e2e/console-accessibility-ko and -en):
 * organisers who use a screen reader, a keyboard or dark mode can use every
 * console page, in Korean and in English. axe-core reports nothing on any of
 * them (with and without form errors, and on the error pages), and a keyboard
 * alone signs in. One file per language, each with its own server and
 * Chromium, so the two languages are checked side by side.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../../src/lib/server/mail/testing/smtpCapture.js';
import { axeViolations, colourRules, launchBrowser } from './browser.js';
import { ConsoleClient, consoleLinkIn } from './consoleClient.js';
import { startTestServer, type TestServer } from './testServer.js';

const password = 'orange kettle under the bridge';

let server: TestServer;
let smtp: SmtpCapture;
let browser: Browser;
/** Links that work once, captured before anyone uses them. */
const links = { setup: '', invitation: '', passwordReset: '', draftPoll: '' };

let peopleReady: Promise<void> | null = null;
/** Everyone the pages are checked as, set up over HTTP (once) after the one-time pages have been checked. */
function setUpPeople(): Promise<void> {
  peopleReady ??= createPeople();
  return peopleReady;
}

async function createPeople(): Promise<void> {
  const admin = new ConsoleClient(server.url);
  await admin.submit(links.setup, { email: 'admin@example.org', displayName: 'Ada Admin', password });
  for (const [email, role] of [
    ['speaker@example.org', 'speaker'],
    ['pending@example.org', 'moderator']
  ] as const) {
    await admin.submit('/console/people', { email, role, edition: 'seoul-2020', mailLocale: 'en' }, '?/invite');
  }
  const speaker = new ConsoleClient(server.url);
  await speaker.submit(consoleLinkIn(await smtp.next('speaker@example.org')), { displayName: 'Sam Speaker', password });
  links.invitation = consoleLinkIn(await smtp.next('pending@example.org'));
  await createPolls(admin);
  // A destination on the stage, so its status, masked key and forms are checked too.
  const destination = await admin.submit(
    stageDestinations,
    { name: 'YouTube', url: 'rtmp://a.rtmp.youtube.com/live2', key: 'abcd-efgh-1a2b', enabled: 'on' },
    '?/add'
  );
  expect(destination.location).toBe(`${stageDestinations}?notice=added`);
  await new ConsoleClient(server.url).submit('/console/password-reset', { email: 'speaker@example.org' });
  links.passwordReset = consoleLinkIn(await smtp.next('speaker@example.org'));
  // Questions on the Q&A moderation page, so its lists, buttons and merge choices are checked too.
  const citizen = new ConsoleClient(server.url);
  for (const [text, displayName] of [
    ['Will the sensors cover every district?', 'Jiwoo'],
    ['How is the data kept private?', '']
  ] as const) {
    const key = /name="idempotencyKey" value="([0-9a-f-]{36})"/.exec(
      (await citizen.get('/seoul-2020/sessions/d2-talk-concert')).text
    )![1]!;
    const asked = await citizen.post('/seoul-2020/sessions/d2-talk-concert?/askQuestion', {
      text,
      displayName,
      idempotencyKey: key
    });
    expect(asked.status).toBe(303);
  }
}

/** A session's polls: a draft to edit, and an open one whose results show as bars and a table. */
const polls = '/console/editions/seoul-2020/sessions/d1-talk-concert/polls';
async function createPolls(admin: ConsoleClient): Promise<void> {
  const poll = (question: string) => ({
    'question.ko': question,
    'question.en': question,
    'option1.ko': '서울',
    'option1.en': 'Seoul',
    'option2.ko': '헬싱키',
    kind: 'multiple',
    maxChoices: '2'
  });
  const open = (await admin.submit(polls, poll('열린 투표'), '?/create')).location!.split('#poll-')[1]!;
  await admin.submit(polls, { poll: open, version: '1' }, '?/open');
  links.draftPoll = (await admin.submit(polls, poll('초안 투표'), '?/create')).location!.split('#poll-')[1]!;
}

const sessions = new Map<string, Promise<string>>();
/** A session cookie for `email`, signed in once over HTTP and shared by the checks. */
function sessionOf(email: string): Promise<string> {
  let session = sessions.get(email);
  if (!session) {
    const client = new ConsoleClient(server.url);
    session = client.submit('/console/sign-in', { email, password }).then(() => client.cookies.get('madang_session')!);
    sessions.set(email, session);
  }
  return session;
}

async function contextFor(who: { email: string } | null): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
  if (who) await context.addCookies([{ name: 'madang_session', value: await sessionOf(who.email), url: server.url }]);
  return context;
}

interface Check {
  readonly name: string;
  readonly path: () => string;
  readonly as: { email: string } | null;
  readonly status: number;
  /** Something to do on the page before checking it (e.g. submit a form with mistakes). */
  readonly act?: (page: Page) => Promise<unknown>;
}

const admin = { email: 'admin@example.org' };
/** The edition whose city and channel pages are checked. */
const places = '/console/editions/seoul-2020';
const speaker = { email: 'speaker@example.org' };
const speakerPages = '/console/editions/seoul-2020/speakers';
const submitEmpty = (page: Page) => page.locator('main form[novalidate] button[type=submit]').first().click();
/** A schedule whose days are not a list: the import page lists the problem with its place in the file. */
async function submitBrokenSchedule(page: Page) {
  await page.setInputFiles('#file', {
    name: 'schedule.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schedule":{"conference":{"days":"soon"}}}')
  });
  await page.fill('#slug', 'broken-schedule');
  return page.locator('main form[novalidate] button[type=submit]').first().click();
}

const beforeSetup: Check[] = [
  { name: 'first administrator', path: () => links.setup, as: null, status: 200 },
  { name: 'first administrator, with mistakes', path: () => links.setup, as: null, status: 400, act: submitEmpty }
];

const afterSetup: Check[] = [
  { name: 'sign-in', path: () => '/console/sign-in', as: null, status: 200 },
  { name: 'sign-in, refused', path: () => '/console/sign-in', as: null, status: 401, act: submitEmpty },
  { name: 'password reset', path: () => '/console/password-reset', as: null, status: 200 },
  { name: 'password reset, sent', path: () => '/console/password-reset?sent', as: null, status: 200 },
  { name: 'new password', path: () => links.passwordReset, as: null, status: 200 },
  { name: 'new password, with mistakes', path: () => links.passwordReset, as: null, status: 400, act: submitEmpty },
  { name: 'invitation', path: () => links.invitation, as: null, status: 200 },
  { name: 'invitation, with mistakes', path: () => links.invitation, as: null, status: 400, act: submitEmpty },
  {
    name: 'invitation link that is not valid',
    path: () => `${links.invitation.slice(0, -3)}abc`,
    as: null,
    status: 404
  },
  { name: 'dashboard', path: () => '/console', as: admin, status: 200 },
  { name: 'dashboard of a speaker', path: () => '/console', as: speaker, status: 200 },
  { name: 'account', path: () => '/console/account', as: admin, status: 200 },
  { name: 'account, with mistakes', path: () => '/console/account', as: admin, status: 400, act: submitEmpty },
  { name: 'people', path: () => '/console/people', as: admin, status: 200 },
  { name: 'people, with mistakes', path: () => '/console/people', as: admin, status: 400, act: submitEmpty },
  { name: 'people, refused to a speaker', path: () => '/console/people', as: speaker, status: 403 },
  { name: 'import', path: () => '/console/import', as: admin, status: 200 },
  { name: 'import, with mistakes', path: () => '/console/import', as: admin, status: 400, act: submitEmpty },
  {
    name: 'import, a file with problems',
    path: () => '/console/import',
    as: admin,
    status: 400,
    act: submitBrokenSchedule
  },
  { name: 'import, refused to a speaker', path: () => '/console/import', as: speaker, status: 403 },
  { name: 'sign-out', path: () => '/console/sign-out', as: admin, status: 200 },
  { name: 'speakers', path: () => speakerPages, as: admin, status: 200 },
  { name: 'speakers, refused to a speaker', path: () => speakerPages, as: speaker, status: 403 },
  { name: 'new speaker', path: () => `${speakerPages}/new`, as: admin, status: 200 },
  { name: 'new speaker, with mistakes', path: () => `${speakerPages}/new`, as: admin, status: 400, act: submitEmpty },
  { name: 'speaker', path: () => `${speakerPages}/sokwoo-rhee`, as: admin, status: 200 },
  {
    name: 'speaker, with mistakes',
    path: () => `${speakerPages}/sokwoo-rhee`,
    as: admin,
    status: 400,
    act: async (page) => {
      await page.fill('#name-ko', '');
      await page.fill('#languages', 'not a language!');
      await submitEmpty(page);
    }
  },
  {
    name: 'speaker, a text file as the photo',
    path: () => `${speakerPages}/sokwoo-rhee`,
    as: admin,
    status: 415,
    act: async (page) => {
      await page.setInputFiles('#photo', {
        name: 'notes.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('not a photo')
      });
      await page.locator('form[action="?/photo"] button[type=submit]').click();
    }
  },
  { name: 'cities', path: () => `${places}/cities`, as: admin, status: 200 },
  { name: 'new city', path: () => `${places}/cities/new`, as: admin, status: 200 },
  { name: 'new city, with mistakes', path: () => `${places}/cities/new`, as: admin, status: 400, act: submitEmpty },
  { name: 'city', path: () => `${places}/cities/city-helsinki`, as: admin, status: 200 },
  {
    name: 'city, with a time zone that is not one',
    path: () => `${places}/cities/city-helsinki`,
    as: admin,
    status: 400,
    act: async (page) => {
      await page.fill('#zone', 'Europe/Atlantis');
      await page.locator('form[action="?/save"] button[type=submit]').click();
    }
  },
  {
    name: 'city, someone else saved first',
    path: () => `${places}/cities/city-the-hague`,
    as: admin,
    status: 409,
    act: async (page) => {
      await saveAsSomeoneElse(`${places}/cities/city-the-hague`, {
        'name.ko': '헤이그',
        'name.en': 'The Hague',
        country: 'NL',
        zone: 'Europe/Amsterdam'
      });
      await page.fill('#name-en', 'Den Haag');
      await page.locator('form[action="?/save"] button[type=submit]').click();
    }
  },
  { name: 'channels', path: () => `${places}/channels`, as: admin, status: 200 },
  { name: 'new channel', path: () => `${places}/channels/new`, as: admin, status: 200 },
  {
    name: 'new channel, with mistakes',
    path: () => `${places}/channels/new`,
    as: admin,
    status: 400,
    act: submitEmpty
  },
  { name: 'channel', path: () => `${places}/channels/ch-live-seoul`, as: admin, status: 200 },
  {
    name: 'channel, with a javascript: address',
    path: () => `${places}/channels/ch-live-seoul`,
    as: admin,
    status: 400,
    act: async (page) => {
      await page.fill('#url', 'javascript:alert(1)');
      await page.locator('form[action="?/save"] button[type=submit]').click();
    }
  },
  { name: 'city, refused to a speaker', path: () => `${places}/cities/city-seoul`, as: speaker, status: 403 },
  { name: 'new edition', path: () => '/console/editions/new', as: admin, status: 200 },
  { name: 'new edition, with mistakes', path: () => '/console/editions/new', as: admin, status: 400, act: submitEmpty },
  { name: 'edition settings', path: () => '/console/editions/seoul-2020/settings', as: admin, status: 200 },
  { name: 'edition days', path: () => '/console/editions/seoul-2020/days', as: admin, status: 200 },
  { name: 'session polls', path: () => polls, as: admin, status: 200 },
  {
    name: 'session polls, a new poll with mistakes',
    path: () => polls,
    as: admin,
    status: 400,
    act: (page) => page.locator('form[action="?/create"] button[type=submit]').click()
  },
  { name: 'session polls, refused to a speaker', path: () => polls, as: speaker, status: 403 },
  { name: 'draft poll', path: () => `${polls}/${links.draftPoll}`, as: admin, status: 200 },
  {
    name: 'edition days, a day with mistakes',
    path: () => '/console/editions/seoul-2020/days',
    as: admin,
    status: 400,
    act: (page) => page.locator('form[action="?/addDay"] button[type=submit]').click()
  },
  { name: 'session questions', path: () => sessionQuestions, as: admin, status: 200 },
  { name: 'session questions, refused to a speaker', path: () => sessionQuestions, as: speaker, status: 403 },
  {
    name: 'session questions, pre-moderation switched',
    path: () => sessionQuestions,
    as: admin,
    status: 303,
    act: (page) => page.locator('form[action="?/premoderation"] button[type=submit]').click()
  },
  {
    name: 'session questions, another moderator switched pre-moderation first',
    path: () => sessionQuestions,
    as: admin,
    status: 409,
    act: async (page) => {
      await switchPremoderationAsSomeoneElse();
      await page.locator('form[action="?/premoderation"] button[type=submit]').click();
    }
  },
  {
    name: 'session chat moderation',
    path: () => '/console/editions/seoul-2020/sessions/d1-talk-concert/chat',
    as: admin,
    status: 200
  },
  {
    name: 'session chat moderation, a slow mode that is not a number',
    path: () => '/console/editions/seoul-2020/sessions/d1-talk-concert/chat',
    as: admin,
    status: 400,
    act: async (page) => {
      await page.fill('#slowModeSeconds', 'soon');
      await page.locator('form[action="?/slowMode"] button[type=submit]').click();
    }
  },
  { name: 'word filter', path: () => '/console/editions/seoul-2020/word-filter', as: admin, status: 200 },
  {
    name: 'word filter, a word that is too long',
    path: () => '/console/editions/seoul-2020/word-filter',
    as: admin,
    status: 400,
    act: async (page) => {
      await page.fill('#words', 'x'.repeat(61));
      await page.locator('form[action="?/save"] button[type=submit]').click();
    }
  },
  {
    name: 'word filter, refused to a speaker',
    path: () => '/console/editions/seoul-2020/word-filter',
    as: speaker,
    status: 403
  },
  { name: 'stage outside destinations', path: () => stageDestinations, as: admin, status: 200 },
  {
    name: 'stage outside destinations, a server URL that is not RTMP',
    path: () => stageDestinations,
    as: admin,
    status: 400,
    act: async (page) => {
      await page.fill('#name', 'Facebook');
      await page.fill('#url', 'https://www.facebook.com/live');
      await page.fill('#key', 'FB-1234');
      await page.locator('form[action="?/add"] button[type=submit]').click();
    }
  },
  { name: 'stage broadcast', path: () => '/console/editions/seoul-2020/stages/seoul-on', as: admin, status: 200 },
  {
    name: 'stage broadcast, key rotation not confirmed',
    path: () => '/console/editions/seoul-2020/stages/seoul-on',
    as: admin,
    status: 400,
    act: (page) => page.locator('form[action="?/rotate"] button[type=submit]').click()
  },
  {
    name: 'stage broadcast, refused to a speaker',
    path: () => '/console/editions/seoul-2020/stages/seoul-on',
    as: speaker,
    status: 403
  }
];

const stageDestinations = '/console/editions/seoul-2020/stages/seoul-on/destinations';

const sessionQuestions = '/console/editions/seoul-2020/sessions/d2-talk-concert/questions';

/** Switches the session's pre-moderation over HTTP as the administrator, so the page open in the browser is stale. */
async function switchPremoderationAsSomeoneElse(): Promise<void> {
  const other = new ConsoleClient(server.url);
  other.cookies.set('madang_session', await sessionOf(admin.email));
  const html = (await other.get(sessionQuestions)).text;
  const form = html.slice(html.indexOf('action="?/premoderation"'));
  const version = /name="version" value="(\d+)"/.exec(form)![1]!;
  const premoderated = /name="premoderated" value="(on|off)"/.exec(form)![1]!;
  const switched = await other.submit(sessionQuestions, { version, premoderated }, '?/premoderation');
  expect(switched.status).toBe(303);
}

/** Saves a city over HTTP as the administrator, so the form open in the browser is stale. */
async function saveAsSomeoneElse(path: string, fields: Record<string, string>): Promise<void> {
  const other = new ConsoleClient(server.url);
  other.cookies.set('madang_session', await sessionOf(admin.email));
  const version = /name="version" value="(\d+)"/.exec((await other.get(path)).text)![1]!;
  const saved = await other.submit(
    path,
    { ...fields, version, 'summary.en': `Saved by someone else at version ${version}` },
    '?/save'
  );
  expect(saved.status).toBe(303);
}

/**
 * One page in one language: every rule in the light scheme, then — the same
 * page, switched to dark — the rules that depend on colours (the markup is
 * the same in both; only the colours change).
 */
async function check(item: Check, lang: string): Promise<void> {
  const context = await contextFor(item.as);
  try {
    const page = await context.newPage();
    const separator = item.path().includes('?') ? '&' : '?';
    const response = await page.goto(`${server.url}${item.path()}${separator}lang=${lang}`);
    let status = response?.status() ?? 0;
    if (item.act) {
      const [next] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), item.act(page)]);
      await page.waitForLoadState();
      status = next.status();
    }
    expect(status, item.name).toBe(item.status);
    expect(new URL(page.url()).pathname, item.name).toBe(item.path().split('?')[0]);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await axeViolations(page), `${item.name} (${lang}, light)`).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page, colourRules), `${item.name} (${lang}, dark)`).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Registers the file's server, browser and checks: every console page in `lang`, and with `keyboard` the keyboard sign-in. */
export function consoleAccessibility(lang: 'ko' | 'en', { keyboard = false } = {}): void {
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    [server, browser] = await Promise.all([startTestServer({ SMTP_URL: smtp.url }), launchBrowser()]);
    links.setup = server.setupPath!;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  describe(`every console page passes axe-core in ${lang === 'ko' ? 'Korean' : 'English'}, light and dark`, () => {
    test('the one-time first-administrator page', async () => {
      for (const item of beforeSetup) await check(item, lang);
    });

    test('(setting up the people the other pages are seen as)', async () => {
      await setUpPeople();
    });

    describe(lang, () => {
      test.each(afterSetup.map((item) => [item.name, item] as const))('%s', async (_name, item) => {
        await check(item, lang);
      });
    });
  });

  if (keyboard)
    describe('a keyboard alone', () => {
      test('signs in: skip link, e-mail, password, button — with the focus always visible', async () => {
        await setUpPeople();
        const context = await browser.newContext({ locale: 'en-GB' });
        const page = await context.newPage();
        await page.goto(`${server.url}/console/sign-in?lang=en`);
        const focused = () =>
          page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            const style = el ? getComputedStyle(el) : null;
            return {
              tag: el?.tagName ?? '',
              id: el?.id ?? '',
              text: el?.textContent?.trim() ?? '',
              outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : ''
            };
          });

        await page.keyboard.press('Tab');
        expect(await focused()).toMatchObject({ tag: 'A', text: 'Skip to main content' });
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        expect(await focused()).toMatchObject({ tag: 'INPUT', id: 'email', outline: 'solid 3px' });
        await page.keyboard.type('admin@example.org');
        await page.keyboard.press('Tab');
        expect(await focused()).toMatchObject({ tag: 'INPUT', id: 'password', outline: 'solid 3px' });
        await page.keyboard.type(password);
        await page.keyboard.press('Tab');
        expect(await focused()).toMatchObject({ tag: 'BUTTON', text: 'Sign in', outline: 'solid 3px' });
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        expect(new URL(page.url()).pathname).toBe('/console');
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Ada Admin');
        await context.close();
      });
    });
}
