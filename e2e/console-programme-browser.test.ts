/**
 * Story: an organiser who uses only a keyboard signs in, creates a session,
 * gives it a programme item with Sokwoo Rhee, publishes it and finds it on
 * the public programme, seeing where the focus is at every stop. And every
 * console programme page — with and without form errors, after a conflict,
 * in Korean and English, light and dark — passes axe-core with nothing to
 * report.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, colourRules, launchBrowser } from './support/browser.js';
import { ConsoleClient, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const edition = '/console/editions/seoul-2020';

let server: TestServer;
let browser: Browser;
let admin: ConsoleClient;
/** A draft session with one programme item, made over HTTP for the page checks. */
let sessionPath = '';
let itemPath = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  admin = new ConsoleClient(server.url);
  const created = await admin.submit(server.setupPath!, {
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    password
  });
  expect(created.location).toBe('/console');
  const session = await admin.submit(
    `${edition}/sessions/new`,
    {
      'title.ko': '점검용 세션',
      'title.en': 'Session to check',
      dayId: 'day-2',
      kind: 'conference_session',
      stageId: '',
      startTime: '19:00',
      endTime: '19:30',
      channelIds: 'ch-site'
    },
    '?/create'
  );
  sessionPath = session.location!.split('?')[0]!;
  await admin.submit(sessionPath, { 'title.ko': '발표', 'title.en': 'A talk', speakerIds: 'sokwoo-rhee' }, '?/addItem');
  const itemId = /<li id="item-([a-z0-9-]+)"/.exec((await admin.get(sessionPath)).text)![1]!;
  itemPath = `${sessionPath}/items/${itemId}`;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Focused {
  tag: string;
  id: string;
  text: string;
  label: string;
  href: string | null;
  outlineStyle: string;
  outlineWidth: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    const labels = el && 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []) : [];
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim().replace(/\s+/g, ' '),
      label: labels.map((l) => (l.textContent ?? '').trim().replace(/\s+/g, ' ')).join(' '),
      href: el?.getAttribute('href') ?? null,
      outlineStyle: style?.outlineStyle ?? 'none',
      outlineWidth: style?.outlineWidth ?? '0px'
    };
  });
}

/** Presses Tab (or Shift+Tab) until `wanted` holds, checking that every stop on the way shows where the focus is. */
async function tabUntil(
  page: Page,
  wanted: (element: Focused) => boolean,
  what: string,
  key: 'Tab' | 'Shift+Tab' = 'Tab'
): Promise<Focused> {
  const visited: string[] = [];
  for (let presses = 0; presses < 150; presses++) {
    await page.keyboard.press(key);
    const element = await focused(page);
    expect(element.outlineStyle, `focus on <${element.tag}> “${element.text || element.label}” is visible`).not.toBe(
      'none'
    );
    expect(Number.parseFloat(element.outlineWidth)).toBeGreaterThanOrEqual(2);
    if (wanted(element)) return element;
    visited.push(element.id || element.text || element.tag);
  }
  throw new Error(`Tab never reached ${what}; focus went through: ${visited.join(' | ')}`);
}

async function enterAndWaitFor(page: Page, path: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(path), page.keyboard.press('Enter')]);
}

