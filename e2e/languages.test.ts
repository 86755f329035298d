/**
 * Story: a reader uses the forum in Korean or in English. The language switch
 * is a plain link (no JavaScript needed) and the choice is remembered; a
 * browser that asks for Korean gets Korean on the first visit; even the
 * "page not found" page speaks the reader's language.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { en } from '../src/lib/i18n/messages/en.js';
import { ko } from '../src/lib/i18n/messages/ko.js';
import { launchBrowser } from './support/browser.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const hangul = /[\uac00-\ud7a3]/;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A reader without JavaScript whose browser asks for `acceptLanguage`. */
async function newReader(acceptLanguage: string): Promise<BrowserContext> {
  const firstChoice = acceptLanguage.split(/[,;]/)[0];
  return browser.newContext({
    javaScriptEnabled: false,
    locale: firstChoice,
    extraHTTPHeaders: { 'Accept-Language': acceptLanguage }
  });
}

async function mainNavigationLabels(page: Page, name: string): Promise<string[]> {
  return (await page.getByRole('navigation', { name }).getByRole('link').allTextContents()).map((t) => t.trim());
}

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

describe('the language switch, without JavaScript', () => {
  test('switching to 한국어 turns the whole interface Korean, and it stays Korean on the next pages', async () => {
    const context = await newReader('en-GB');
    const page = await context.newPage();
    await page.goto(`${server.url}/seoul-2020`);
    expect(await htmlLang(page)).toBe('en');
    expect(await mainNavigationLabels(page, en.mainNavigation)).toEqual([
      en.navHome,
      en.navProgramme,
      en.navSpeakers,
      en.navCities
    ]);

    const languages = page.getByRole('navigation', { name: en.languageSwitch });
    await Promise.all([page.waitForURL(/lang=ko/), languages.getByRole('link', { name: '한국어' }).click()]);

    expect(await htmlLang(page)).toBe('ko');
    const koreanLabels = await mainNavigationLabels(page, ko.mainNavigation);
    expect(koreanLabels).toEqual([ko.navHome, ko.navProgramme, ko.navSpeakers, ko.navCities]);
    for (const label of koreanLabels) expect(label).toMatch(hangul);
    expect(await page.locator('h1').textContent()).toMatch(hangul);
    expect(await page.locator('.skip-link').textContent()).toBe(ko.skipToContent);
    expect(await page.getByRole('contentinfo').textContent()).toContain(ko.footerPoweredBy);

    // Plain links from here on, no ?lang= in them: the cookie remembers.
    await Promise.all([
      page.waitForURL(/\/seoul-2020\/programme$/),
      page.getByRole('link', { name: ko.navProgramme, exact: true }).click()
    ]);
    expect(await htmlLang(page)).toBe('ko');
    expect(await page.locator('h1').textContent()).toBe(ko.programmeTitle);
    expect(await page.getByRole('button', { name: ko.programmeZoneSubmit }).count()).toBe(1);

    await Promise.all([
      page.waitForURL(/\/seoul-2020\/speakers$/),
      page.getByRole('link', { name: ko.navSpeakers, exact: true }).click()
    ]);
    expect(await htmlLang(page)).toBe('ko');
    expect(await page.locator('h1').textContent()).toBe(ko.speakersTitle);

    // And back to English the same way.
    await Promise.all([
      page.waitForURL(/lang=en/),
      page.getByRole('navigation', { name: ko.languageSwitch }).getByRole('link', { name: 'English' }).click()
    ]);
    expect(await htmlLang(page)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(en.speakersTitle);
    await context.close();
  });

  test('each language is named in itself and marked with its own lang, whatever the page language', async () => {
    const context = await newReader('en-GB');
    const page = await context.newPage();
    await page.goto(`${server.url}/seoul-2020/programme`);
    const links = page.getByRole('navigation', { name: en.languageSwitch }).getByRole('link');
    expect(await links.evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('lang')]))).toEqual([
      ['한국어', 'ko'],
      ['English', 'en']
    ]);
    await context.close();
  });
});

describe('content in another language', () => {
  // Every text field of the demo edition has both Korean and English, so no
  // public page falls back today; Localized.svelte's `lang` marking needs an
  // edition with a missing translation, which the test server cannot load yet.
  test.todo('a field without a Korean translation shows the English text marked lang="en"');
});

describe('the first visit', () => {
  test('a browser asking for Korean gets Korean', async () => {
    const context = await newReader('ko-KR,ko;q=0.9,en;q=0.5');
    const page = await context.newPage();
    await page.goto(`${server.url}/seoul-2020/programme`);
    expect(await htmlLang(page)).toBe('ko');
    expect(await page.locator('h1').textContent()).toBe(ko.programmeTitle);
    await context.close();
  });

  test('a browser asking for a language Madang lacks gets English', async () => {
    const context = await newReader('fr-FR,fr;q=0.9');
    const page = await context.newPage();
    await page.goto(`${server.url}/seoul-2020/programme`);
    expect(await htmlLang(page)).toBe('en');
    await context.close();
  });

  test('a malformed ?lang= is ignored, never an error', async () => {
    const context = await newReader('ko');
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/seoul-2020?lang=%3Cscript%3E`);
    expect(response?.status()).toBe(200);
    expect(await htmlLang(page)).toBe('ko');
    await context.close();
  });
});

describe('page not found', () => {
  test.each([
    { reader: 'ko', messages: ko },
    { reader: 'en', messages: en }
  ])('an unknown session is a 404 page in the reader’s language ($reader)', async ({ reader, messages }) => {
    const context = await newReader(reader);
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/seoul-2020/sessions/no-such-session`);
    expect(response?.status()).toBe(404);
    expect(await htmlLang(page)).toBe(reader);
    expect(await page.locator('h1').textContent()).toBe(messages.notFoundTitle);
    expect(await page.getByRole('link', { name: messages.notFoundHome }).count()).toBe(1);
    await context.close();
  });

  test.each(['/no-such-edition', '/seoul-2020/speakers/no-such-speaker', '/no/such/page/at/all'])(
    '%s is a 404 page in Korean for a Korean reader',
    async (path) => {
      const context = await newReader('ko');
      const page = await context.newPage();
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status()).toBe(404);
      expect(await htmlLang(page)).toBe('ko');
      expect(await page.locator('h1').textContent()).toBe(ko.notFoundTitle);
      await context.close();
    }
  );
});
