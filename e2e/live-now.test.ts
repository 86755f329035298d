/**
 * Story: a viewer who opens the edition home while the forum is on sees what
 * is live now and what comes next; after the forum, the home says it has
 * ended. The server's clock is pinned (MADANG_TEST_CLOCK), so each moment
 * needs its own server.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { en } from '../src/lib/i18n/messages/en.js';
import { launchBrowser } from './support/browser.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const DURING_THE_KEYNOTE = '2020-09-23T07:10:00Z'; // 16:10 KST on day 2
const AFTER_THE_FORUM = '2020-09-24T03:00:00Z'; // the next day, 12:00 KST

let duringKeynote: TestServer;
let afterForum: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [duringKeynote, afterForum, browser] = await Promise.all([
    startTestServer({ MADANG_TEST_CLOCK: DURING_THE_KEYNOTE }),
    startTestServer({ MADANG_TEST_CLOCK: AFTER_THE_FORUM }),
    launchBrowser()
  ]);
  context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await Promise.all([duringKeynote?.stop(), afterForum?.stop()]);
});

async function open(server: TestServer, path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

async function sessionLinks(area: Locator): Promise<string[]> {
  return (await area.getByRole('link').allTextContents()).map((t) => t.trim());
}

describe('during the keynote', () => {
  test.each(['/seoul-2020', '/'])(
    '%s shows the keynote under “On now” with a “Live now” badge, and Session 1 under “Up next”',
    async (path) => {
      const page = await open(duringKeynote, path);

      const onNow = region(page, en.homeOnNow);
      expect(await sessionLinks(onNow)).toEqual(['Keynote']);
      expect(await onNow.getByText(en.sessionState.live, { exact: true }).isVisible()).toBe(true);

      const upNext = region(page, en.homeUpNext);
      expect(await sessionLinks(upNext)).toEqual(['Session 1 · Exemplary Smart City Cases']);
      expect(await upNext.getByText(en.sessionState.live, { exact: true }).count(), 'what comes next is not live').toBe(
        0
      );
      await page.close();
    }
  );

  test('the keynote’s own page says it is live now', async () => {
    const page = await open(duringKeynote, '/seoul-2020/sessions/d2-keynote');
    expect(await page.getByText(en.sessionState.live, { exact: true }).isVisible()).toBe(true);
    await page.close();
  });
});

describe('after the forum', () => {
  test('the edition home says the edition has ended, with nothing live and nothing next', async () => {
    const page = await open(afterForum, '/seoul-2020');

    const onNow = region(page, en.homeOnNow);
    expect(await onNow.getByText(en.homeFinished).isVisible()).toBe(true);
    expect(await sessionLinks(onNow)).toEqual([]);
    expect(await page.getByText(en.sessionState.live, { exact: true }).count()).toBe(0);
    expect(await region(page, en.homeUpNext).count()).toBe(0);
    await page.close();
  });

  test('the keynote’s own page says it has ended', async () => {
    const page = await open(afterForum, '/seoul-2020/sessions/d2-keynote');
    expect(await page.getByText(en.sessionState.ended, { exact: true }).isVisible()).toBe(true);
    await page.close();
  });
});
