/**
 * Story: a citizen opens a session and finds the live stage — room for the
 * player, how many people are watching, and the questions, poll and chat
 * panels — usable without JavaScript and by keyboard; with JavaScript the
 * viewer count follows the audience and a panel refreshes itself when an
 * event for it is published through the outbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser } from './support/browser.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const sessionPath = '/seoul-2020/sessions/d2-keynote';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startTestServer({ MADANG_TEST_CLOCK: '2020-09-23T07:10:00Z', MADANG_TEST_LIVE_POKE: '1' }),
    launchBrowser()
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}?lang=en`);
  return page;
}

describe('the live stage without JavaScript', () => {
  test('shows the player panel, the viewer count and the three participation panels in order, and axe finds nothing', async () => {
    for (const lang of ['en', 'ko']) {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}${sessionPath}?lang=${lang}`);
      const panels = await page.$$eval('[data-live-panel]', (sections) =>
        sections.map((s) => [
          s.id,
          s.getAttribute('data-live-events'),
          s.getAttribute('aria-labelledby'),
          !!document.getElementById(s.getAttribute('aria-labelledby') ?? '')
        ])
      );
      expect(panels).toEqual([
        ['panel-player', 'broadcast.', 'live-player-title', true],
        ['panel-questions', 'question.', 'panel-questions-title', true],
        ['panel-poll', 'poll.', 'panel-poll-title', true],
        ['panel-chat', 'chat.', 'panel-chat-title', true]
      ]);
      expect(await page.getAttribute('[data-live-stage]', 'data-live-channel')).toBe('session:d2-keynote');
      expect(await page.textContent('[data-live-viewers]')).toMatch(/\d/);
      expect(await page.$('[data-live-announcer][aria-live=polite]')).not.toBeNull();
      await context.close();
      // axe runs inside the page, so this look is with JavaScript (the live script running too).
      const withScript = await browser.newContext();
      const scripted = await withScript.newPage();
      await scripted.goto(`${server.url}${sessionPath}?lang=${lang}`);
      await scripted.waitForFunction(() => /\d/.test(document.querySelector('[data-live-viewers]')?.textContent ?? ''));
      expect(await axeViolations(scripted)).toEqual([]);
      await withScript.close();
    }
  });

  test('a reader who only reads gets no cookie, and only the session page carries the small, long-cached live script', async () => {
    const response = await fetch(`${server.url}${sessionPath}`);
    expect(response.headers.get('set-cookie')).toBeNull();
    const html = await response.text();
    const script = /<script src="(\/_app\/immutable\/live\/live\.[0-9a-f]{12}\.js)" defer(="")?><\/script>/.exec(
      html
    )?.[1];
    expect(script).toBeDefined();
    const programme = await (await fetch(`${server.url}/seoul-2020/programme`)).text();
    expect(programme).not.toContain('/_app/immutable/live/');
    const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // 8 KiB for the foundation, plus about 1 KiB the chat adds (new-message counts, reaction bursts, refusals kept; ADR 013)
    // and ½ KiB for resuming from the rendered position and handing a swapped player panel to the player script (ADR 017).
    expect((await asset.arrayBuffer()).byteLength).toBeLessThan(9.5 * 1024);
  });

  test('serves each panel fragment uncached, and 404 for a panel that does not exist', async () => {
    const fragment = await fetch(`${server.url}${sessionPath}/panels/questions?lang=en`);
    expect(fragment.status).toBe(200);
    expect(fragment.headers.get('cache-control')).toBe('private, no-store');
    expect(await fragment.text()).toContain('id="panel-questions-title"');
    expect((await fetch(`${server.url}${sessionPath}/panels/nonsense`)).status).toBe(404);
    expect((await fetch(`${server.url}/seoul-2020/sessions/no-such-session/panels/questions`)).status).toBe(404);
  });

  test('keyboard reaches every panel through the panel links', async () => {
    const page = await open(sessionPath, { javaScript: false });
    for (const [name, label] of [
      ['questions', 'Questions'],
      ['poll', 'Poll'],
      ['chat', 'Chat']
    ] as const) {
      await page.focus('body');
      let reached = false;
      for (let i = 0; i < 80 && !reached; i += 1) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          (text) => document.activeElement?.textContent === text && document.activeElement.closest('nav') !== null,
          label
        );
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`panel-${name}`);
    }
    await page.context().close();
  });
});

describe('the live stage with JavaScript', () => {
  test('shows the viewer count and changes it when a second reader opens the session', async () => {
    const first = await open(sessionPath);
    await first.waitForFunction(
      () => document.querySelector('[data-live-viewers]')?.textContent === '1 person watching',
      null,
      { timeout: 10_000 }
    );
    const second = await open(sessionPath);
    await first.waitForFunction(
      () => document.querySelector('[data-live-viewers]')?.textContent === '2 people watching',
      null,
      { timeout: 10_000 }
    );
    await second.context().close();
    await first.waitForFunction(
      () => document.querySelector('[data-live-viewers]')?.textContent === '1 person watching',
      null,
      { timeout: 10_000 }
    );
    expect(
      await first.evaluate(() => document.querySelector('[data-live-viewers]')?.getAttribute('aria-live'))
    ).toBeNull();
    await first.context().close();
  });

  test('refetches the questions panel when an event is published on the session channel through the outbox', async () => {
    const page = await open(sessionPath);
    await page.waitForFunction(
      () => /watching/.test(document.querySelector('[data-live-viewers]')?.textContent ?? ''),
      null,
      { timeout: 10_000 }
    );
    // Mark the rendered panel contents: a swap replaces them.
    await page.evaluate(() =>
      document.querySelectorAll('[data-live-panel] > *').forEach((el) => el.setAttribute('data-old', ''))
    );
    const refetched = page.waitForRequest((request) => request.url().endsWith(`${sessionPath}/panels/questions`), {
      timeout: 10_000
    });
    const poke = await fetch(`${server.url}/__test/live-poke?channel=session:d2-keynote&name=question.changed&id=q1`, {
      method: 'POST'
    });
    expect(poke.status).toBe(204);
    await refetched;
    await page.waitForFunction(() => document.querySelector('#panel-questions > [data-old]') === null, null, {
      timeout: 10_000
    });
    expect(await page.textContent('#panel-questions-title')).toBe('Questions');
    // Only the panel the event concerns was refetched.
    expect(await page.$('#panel-poll > [data-old]')).not.toBeNull();
    expect(await page.$('#panel-chat > [data-old]')).not.toBeNull();
    await page.context().close();
  });
});

describe('the live stage when the server is killed', () => {
  /** Opens the keynote on a server that is then killed and started again on the same data and address. */
  async function crashAndRestart(
    env: Record<string, string>,
    afterRestart: (page: Page, server: TestServer) => Promise<void>
  ): Promise<void> {
    const dataDir = mkdtempSync(join(tmpdir(), 'madang-live-'));
    let crashing = await startTestServer({
      MADANG_TEST_CLOCK: '2020-09-23T07:10:00Z',
      MADANG_TEST_DATA_DIR: dataDir,
      ...env
    });
    try {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${crashing.url}${sessionPath}?lang=en`);
      await page.waitForFunction(
        () => document.querySelector('[data-live-viewers]')?.textContent === '1 person watching',
        null,
        { timeout: 10_000 }
      );
      await page.evaluate(() =>
        document.querySelectorAll('[data-live-panel] > *').forEach((el) => el.setAttribute('data-old', ''))
      );
      await crashing.crash();
      crashing = await crashing.restart();
      await afterRestart(page, crashing);
      await context.close();
    } finally {
      await crashing.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  // Generous waits: the script's backoff has grown while the server was away (up to 30 s between attempts).
  test('with one node, the new hub does not know the old position: the script is told to reload and refreshes every panel', async () => {
    await crashAndRestart({ REDIS_URL: '' }, async (page) => {
      await page.waitForFunction(() => document.querySelectorAll('[data-live-panel] > [data-old]').length === 0, null, {
        timeout: 100_000
      });
      await page.waitForFunction(
        () => document.querySelector('[data-live-viewers]')?.textContent === '1 person watching',
        null,
        { timeout: 10_000 }
      );
    });
  }, 180_000);

  test.skipIf(!process.env.REDIS_URL)(
    'through Redis, the position survives the restart: the script resumes where it was and events reach it again',
    async () => {
      await crashAndRestart({ MADANG_TEST_LIVE_POKE: '1' }, async (page, server) => {
        await page.waitForFunction(
          () => document.querySelector('[data-live-viewers]')?.textContent === '1 person watching',
          null,
          { timeout: 100_000 }
        );
        // Nothing was missed, so nothing is refetched until something happens.
        expect(await page.$$('[data-live-panel] > [data-old]')).not.toHaveLength(0);
        const poke = await fetch(
          `${server.url}/__test/live-poke?channel=session:d2-keynote&name=question.changed&id=q1`,
          { method: 'POST' }
        );
        expect(poke.status).toBe(204);
        await page.waitForFunction(() => document.querySelector('#panel-questions > [data-old]') === null, null, {
          timeout: 30_000
        });
      });
    },
    180_000
  );
});
