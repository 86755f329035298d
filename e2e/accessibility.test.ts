/**
 * Story: every reader can use every public page — with a screen reader, a
 * keyboard, in dark mode, zoomed in — in Korean and in English.
 *
 * axe-core (WCAG 2.0–2.2 A/AA and best practice) must report nothing, and the
 * page structure that assistive technology relies on must be there: one h1,
 * the reader's language on <html>, a skip link that moves focus to the main
 * content, and the banner/navigation/main/contentinfo landmarks.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, colourRules, launchBrowser, type AxeViolation } from './support/browser.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const publicPages: readonly { path: string; status: number }[] = [
  { path: '/', status: 200 },
  { path: '/seoul-2020', status: 200 },
  { path: '/seoul-2020/programme', status: 200 },
  { path: '/seoul-2020/sessions/d1-cases', status: 200 },
  { path: '/seoul-2020/sessions/d2-keynote', status: 200 },
  { path: '/seoul-2020/sessions/d2-break', status: 200 },
  { path: '/seoul-2020/sessions/d2-talk-concert', status: 200 },
  { path: '/seoul-2020/speakers', status: 200 },
  { path: '/seoul-2020/speakers/sokwoo-rhee', status: 200 },
  { path: '/seoul-2020/speakers/spk-helsinki', status: 200 },
  { path: '/seoul-2020/cities', status: 200 },
  { path: '/accessibility', status: 200 },
  { path: '/seoul-2020/sessions/no-such-session', status: 404 }
];
const languages = ['ko', 'en'] as const;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // During the keynote, so the "Live now" badge is on the pages too.
  [server, browser] = await Promise.all([
    startTestServer({ MADANG_TEST_CLOCK: '2020-09-23T07:10:00Z' }),
    launchBrowser()
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A returning reader in Helsinki, so pages show both host and viewer times. */
async function readerContext(
  options: { colorScheme?: 'light' | 'dark'; width?: number } = {}
): Promise<BrowserContext> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: 'Europe/Helsinki',
    viewport: { width: options.width ?? 1280, height: 800 },
    deviceScaleFactor: 1
  });
  await context.addCookies([{ name: 'tz', value: 'Europe/Helsinki', url: server.url }]);
  return context;
}

async function visit(context: BrowserContext, path: string, lang: string): Promise<{ page: Page; status: number }> {
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${path}?lang=${lang}`);
  return { page, status: response?.status() ?? 0 };
}

/** One line per violation and node, so a failing run says what to fix and where. */
function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n      at ${n.target.join(' ')}  ${n.html}`)
    )
    .join('\n');
}

/** What assistive technology relies on, beyond what axe checks. */
async function expectPageStructure(page: Page, path: string, lang: string): Promise<void> {
  expect(await page.locator('h1').count(), `exactly one h1 on ${path}`).toBe(1);
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  for (const role of ['banner', 'main', 'contentinfo'] as const) {
    expect(await page.getByRole(role).count(), `one ${role} landmark on ${path}`).toBe(1);
  }
  expect(await page.getByRole('navigation').count(), `navigation landmarks on ${path}`).toBeGreaterThanOrEqual(1);

  // The skip link is the first thing a keyboard reaches, shows when focused, and moves focus into main.
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const box = el?.getBoundingClientRect();
    return {
      href: el?.getAttribute('href'),
      text: el?.textContent?.trim(),
      onScreen: !!box && box.top >= 0 && box.height > 1
    };
  });
  expect(skip.href, `first Tab on ${path} reaches the skip link`).toBe('#main');
  expect(skip.text).toBeTruthy();
  expect(skip.onScreen, 'the skip link shows on screen when focused').toBe(true);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.tagName), 'the skip link moves focus to main').toBe('MAIN');
}

describe.each(languages)('in %s, light and dark', (lang) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await readerContext();
  });
  afterAll(async () => {
    await context?.close();
  });

  // Every rule in the light scheme, then the colour rules on the same page in dark: the markup is the same in both.
  test.each(publicPages)('$path has no axe violations and a sound structure', async ({ path, status }) => {
    const { page, status: actual } = await visit(context, path, lang);
    expect(actual).toBe(status);
    const violations = await axeViolations(page);
    expect(violations, `axe found on ${path} (${lang}, light):\n${describeViolations(violations)}`).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await axeViolations(page, colourRules);
    expect(dark, `axe found on ${path} (${lang}, dark):\n${describeViolations(dark)}`).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await expectPageStructure(page, path, lang);
    await page.close();
  });
});

describe('zoom and reflow (WCAG 1.4.4, 1.4.10)', () => {
  // 640 CSS px is a 1280 px window at 200% zoom; 320 CSS px is the reflow
  // width WCAG names (1280 px at 400%).
  test.each([
    { width: 640, lang: 'en' },
    { width: 640, lang: 'ko' },
    { width: 320, lang: 'en' },
    { width: 320, lang: 'ko' }
  ])('the programme never scrolls sideways at $width px ($lang)', async ({ width, lang }) => {
    const context = await readerContext({ width });
    const { page } = await visit(context, '/seoul-2020/programme', lang);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth
    }));
    expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
    await context.close();
  });

  test.each(languages)('no public page scrolls sideways at 320 px (%s)', async (lang) => {
    const context = await readerContext({ width: 320 });
    const tooWide: string[] = [];
    for (const { path } of publicPages) {
      const { page } = await visit(context, path, lang);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth
      }));
      if (scrollWidth > clientWidth) tooWide.push(`${path}: ${scrollWidth}px > ${clientWidth}px`);
      await page.close();
    }
    expect(tooWide).toEqual([]);
    await context.close();
  });
});

describe('reduced motion (WCAG 2.3.3)', () => {
  test('nothing moves for a reader who asks their system for reduced motion', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}/seoul-2020?lang=en`);
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => {
          const style = getComputedStyle(el);
          return style.animationName !== 'none' || /[1-9]/.test(style.transitionDuration);
        })
        .map((el) => el.tagName.toLowerCase() + (el.className ? `.${String(el.className)}` : ''))
    );
    expect(moving).toEqual([]);
    await context.close();
  });
});
