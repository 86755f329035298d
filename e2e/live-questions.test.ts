/**
 * Story: citizens watching the talk concert ask the speakers questions and
 * upvote the ones they want answered. Without JavaScript the forms post and
 * redirect back to the panel, and a reload shows the latest state; with
 * JavaScript a question asked on one screen appears on another without a
 * reload; a keyboard alone asks and votes; nothing anyone types runs as
 * code, on the public panel or on the moderators' page; and someone sending
 * too fast is told when to try again.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser } from './support/browser.js';
import { ConsoleClient } from './support/consoleClient.js';
import { startsItsOwnServer, startTestServer, type TestServer } from './support/testServer.js';

const sessionPath = '/seoul-2020/sessions/d2-talk-concert';
const moderationPath = '/console/editions/seoul-2020/sessions/d2-talk-concert/questions';
const password = 'orange kettle under the bridge';

let server: TestServer;
let browser: Browser;
let adminSession = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ MADANG_TEST_UNLIMITED: '1' }), launchBrowser()]);
  const admin = new ConsoleClient(server.url);
  await admin.submit(server.setupPath!, { email: 'admin@example.org', displayName: 'Ada Admin', password });
  adminSession = admin.cookies.get('madang_session')!;
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function open(
  options: { javaScript?: boolean; path?: string; base?: string; admin?: boolean } = {}
): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, locale: 'en-GB' });
  contexts.push(context);
  const base = options.base ?? server.url;
  if (options.admin) await context.addCookies([{ name: 'madang_session', value: adminSession, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}${options.path ?? sessionPath}?lang=en`);
  return page;
}

/** Fills and sends the ask form the way a person does, waiting for the page that answers it. */
async function ask(page: Page, text: string, name = ''): Promise<number> {
  await page.fill('#question-text', text);
  await page.fill('#question-name', name);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('askQuestion')),
    page.click('form.ask button[type=submit]')
  ]);
  await page.waitForLoadState();
  return response.status();
}

const questionItem = (page: Page, text: string) => page.locator('#panel-questions ol li', { hasText: text });

