/**
 * Story: a producer adds YouTube as an outside destination of the Seoul On
 * stage, sees its stream key only masked from then on, is told clearly when
 * a server URL is not an RTMP one, keeps the key when editing the name,
 * and removes the destination — all in Chromium, the forms posting without
 * JavaScript help. (axe-core checks of the page are in
 * console-accessibility.test.ts, which runs with JavaScript.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { ConsoleClient, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const destinations = '/console/editions/seoul-2020/stages/seoul-on/destinations';
const key = 'yt-live-4f2c-8d9e-1a2b';

let server: TestServer;
let browser: Browser;
let admin: ConsoleClient;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  admin = new ConsoleClient(server.url);
  const created = await admin.submit(server.setupPath!, {
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    password
  });
  expect(created.location).toBe('/console');
  // No JavaScript: every form must work as plain HTML.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
  await context.addCookies([
    { name: 'madang_session', value: admin.cookies.get('madang_session')!, url: server.url },
    { name: 'lang', value: 'en', url: server.url }
  ]);
  page = await context.newPage();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const main = async () => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

describe('a producer keeping the outside destinations of a stage', () => {
  it('finds the page from the edition and adds YouTube, whose key is then shown only masked', async () => {
    await page.goto(`${server.url}/console/editions/seoul-2020`);
    await page.getByRole('link', { name: /Outside destinations: .*Seoul On/ }).click();
    expect(new URL(page.url()).pathname).toBe(destinations);
    expect(await main()).toContain('No outside destinations yet.');

    await page.fill('#name', 'YouTube');
    await page.fill('#url', 'rtmp://a.rtmp.youtube.com/live2');
    await page.fill('#key', key);
    await page.locator('form[action="?/add"] button[type=submit]').click();

    expect(await main()).toContain('The destination was added.');
    const listed = page.locator('ul.destinations > li');
    await expect.poll(() => listed.count()).toBe(1);
    const text = (await listed.first().innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('YouTube');
    expect(text).toContain('a.rtmp.youtube.com');
    expect(text).toContain('••••••••1a2b');
    // Not live: nothing is sent, and the producer is told why.
    expect(text).toContain('Idle');
    expect(await page.content()).not.toContain(key);
    expect(await page.locator('#key').inputValue()).toBe('');
  });

  it('refuses a server URL that is not RTMP with a message next to the field, keeping what was typed', async () => {
    await page.fill('#name', 'Facebook');
    await page.fill('#url', 'https://www.facebook.com/live');
    await page.fill('#key', 'FB-9999');
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.locator('form[action="?/add"] button[type=submit]').click();
    expect((await response).status()).toBe(400);
    expect(await page.locator('#url-error').innerText()).toBe(
      'Enter a server URL that starts with rtmp:// or rtmps://.'
    );
    expect(await page.locator('.error-summary a[href="#url"]').innerText()).toBe(
      'Enter a server URL that starts with rtmp:// or rtmps://.'
    );
    expect(await page.locator('#url').inputValue()).toBe('https://www.facebook.com/live');
    expect(await page.locator('#name').inputValue()).toBe('Facebook');
    expect(await page.locator('ul.destinations > li').count()).toBe(1);
  });

  it('renames the destination with the key left blank, keeping the stored key, and disables it', async () => {
    await page.goto(`${server.url}${destinations}`);
    const item = page.locator('ul.destinations > li').first();
    await item.locator('summary', { hasText: 'Edit YouTube' }).click();
    const nameField = item.locator('input[name="name"]');
    await nameField.fill('YouTube (Korean)');
    await item.locator('form[action="?/update"] button[type=submit]').click();
    expect(await main()).toContain('The destination was saved.');
    const text = (await page.locator('ul.destinations > li').first().innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('YouTube (Korean)');
    expect(text).toContain('••••••••1a2b');

    await page.locator('form[action="?/enable"] button[type=submit]').click();
    expect(await main()).toContain('The destination was disabled.');
    expect(await page.locator('form[action="?/enable"] button[type=submit]').innerText()).toContain('Enable');
  });

  it('asks for confirmation before removing, then removes it', async () => {
    const item = page.locator('ul.destinations > li').first();
    await item.locator('summary', { hasText: 'Remove' }).click();
    await item.locator('form[action="?/remove"] button[type=submit]').click();
    expect(await main()).toContain('Tick the box to confirm that you want to remove this destination.');
    expect(await page.locator('ul.destinations > li').count()).toBe(1);

    const again = page.locator('ul.destinations > li').first();
    await again.locator('input[name="confirm"]').check();
    await again.locator('form[action="?/remove"] button[type=submit]').click();
    expect(await main()).toContain('The destination was removed.');
    expect(await main()).toContain('No outside destinations yet.');
    expect(mainText((await admin.get(destinations)).text)).toContain('No outside destinations yet.');
  });
});
