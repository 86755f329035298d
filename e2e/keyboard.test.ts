/**
 * Story: a reader who uses only a keyboard walks from the edition home to the
 * programme, opens the keynote and reaches the keynote speaker — pressing
 * nothing but Tab and Enter, and always seeing where the focus is.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { startTestServer, type TestServer } from './support/testServer.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Seoul' });
  // A returning reader: the zone is already chosen, so no page reloads under the keyboard.
  await context.addCookies([{ name: 'tz', value: 'Asia/Seoul', url: server.url }]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

interface Focused {
  tag: string;
  text: string;
  href: string | null;
  outlineStyle: string;
  outlineWidth: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent ?? '').trim().replace(/\s+/g, ' '),
      href: el?.getAttribute('href') ?? null,
      outlineStyle: style?.outlineStyle ?? 'none',
      outlineWidth: style?.outlineWidth ?? '0px'
    };
  });
}

function expectVisibleFocus(element: Focused): void {
  expect(element.outlineStyle, `focus on <${element.tag}> “${element.text}” has an outline`).not.toBe('none');
  expect(
    Number.parseFloat(element.outlineWidth),
    `focus outline on “${element.text}” is at least 2px`
  ).toBeGreaterThanOrEqual(2);
}

/** Presses Tab until `wanted` holds for the focused element, checking every stop shows its focus. */
async function tabUntil(page: Page, wanted: (element: Focused) => boolean, what: string): Promise<Focused> {
  const visited: string[] = [];
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    expectVisibleFocus(element);
    if (wanted(element)) return element;
    visited.push(element.text || element.tag);
  }
  throw new Error(`Tab never reached ${what}; focus went through: ${visited.join(' | ')}`);
}

async function pressEnterAndWaitFor(page: Page, path: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(path), page.keyboard.press('Enter')]);
}

test('a keyboard-only reader walks home → programme → keynote → keynote speaker', async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/seoul-2020`);

  await page.keyboard.press('Tab');
  const first = await focused(page);
  expect(first.href, 'the first Tab reaches the skip link').toBe('#main');
  expect(first.text).toBe('Skip to main content');
  expectVisibleFocus(first);

  await tabUntil(page, (el) => el.tag === 'a' && el.text === 'Programme', 'the Programme link');
  await pressEnterAndWaitFor(page, /\/seoul-2020\/programme$/);
  expect(await page.locator('h1').textContent()).toBe('Programme');

  await tabUntil(page, (el) => el.href === '/seoul-2020/sessions/d2-keynote', 'the keynote');
  await pressEnterAndWaitFor(page, /\/seoul-2020\/sessions\/d2-keynote$/);
  expect(await page.locator('h1').textContent()).toBe('Keynote');

  await tabUntil(page, (el) => el.tag === 'a' && el.text === 'Sokwoo Rhee', 'the Sokwoo Rhee link');
  await pressEnterAndWaitFor(page, /\/seoul-2020\/speakers\/sokwoo-rhee$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sokwoo Rhee');
  await page.close();
});

test('every link and control on the programme shows where the focus is', async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/seoul-2020/programme`);
  const stops = await page.locator('a[href], select, button').count();
  for (let stop = 0; stop < stops; stop++) {
    await page.keyboard.press('Tab');
    expectVisibleFocus(await focused(page));
  }
  await page.close();
});