describe('without JavaScript', () => {
  test('asking named and anonymous questions, voting and withdrawing, with the latest state on reload', async () => {
    const page = await open({ javaScript: false });
    expect(await ask(page, 'Will the data platform be open to every district?', 'Jiwoo')).toBe(303);
    expect(new URL(page.url()).hash).toBe('#panel-questions');
    expect(await page.textContent('#panel-questions [role=status]')).toContain('Your question was sent.');
    const named = questionItem(page, 'open to every district');
    expect(await named.textContent()).toContain('Jiwoo');
    expect(await named.textContent()).toContain('Your question');

    await ask(page, 'How do citizens report broken streetlights?');
    const anonymous = questionItem(page, 'broken streetlights');
    expect(await anonymous.textContent()).toContain('Anonymous');

    const button = anonymous.locator('button[aria-pressed]');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await Promise.all([page.waitForNavigation(), button.click()]);
    expect(await page.textContent('#panel-questions [role=status]')).toContain('Your vote was counted.');
    expect(await questionItem(page, 'broken streetlights').locator('button').getAttribute('aria-pressed')).toBe('true');
    expect(await questionItem(page, 'broken streetlights').textContent()).toContain('1 vote');

    // Most votes first: the voted question leads; newest first: the later question leads either way here.
    const order = async () =>
      page.$$eval('#panel-questions ol > li .text', (items) => items.map((i) => i.textContent ?? ''));
    await page.goto(`${server.url}${sessionPath}?lang=en`);
    expect((await order())[0]).toContain('broken streetlights');
    await page.click('#panel-questions nav a:has-text("Newest first")');
    expect(new URL(page.url()).searchParams.get('questions')).toBe('time');
    expect(await page.getAttribute('#panel-questions nav a:has-text("Newest first")', 'aria-current')).toBe('true');

    await Promise.all([page.waitForNavigation(), questionItem(page, 'broken streetlights').locator('button').click()]);
    expect(new URL(page.url()).searchParams.get('questions')).toBe('time');
    expect(await page.textContent('#panel-questions [role=status]')).toContain('Your vote was withdrawn.');
    await page.reload();
    expect(await questionItem(page, 'broken streetlights').locator('button').getAttribute('aria-pressed')).toBe(
      'false'
    );
    expect(await questionItem(page, 'broken streetlights').textContent()).toContain('0 votes');
  });

  test('an empty question is refused beside its field, and the name is kept', async () => {
    const page = await open({ javaScript: false });
    expect(await ask(page, '  \n  ', 'Minsu')).toBe(400);
    expect(await page.textContent('#question-text-error')).toBe('Write your question first.');
    expect(await page.getAttribute('#question-text', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#question-text', 'aria-describedby')).toContain('question-text-error');
    expect(await page.inputValue('#question-name')).toBe('Minsu');
    // With JavaScript the same refusal arrives in the form's error element; axe (which runs in the page) checks that state.
    const scripted = await open();
    await scripted.click('form.ask button[type=submit]');
    await scripted.waitForFunction(
      () => document.querySelector('#question-form-error')?.textContent === 'Write your question first.'
    );
    expect(await axeViolations(scripted)).toEqual([]);
  });
});

describe('with JavaScript', () => {
  test('a question asked on one screen appears on another without a reload, and votes count live', async () => {
    const asker = await open();
    const watcher = await open();
    await watcher.waitForFunction(() => /\d/.test(document.querySelector('[data-live-viewers]')?.textContent ?? ''));
    await asker.fill('#question-text', 'Can the sensors measure fine dust in schools?');
    await asker.click('form.ask button[type=submit]');
    await questionItem(watcher, 'fine dust in schools').waitFor({ timeout: 15_000 });
    // The asker's own panel refreshed too, and the form is ready for another question.
    await questionItem(asker, 'fine dust in schools').waitFor();
    expect(await asker.inputValue('#question-text')).toBe('');

    await questionItem(watcher, 'fine dust in schools').locator('button[aria-pressed]').click();
    await asker.waitForFunction(
      (text) =>
        [...document.querySelectorAll('#panel-questions ol li')].some(
          (li) => li.textContent?.includes(text) && li.textContent.includes('1 vote')
        ),
      'fine dust in schools',
      { timeout: 15_000 }
    );
    await watcher.waitForFunction(
      (text) =>
        [...document.querySelectorAll('#panel-questions ol li')].some(
          (li) => li.textContent?.includes(text) && li.querySelector('button[aria-pressed=true]')
        ),
      'fine dust in schools'
    );
    expect(await axeViolations(watcher)).toEqual([]);
  });

  test('a keyboard alone asks a question and upvotes it', async () => {
    const page = await open();
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.id === 'question-text');
    }
    expect(found).toBe(true);
    await page.keyboard.type('Who maintains the open data portal?');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Hana');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Send the question');
    await page.keyboard.press('Enter');
    const item = questionItem(page, 'open data portal');
    await item.waitFor({ timeout: 15_000 });
    await item.locator('button[aria-pressed]').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (text) =>
        [...document.querySelectorAll('#panel-questions ol li')].some(
          (li) => li.textContent?.includes(text) && li.querySelector('button[aria-pressed=true]')
        ),
      'open data portal',
      { timeout: 15_000 }
    );
  });
});

describe('everything people type is shown as text, never run', () => {
  const corpus = [
    '<img src=x onerror=window.__xss=1>',
    '"><script>window.__xss=1</script>',
    'javascript:window.__xss=1//',
    '{@html "<img src=x onerror=window.__xss=1>"}',
    '<svg onload=window.__xss=1></svg> & &amp; <b>bold</b>'
  ];

  test('on the public panel and on the moderation page', async () => {
    const page = await open({ javaScript: false });
    for (const [i, payload] of corpus.entries())
      expect(await ask(page, `${payload} #${i}`, payload.slice(0, 60))).toBe(303);

    for (const [path, admin] of [
      [sessionPath, false],
      [moderationPath, true]
    ] as const) {
      const viewer = await open({ path, admin });
      await viewer.waitForLoadState('networkidle');
      expect(await viewer.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      const text = await viewer.textContent('main');
      for (const [i, payload] of corpus.entries()) expect(text).toContain(`${payload} #${i}`);
      expect(await viewer.$$('main script:not([src]):not([type="application/ld+json"])')).toHaveLength(0);
      expect(await viewer.$$('main img, main svg[onload]')).toHaveLength(0);
    }
  });
});

describe('sending too fast', () => {
  test(
    'the sixth question in a minute is refused with when to try again, and the text is kept',
    async () => {
      const limited = await startTestServer();
      try {
        const page = await open({ javaScript: false, base: limited.url });
        for (let i = 1; i <= 5; i++) expect(await ask(page, `Quick question ${i}`)).toBe(303);
        expect(await ask(page, 'One question too many')).toBe(429);
        expect(await page.textContent('#question-form-error')).toMatch(
          /^You are sending too fast; try again in \d+ seconds?\.$/
        );
        expect(await page.inputValue('#question-text')).toBe('One question too many');
        expect(await page.getAttribute('#question-text', 'aria-describedby')).toContain('question-form-error');
      } finally {
        await limited.stop();
      }
    },
    startsItsOwnServer
  );
});