describe('a keyboard alone', () => {
  test('signs in, creates a session with Sokwoo Rhee, publishes it and finds it on the public programme', async () => {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Seoul' });
    await context.addCookies([{ name: 'tz', value: 'Asia/Seoul', url: server.url }]);
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/console/editions/seoul-2020`);
      expect(new URL(page.url()).pathname).toBe('/console/sign-in');

      await tabUntil(page, (el) => el.id === 'email', 'the e-mail field');
      await page.keyboard.type('admin@example.org');
      await page.keyboard.press('Tab');
      await page.keyboard.type(password);
      await enterAndWaitFor(page, /\/console\/editions\/seoul-2020$/);
      expect(await page.locator('h1').textContent()).toBe('Programme: 2020 Seoul Smart City Leaders Forum');

      await tabUntil(page, (el) => el.tag === 'a' && el.text === 'New session', 'New session');
      await enterAndWaitFor(page, /\/sessions\/new$/);
      await tabUntil(page, (el) => el.id === 'title-ko', 'the Korean title');
      expect((await focused(page)).label).toContain('Title (Korean)');
      await page.keyboard.type('시민과 함께하는 스마트시티');
      await page.keyboard.press('Tab');
      expect((await focused(page)).label).toContain('Title (English)');
      await page.keyboard.type('Smart city with citizens');
      await tabUntil(page, (el) => el.id === 'dayId', 'the day');
      await page.keyboard.press('ArrowDown');
      await tabUntil(page, (el) => el.id === 'startTime', 'the start');
      await page.keyboard.type('19:00');
      await page.keyboard.press('Tab');
      await page.keyboard.type('19:40');
      await tabUntil(page, (el) => el.id === 'kind', 'the kind');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#kind').inputValue()).toBe('talk_concert');
      await tabUntil(page, (el) => el.id === 'channelIds-ch-site', 'the forum website channel');
      await page.keyboard.press('Space');
      await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Create the session', 'Create the session');
      await enterAndWaitFor(page, /\/sessions\/smart-city-with-citizens-[0-9a-f]{6}\?notice=created$/);
      expect(await page.getByRole('status').textContent()).toBe('The session has been created as a draft.');
      const sessionUrl = page.url().split('?')[0]!;

      await tabUntil(page, (el) => el.id === 'item-title-ko', 'the programme item’s Korean title');
      await page.keyboard.type('시민 대화');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Talking with citizens');
      await tabUntil(page, (el) => el.label === 'Sokwoo Rhee', 'Sokwoo Rhee');
      await page.keyboard.press('Space');
      await tabUntil(
        page,
        (el) => el.tag === 'button' && el.text === 'Add the programme item',
        'Add the programme item'
      );
      await enterAndWaitFor(page, /\?notice=itemAdded#item-talking-with-citizens-[0-9a-f]{6}$/);
      expect(mainText(await page.content())).toContain('Talking with citizens Session times Speakers: Sokwoo Rhee');

      // Publishing sits above the programme items: back up to it.
      await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Publish', 'Publish', 'Shift+Tab');
      await enterAndWaitFor(page, /\?notice=published$/);
      expect(page.url().split('?')[0]).toBe(sessionUrl);
      expect(await page.getByRole('status').textContent()).toBe(
        'The session is published and on the public programme.'
      );

      await tabUntil(page, (el) => el.tag === 'a' && el.href === '/seoul-2020/programme', 'the public programme link');
      await enterAndWaitFor(page, /\/seoul-2020\/programme$/);
      const programme = mainText(await page.content());
      expect(programme).toContain('Smart city with citizens');
      await tabUntil(page, (el) => el.tag === 'a' && el.text === 'Smart city with citizens', 'the new session');
      await enterAndWaitFor(page, /\/seoul-2020\/sessions\/smart-city-with-citizens-[0-9a-f]{6}$/);
      expect(mainText(await page.content())).toContain('Running order Talking with citizens Speakers: Sokwoo Rhee');
    } finally {
      await context.close();
    }
  });
});

interface Check {
  readonly name: string;
  readonly path: () => string;
  readonly status: number;
  /** Something to do on the page before checking it; resolves once the resulting page has loaded. */
  readonly act?: (page: Page) => Promise<void>;
}

/** Submits the form holding `button` and waits for the answer. */
async function submitWith(page: Page, button: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator(button).first().click()
  ]);
  await page.waitForLoadState();
}

const checks: Check[] = [
  { name: 'programme of the edition', path: () => edition, status: 200 },
  { name: 'new session', path: () => `${edition}/sessions/new`, status: 200 },
  {
    name: 'new session, with mistakes',
    path: () => `${edition}/sessions/new`,
    status: 400,
    act: async (page) => {
      await page.fill('#startTime', '25:99');
      await submitWith(page, 'form[action="?/create"] button[type=submit]');
    }
  },
  { name: 'session', path: () => sessionPath, status: 200 },
  {
    name: 'session, programme item with mistakes',
    path: () => sessionPath,
    status: 400,
    act: (page) => submitWith(page, 'form[action="?/addItem"] button[type=submit]')
  },
  {
    name: 'session, delete not confirmed',
    path: () => sessionPath,
    status: 400,
    act: (page) => submitWith(page, 'form[action="?/delete"] button[type=submit]')
  },
  {
    name: 'session, someone else saved first',
    path: () => sessionPath,
    status: 409,
    act: async (page) => {
      const html = (await admin.get(sessionPath)).text;
      const version = /name="version" value="(\d+)"/.exec(html)![1]!;
      const title = `Session to check ${version}`;
      await admin.submit(
        sessionPath,
        {
          'title.ko': '점검용 세션',
          'title.en': title,
          dayId: 'day-2',
          kind: 'conference_session',
          stageId: '',
          startTime: '19:00',
          endTime: '19:30',
          version
        },
        '?/save'
      );
      await page.fill('#title-en', 'My own title');
      await submitWith(page, 'form[action="?/save"] button[type=submit]');
    }
  },
  { name: 'programme item', path: () => itemPath, status: 200 },
  { name: 'missing translations', path: () => `${edition}/translations`, status: 200 },
  { name: 'preview of a draft', path: () => `${sessionPath.replace('/sessions/', '/preview/sessions/')}`, status: 200 },
  { name: 'preview of a published session', path: () => `${edition}/preview/sessions/d2-keynote`, status: 200 }
];

/** Every rule in the light scheme, then the colour rules on the same page in dark (only the colours differ). */
async function check(item: Check, lang: string): Promise<void> {
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
  await context.addCookies([
    { name: 'madang_session', value: admin.cookies.get('madang_session')!, url: server.url },
    { name: 'tz', value: 'Europe/Helsinki', url: server.url }
  ]);
  try {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${item.path()}?lang=${lang}`);
    let status = response?.status() ?? 0;
    if (item.act) {
      const answer = page.waitForResponse((r) => r.request().method() === 'POST');
      await item.act(page);
      status = (await answer).status();
    }
    expect(status, item.name).toBe(item.status);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await axeViolations(page), `${item.name} (${lang}, light)`).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page, colourRules), `${item.name} (${lang}, dark)`).toEqual([]);
  } finally {
    await context.close();
  }
}

describe('every console programme page passes axe-core, light and dark', () => {
  describe.each(['ko', 'en'] as const)('%s', (lang) => {
    test.each(checks.map((item) => [item.name, item] as const))('%s', async (_name, item) => {
      await check(item, lang);
    });
  });
});
