/**
 * Story: a citizen opens the keynote's page before it starts and waits. When
 * the producer puts the session live, the player appears on her page without
 * a reload (its script loaded then), and a screen reader hears "The broadcast
 * has started."; when the producer stops, the player turns into the replay
 * and she hears that the replay is ready. axe finds nothing on either.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser } from './support/browser.js';
import { ConsoleClient, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const stage = '/console/editions/seoul-2020/stages/seoul-on';
let server: TestServer;
let browser: Browser;
let producer: ConsoleClient;

beforeAll(async () => {
  // Two minutes before the day-2 keynote; the stand-in stage output records every session put live.
  [server, browser] = await Promise.all([
    startTestServer({ MADANG_TEST_CLOCK: '2020-09-23T06:58:00Z', MADANG_TEST_RECORDING: '1' }),
    launchBrowser()
  ]);
  producer = new ConsoleClient(server.url);
  const created = await producer.submit(server.setupPath!, {
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    password: 'orange kettle under the bridge'
  });
  expect(created.location).toBe('/console');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a reader waiting on the session page', () => {
  test('sees the player appear when the session goes live and become the replay when it stops, without a reload', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/seoul-2020/sessions/d2-keynote?lang=en`);
    expect(await page.locator('#panel-player').innerText()).toContain('The stream starts when the session goes live.');
    expect(await page.locator('script[src*="/player."]').count()).toBe(0);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    const live = await producer.submit(stage, { session: 'd2-keynote' }, '?/goLive');
    expect(live.status, mainText(live.text)).toBe(303);
    await page.waitForSelector('#panel-player [data-player-kind="live"] video', { timeout: 20_000 });
    // The player script came with the swap and took over: its labelled controls replace the browser's.
    await page.waitForSelector('#panel-player [data-player-controls]:not([hidden])', { timeout: 20_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-live-announcer]')?.textContent === 'The broadcast has started.',
      null,
      { timeout: 10_000 }
    );
    expect(await page.locator('#panel-player a', { hasText: 'Open the stream' }).getAttribute('href')).toBe(
      '/broadcast/seoul-on/live/master.m3u8'
    );
    expect(await axeViolations(page)).toEqual([]);

    const stopped = await producer.submit(stage, { session: 'd2-keynote', confirm: 'on' }, '?/stop');
    expect(stopped.location).toBe(`${stage}?notice=endedWithReplay`);
    await page.waitForSelector('#panel-player [data-player-kind="replay"] video', { timeout: 20_000 });
    await page.waitForSelector('#panel-player [data-player-kind="replay"] [data-player-controls]:not([hidden])', {
      timeout: 20_000
    });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-live-announcer]')?.textContent ===
        'The broadcast has ended; its replay is ready.',
      null,
      { timeout: 10_000 }
    );
    expect(await page.locator('#panel-player a', { hasText: 'Watch the replay' }).getAttribute('href')).toBe(
      '/broadcast/replays/d2-keynote/master.m3u8'
    );
    expect(await page.locator('video').count()).toBe(1);
    expect(await page.locator('script[src*="/player."]').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
