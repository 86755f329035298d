/**
 * Story: a viewer anywhere reads the programme in the host's time (KST) and
 * in their own — found by the browser when JavaScript runs, picked from a
 * list when it does not — and daylight saving time is right (Helsinki and
 * Los Angeles were both on summer time in September 2020).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { startTestServer, type TestServer } from './support/testServer.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newViewer(options: { timezoneId?: string; javaScriptEnabled: boolean }): Promise<BrowserContext> {
  return browser.newContext({ locale: 'en-GB', ...options });
}

/** The times a session row shows, as [["Host time (GMT+9)", "16:00–16:30"], …]. */
async function timesOf(page: Page, sessionId: string): Promise<[string, string][]> {
  const row = page.locator('li', { has: page.locator(`a[href$="/sessions/${sessionId}"]`) }).first();
  return timesIn(row.locator('dl.times'));
}

async function timesIn(list: ReturnType<Page['locator']>): Promise<[string, string][]> {
  return list.evaluate((dl) =>
    [...dl.querySelectorAll('dt')].map((dt): [string, string] => [
      (dt.textContent ?? '').trim(),
      (dt.nextElementSibling?.textContent ?? '').trim()
    ])
  );
}

/** The host zone's short name is the platform's to word ("GMT+9", "KST"); the times are what matter. */
const hostTime = (range: string): [unknown, string] => [expect.stringMatching(/^Host time \(.+\)$/), range];

/** With JavaScript the page learns the browser's zone and reloads once to show it. */
async function programmeAsSeenFrom(context: BrowserContext, zone: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/seoul-2020/programme`);
  await page.waitForSelector(`html[data-viewer-zone="${zone}"]`);
  return page;
}

describe('with JavaScript, the browser’s own zone', () => {
  test('a viewer in Helsinki sees the keynote at 10:00 (EEST)', async () => {
    const context = await newViewer({ timezoneId: 'Europe/Helsinki', javaScriptEnabled: true });
    const page = await programmeAsSeenFrom(context, 'Europe/Helsinki');
    expect(await timesOf(page, 'd2-keynote')).toEqual([
      hostTime('16:00–16:30'),
      ['Your time (Europe/Helsinki)', '10:00–10:30']
    ]);
    await context.close();
  });

  test('a viewer in Los Angeles sees the keynote at midnight (PDT)', async () => {
    const context = await newViewer({ timezoneId: 'America/Los_Angeles', javaScriptEnabled: true });
    const page = await programmeAsSeenFrom(context, 'America/Los_Angeles');
    expect(await timesOf(page, 'd2-keynote')).toEqual([
      hostTime('16:00–16:30'),
      ['Your time (America/Los Angeles)', '00:00–00:30']
    ]);
    await context.close();
  });
});

describe('without JavaScript, the zone the viewer picks', () => {
  test('a viewer picks Los Angeles from the list, and the choice stays on the next page', async () => {
    const context = await newViewer({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/seoul-2020/programme`);
    expect(await timesOf(page, 'd2-keynote'), 'before choosing: host time only').toEqual([hostTime('16:00–16:30')]);

    await page.getByLabel('Your time zone').selectOption('America/Los_Angeles');
    await Promise.all([
      page.waitForURL(/tz=America%2FLos_Angeles/),
      page.getByRole('button', { name: 'Show times' }).click()
    ]);
    expect(await timesOf(page, 'd2-keynote')).toEqual([
      hostTime('16:00–16:30'),
      ['Your time (America/Los Angeles)', '00:00–00:30']
    ]);
    expect(await page.getByLabel('Your time zone').inputValue(), 'the list shows the chosen zone').toBe(
      'America/Los_Angeles'
    );

    // The next page, reached by a plain link with no ?tz=, remembers the choice.
    await Promise.all([
      page.waitForURL(/\/sessions\/d2-keynote$/),
      page.getByRole('link', { name: 'Keynote', exact: true }).click()
    ]);
    expect(await timesIn(page.locator('main dl.times'))).toEqual([
      hostTime('16:00–16:30'),
      ['Your time (America/Los Angeles)', '00:00–00:30']
    ]);
    await context.close();
  });

  test('an unknown zone in the address is ignored: the page still shows host times', async () => {
    const context = await newViewer({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/seoul-2020/programme?tz=Mars/Olympus`);
    expect(response?.status()).toBe(200);
    expect(await timesOf(page, 'd2-keynote')).toEqual([hostTime('16:00–16:30')]);
    expect(
      (await context.cookies()).find((c) => c.name === 'tz'),
      'no zone is remembered'
    ).toBeUndefined();
    await context.close();
  });
});
