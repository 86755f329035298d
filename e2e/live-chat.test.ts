/**
 * Story: citizens chat during a session. Without JavaScript they send
 * messages with a plain form (and see them after the redirect, their name
 * remembered), react with an emoji and read earlier messages; with
 * JavaScript a message from one viewer appears on another's page without a
 * reload, announced politely, and reactions show as a short burst. A
 * moderator deletes a message (it disappears for everyone), mutes its
 * author and turns on slow mode. Whatever people type is shown as text,
 * never run. Sending too fast is refused with a clear message.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser } from './support/browser.js';
import { ConsoleClient } from './support/consoleClient.js';
import { startsItsOwnServer, startTestServer, type TestServer } from './support/testServer.js';

const sessionPath = '/seoul-2020/sessions/d2-talk-concert';
const moderationPath = '/console/editions/seoul-2020/sessions/d2-talk-concert/chat';
const password = 'orange kettle under the bridge';
let server: TestServer;
let browser: Browser;
let adminSession: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ MADANG_TEST_UNLIMITED: '1' }), launchBrowser()]);
  const admin = new ConsoleClient(server.url);
  await admin.submit(server.setupPath!, { email: 'admin@example.org', displayName: 'Ada Admin', password });
  adminSession = admin.cookies.get('madang_session')!;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function viewer(
  options: { javaScript?: boolean; admin?: boolean } = {}
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, locale: 'en-GB' });
  if (options.admin) await context.addCookies([{ name: 'madang_session', value: adminSession, url: server.url }]);
  const page = await context.newPage();
  await page.goto(`${server.url}${sessionPath}?lang=en`);
  return { context, page };
}

async function send(page: Page, name: string | null, text: string): Promise<void> {
  if (name !== null) await page.fill('#chat-name', name);
  await page.fill('#chat-text', text);
  await page.click('form.chat-form button[type=submit]');
}

const messageTexts = (page: Page) =>
  page.$$eval('#panel-chat [data-live-item] .chat-text', (items) => items.map((i) => i.textContent));

describe('chatting without JavaScript', () => {
  test('a message is sent with a plain form, shown after the redirect, and the name is remembered', async () => {
    const { context, page } = await viewer({ javaScript: false });
    await send(page, 'Mina', 'Hello from Seoul!');
    await page.waitForURL(/chatNotice=sent#panel-chat$/);
    expect(await page.textContent('#panel-chat [role=status]')).toContain('Your message was sent.');
    expect(await messageTexts(page)).toContain('Hello from Seoul!');
    await page.goto(`${server.url}${sessionPath}?lang=en`);
    expect(await page.inputValue('#chat-name')).toBe('Mina');
    expect(await page.inputValue('#chat-text')).toBe('');
    await context.close();
  });

  test('a refused message comes back with the problem beside the field, and axe finds nothing', async () => {
    const { context, page } = await viewer({ javaScript: false });
    await send(page, '', '');
    expect(await page.textContent('#chat-name-error')).toBe('Enter your name (1–40 characters).');
    expect(await page.textContent('#chat-text-error')).toBe('Write a message.');
    expect(await page.getAttribute('#chat-text', 'aria-describedby')).toContain('chat-text-error');
    expect(await page.getAttribute('#chat-text', 'aria-invalid')).toBe('true');
    await context.close();
    const scripted = await viewer();
    expect(await axeViolations(scripted.page)).toEqual([]);
    await scripted.context.close();
  });

  test('a reaction works as a plain form: the page comes back with a thanks note', async () => {
    const { context, page } = await viewer({ javaScript: false });
    await page.click('button[name=reaction][value=clap]');
    await page.waitForURL(/chatNotice=reacted#panel-chat$/);
    expect(await page.textContent('.chat-reactions [role=status]')).toBe('Thanks for your reaction!');
    expect(await page.getAttribute('button[name=reaction][value=heart]', 'aria-label')).toBe('Love');
    await context.close();
  });

  test('the panel shows the latest 50 messages, and earlier ones through a plain link', async () => {
    const client = new ConsoleClient(server.url);
    for (let i = 1; i <= 55; i++) {
      const page = await client.get(sessionPath);
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.text)![1]!;
      const posted = await client.post(`${sessionPath}?/sendChatMessage`, {
        displayName: 'Counter',
        text: `count ${i}`,
        idempotencyKey: key
      });
      expect(posted.status).toBe(303);
    }
    const { context, page } = await viewer({ javaScript: false });
    const latest = await messageTexts(page);
    expect(latest).toHaveLength(50);
    expect(latest.at(-1)).toBe('count 55');
    await page.click('text=Earlier messages');
    await page.waitForURL(/chatBefore=\d+#panel-chat$/);
    const earlier = await messageTexts(page);
    expect(earlier.at(-1)).toBe('count 5');
    expect(earlier).toContain('count 1');
    expect(earlier).not.toContain('count 6');
    await page.click('text=Back to the latest messages');
    expect((await messageTexts(page)).at(-1)).toBe('count 55');
    await context.close();
  });

  test('a retried post with the same idempotency key makes one message', async () => {
    const client = new ConsoleClient(server.url);
    const page = await client.get(sessionPath);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.text)![1]!;
    for (let i = 0; i < 3; i++)
      await client.post(`${sessionPath}?/sendChatMessage`, {
        displayName: 'Retry',
        text: 'only once please',
        idempotencyKey: key
      });
    const { context, page: reader } = await viewer({ javaScript: false });
    expect((await messageTexts(reader)).filter((t) => t === 'only once please')).toHaveLength(1);
    await context.close();
  });
});

describe('chatting with JavaScript', () => {
  test('a message from one viewer appears on another’s page without a reload, announced politely', async () => {
    const a = await viewer();
    const b = await viewer();
    await b.page.waitForFunction(() => !!document.querySelector('[data-live-viewers]')?.textContent?.match(/\d/));
    await send(a.page, 'Jun', 'Live hello 👋');
    await b.page.waitForFunction(
      () => [...document.querySelectorAll('#panel-chat .chat-text')].some((e) => e.textContent === 'Live hello 👋'),
      null,
      { timeout: 10_000 }
    );
    await b.page.waitForFunction(
      () => /new message/.test(document.querySelector('[data-live-announcer]')?.textContent ?? ''),
      null,
      { timeout: 10_000 }
    );
    // The sender's form is ready for the next message: text cleared, name kept, and a second message is not taken for a retry.
    await a.page.waitForFunction(() => (document.querySelector('#chat-text') as HTMLTextAreaElement).value === '');
    expect(await a.page.inputValue('#chat-name')).toBe('Jun');
    await send(a.page, null, 'Second live message');
    await b.page.waitForFunction(
      () =>
        [...document.querySelectorAll('#panel-chat .chat-text')].some((e) => e.textContent === 'Second live message'),
      null,
      { timeout: 10_000 }
    );
    await a.context.close();
    await b.context.close();
  });

  test('reactions show as a short burst on other viewers’ pages, not announced', async () => {
    const a = await viewer();
    const b = await viewer();
    await b.page.waitForFunction(() => !!document.querySelector('[data-live-viewers]')?.textContent?.match(/\d/));
    await a.page.click('button[name=reaction][value=clap]');
    await a.page.click('button[name=reaction][value=clap]');
    await b.page.waitForFunction(
      () => /👏 \d/.test(document.querySelector('[data-reaction-burst]')?.textContent ?? ''),
      null,
      { timeout: 10_000 }
    );
    expect(await b.page.getAttribute('[data-reaction-burst]', 'aria-hidden')).toBe('true');
    await a.context.close();
    await b.context.close();
  });

  test('a keyboard alone sends a message', async () => {
    const { context, page } = await viewer();
    await page.focus('#chat-name');
    await page.keyboard.type('Keys');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('chat-text');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#panel-chat .chat-text')].some((e) => e.textContent === 'Typed without a mouse'),
      null,
      { timeout: 10_000 }
    );
    await context.close();
  });
});

const xssCorpus = [
  '<img src=x onerror=window.__xss=1>',
  '"><script>window.__xss=1</script>',
  'javascript:window.__xss=1',
  '{@html "<img src=x onerror=window.__xss=1>"}',
  '<svg onload=window.__xss=1>',
  "'';!--\"<XSS>=&{()}"
];

describe('whatever people type', () => {
  test('is shown literally in the panel and on the moderation page, and nothing runs', async () => {
    const { context, page } = await viewer();
    for (const text of xssCorpus) {
      await send(page, '<b>Mallory</b>', text);
      await page.waitForFunction(
        (t) => [...document.querySelectorAll('#panel-chat .chat-text')].some((e) => e.textContent === t),
        text,
        { timeout: 10_000 }
      );
    }
    await page.reload();
    const shown = await messageTexts(page);
    for (const text of xssCorpus) expect(shown).toContain(text);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(
      await page.$$eval('#panel-chat .chat-name', (names) => names.some((n) => n.textContent === '<b>Mallory</b>'))
    ).toBe(true);
    await context.close();

    const moderator = await viewer({ admin: true });
    await moderator.page.goto(`${server.url}${moderationPath}?lang=en`);
    const texts = await moderator.page.$$eval('td .text', (cells) => cells.map((c) => c.textContent));
    for (const text of xssCorpus) expect(texts).toContain(text);
    expect(await moderator.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await axeViolations(moderator.page)).toEqual([]);
    await moderator.context.close();
  });
});

describe('moderating the chat', () => {
  test('a deleted message disappears for everyone; a muted author and slow mode get clear messages', async () => {
    const citizen = await viewer();
    await send(citizen.page, 'Troll', 'Something regrettable');
    await citizen.page.waitForFunction(
      () =>
        [...document.querySelectorAll('#panel-chat .chat-text')].some((e) => e.textContent === 'Something regrettable'),
      null,
      { timeout: 10_000 }
    );

    const moderator = await viewer({ admin: true });
    await moderator.page.goto(`${server.url}${moderationPath}?lang=en`);
    const row = moderator.page.locator('tr', { hasText: 'Something regrettable' });
    await row.locator('button', { hasText: 'Delete' }).click();
    await moderator.page.waitForURL(/notice=deleted/);
    await citizen.page.waitForFunction(
      () =>
        ![...document.querySelectorAll('#panel-chat .chat-text')].some(
          (e) => e.textContent === 'Something regrettable'
        ),
      null,
      { timeout: 10_000 }
    );

    await moderator.page
      .locator('tr', { hasText: 'Something regrettable' })
      .locator('button', { hasText: 'Mute author' })
      .click();
    await moderator.page.waitForURL(/notice=muted/);
    await send(citizen.page, null, 'Am I still here?');
    await citizen.page.waitForFunction(
      () => /You have been muted by a moderator\./.test(document.querySelector('#chat-form-error')?.textContent ?? ''),
      null,
      { timeout: 10_000 }
    );

    await moderator.page.locator('ul.muted button', { hasText: 'Unmute' }).first().click();
    await moderator.page.waitForURL(/notice=unmuted/);
    await moderator.page.fill('#slowModeSeconds', '60');
    await moderator.page.click('form[action="?/slowMode"] button[type=submit]');
    await moderator.page.waitForURL(/notice=slowMode/);

    const newcomer = await viewer();
    expect(await newcomer.page.textContent('#panel-chat')).toContain(
      'Slow mode is on: one message every 60 seconds per person.'
    );
    await send(newcomer.page, 'Newcomer', 'first');
    await newcomer.page.waitForFunction(
      () => [...document.querySelectorAll('#panel-chat .chat-text')].some((e) => e.textContent === 'first'),
      null,
      { timeout: 10_000 }
    );
    // The refusal is held back until someone else's message has refreshed the panel: it must still show in the form the reader sees.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await newcomer.page.route(
      (url) => url.search.includes('sendChatMessage'),
      async (route) => {
        const response = await route.fetch();
        await held;
        await route.fulfill({ response });
      }
    );
    await send(newcomer.page, null, 'second');
    const other = await viewer();
    await send(other.page, 'Other', 'meanwhile');
    await newcomer.page.waitForFunction(
      () => [...document.querySelectorAll('#panel-chat .chat-text')].some((e) => e.textContent === 'meanwhile'),
      null,
      { timeout: 10_000 }
    );
    release();
    await newcomer.page.waitForFunction(
      () =>
        /Slow mode: you can send again in \d+ seconds\./.test(
          document.querySelector('#chat-form-error')?.textContent ?? ''
        ),
      null,
      { timeout: 10_000 }
    );
    expect(await newcomer.page.inputValue('#chat-text')).toBe('second');

    await moderator.page.fill('#slowModeSeconds', '0');
    await moderator.page.click('form[action="?/slowMode"] button[type=submit]');
    for (const v of [citizen, moderator, newcomer, other]) await v.context.close();
  });
});

describe('sending too fast', () => {
  test(
    'is refused with a clear message (a server with its real limits)',
    async () => {
      const limited = await startTestServer();
      try {
        const client = new ConsoleClient(limited.url);
        let refused = '';
        for (let i = 0; i < 11; i++) {
          const page = await client.get(sessionPath);
          const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.text)![1]!;
          const posted = await client.post(`${sessionPath}?/sendChatMessage`, {
            displayName: 'Hasty',
            text: `fast ${i}`,
            idempotencyKey: key
          });
          if (posted.status !== 303) {
            expect(posted.status).toBe(429);
            refused = posted.text;
          }
        }
        expect(refused).toMatch(/You are sending too fast/);
      } finally {
        await limited.stop();
      }
    },
    startsItsOwnServer
  );
});
