/**
 * Story: a viewer opens a live session and watches it in the page — picks a
 * quality, switches to audio only on a slow network, sees how far behind
 * live they are after a pause and jumps back — all by keyboard if they like;
 * after the session, the replay lists its chapters and a chapter button takes
 * them there. When the stream's server drops out the player reconnects by
 * itself. Without JavaScript the links to the stream are there.
 *
 * Real Chromium against a real ffmpeg HLS stream on loopback (see
 * support/playerHarness.ts); the player page is the LivePlayer component as
 * the server renders it, with the built player script.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertChromium, axeViolations, chromiumPath } from './support/browser.js';
import { makeReplay, startHarness, startLiveStream, stopProcess, type Harness } from './support/playerHarness.js';

const channels = [{ name: 'YouTube', url: 'https://www.youtube.com/watch?v=keynote', kind: 'youtube' }];
const chaptersVtt = `WEBVTT

00:00:00.000 --> 00:00:04.000
Opening remarks

00:00:04.000 --> 00:00:08.000
Keynote

00:00:08.000 --> 00:00:12.000
Questions and answers
`;

let dir: string;
let ffmpeg: ChildProcess | undefined;
let harness: Harness | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  assertChromium();
  dir = mkdtempSync(join(tmpdir(), 'madang-player-'));
  harness = await startHarness(dir);
  await makeReplay(join(dir, 'replay'), 12, chaptersVtt);
  ffmpeg = await startLiveStream(join(dir, 'live'));
  await harness.page('/live', {
    state: 'live',
    liveUrl: '/media/live/master.m3u8',
    replay: null,
    channels,
    title: 'Keynote'
  });
  await harness.page(
    '/live-ko',
    { state: 'live', liveUrl: '/media/live/master.m3u8', replay: null, channels, title: 'Keynote' },
    'ko'
  );
  await harness.page('/replay', {
    state: 'ended',
    liveUrl: null,
    replay: { url: '/media/replay/master.m3u8', chaptersUrl: '/media/replay/chapters.vtt', durationSeconds: 12 },
    channels,
    title: 'Keynote'
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required'
    ]
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopProcess(ffmpeg);
  await harness?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, options: { javaScript?: boolean; context?: BrowserContext } = {}): Promise<Page> {
  const context = options.context ?? (await browser!.newContext({ javaScriptEnabled: options.javaScript ?? true }));
  const page = await context.newPage();
  await page.goto(`${harness!.url}${path}`);
  return page;
}

const currentTime = (page: Page) => page.$eval('video', (video) => (video as HTMLVideoElement).currentTime);
const level = (page: Page) => page.getAttribute('[data-player]', 'data-level');

/** Waits until the video's time has moved on by `seconds` from now: it is really playing. */
async function expectPlaying(page: Page, seconds = 1.5): Promise<void> {
  const from = await currentTime(page);
  await expect.poll(() => currentTime(page), { timeout: 20_000, interval: 250 }).toBeGreaterThan(from + seconds);
}

async function behindSeconds(page: Page): Promise<number | null> {
  const text = (await page.textContent('[data-player-behind]')) ?? '';
  const match = /Behind live: (\d+) s/.exec(text);
  return match ? Number(match[1]) : null;
}

describe('watching a live session', () => {
  test('plays with the player’s own controls; quality switches to 360p and back', async () => {
    const page = await open('/live');
    await page.getByRole('button', { name: 'Play' }).click();
    await expectPlaying(page);
    expect(await page.$eval('video', (video) => (video as HTMLVideoElement).controls)).toBe(false);
    // Media Source Extensions here, so hls.js came in beside the player script.
    expect(await page.evaluate(() => typeof (window as unknown as { Hls?: unknown }).Hls)).toBe('function');
    await expect.poll(() => level(page), { timeout: 15_000 }).toMatch(/^(720p|360p)$/);

    await page.getByLabel('Quality').selectOption('360p');
    await expect.poll(() => level(page), { timeout: 15_000 }).toBe('360p');
    await expectPlaying(page);
    await page.getByLabel('Quality').selectOption('720p');
    await expect.poll(() => level(page), { timeout: 15_000 }).toBe('720p');
    await expectPlaying(page);
    await page.context().close();
  });

  test('audio only plays the audio rendition with the picture hidden, and is remembered', async () => {
    const context = await browser!.newContext();
    const page = await open('/live', { context });
    await page.getByRole('button', { name: 'Play' }).click();
    await expectPlaying(page);
    const audioOnly = page.getByRole('button', { name: 'Audio only' });
    await audioOnly.click();
    await expect.poll(() => level(page), { timeout: 15_000 }).toBe('audio');
    expect(await audioOnly.getAttribute('aria-pressed')).toBe('true');
    expect(await page.isVisible('video')).toBe(false);
    expect(await page.isVisible('[data-player-audio-note]')).toBe(true);
    await expectPlaying(page);

    // The next visit starts with the sound only.
    const again = await open('/live', { context });
    await expect
      .poll(() => again.getAttribute('[data-player-audio-only]', 'aria-pressed'), { timeout: 10_000 })
      .toBe('true');
    await again.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => level(again), { timeout: 15_000 }).toBe('audio');
    await expectPlaying(again);
    await again.getByRole('button', { name: 'Audio only' }).click();
    await expect.poll(() => level(again), { timeout: 15_000 }).toMatch(/^(720p|360p)$/);
    expect(await again.isVisible('video')).toBe(true);
    await expectPlaying(again);
    await context.close();
  });

  test('after a pause it says how far behind live the viewer is, and "Jump to live" brings them back', async () => {
    const page = await open('/live');
    await page.getByRole('button', { name: 'Play' }).click();
    await expectPlaying(page);
    await expect.poll(() => behindSeconds(page), { timeout: 10_000 }).not.toBeNull();
    const playing = (await behindSeconds(page))!;

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => behindSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(Math.max(playing, 2) + 6);
    const jump = page.getByRole('button', { name: 'Jump to live' });
    expect(await jump.isEnabled()).toBe(true);
    await jump.click();
    await expect.poll(() => behindSeconds(page), { timeout: 10_000 }).toBeLessThanOrEqual(4);
    expect(await page.isDisabled('[data-player-jump]')).toBe(true);
    await expectPlaying(page);
    await expect.poll(() => page.textContent('[data-player-announcer]'), { timeout: 5_000 }).toBe('Back to live');
    await page.context().close();
  });

  test('when the stream’s server goes away it says "Reconnecting…" once, and plays on when it is back, without a reload', async () => {
    const page = await open('/live');
    await page.getByRole('button', { name: 'Play' }).click();
    await expectPlaying(page);
    await page.evaluate(() => ((window as unknown as { sameVisit: boolean }).sameVisit = true));
    harness!.setMediaDown(true);
    try {
      await expect
        .poll(() => page.textContent('[data-player-announcer]'), { timeout: 30_000, interval: 500 })
        .toBe('Reconnecting…');
    } finally {
      harness!.setMediaDown(false);
    }
    await expect
      .poll(() => page.textContent('[data-player-announcer]'), { timeout: 30_000, interval: 500 })
      .toBe('Connected again');
    await expectPlaying(page);
    expect(await page.evaluate(() => (window as unknown as { sameVisit?: boolean }).sameVisit)).toBe(true);
    await page.context().close();
  });

  test('where the browser plays HLS itself (as Safari does), hls.js is not loaded and the same controls drive it', async () => {
    const context = await browser!.newContext();
    // Chromium plays HLS natively too; without Media Source Extensions the player must take that path.
    await context.addInitScript(() => {
      delete (window as unknown as { MediaSource?: unknown }).MediaSource;
      delete (window as unknown as { ManagedMediaSource?: unknown }).ManagedMediaSource;
    });
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await open('/live', { context });
    await page.getByRole('button', { name: 'Play' }).click();
    await expectPlaying(page);
    await page.getByLabel('Quality').selectOption('360p');
    await expect.poll(() => level(page)).toBe('360p');
    await expect
      .poll(() => page.$eval('video', (video) => (video as HTMLVideoElement).currentSrc), { timeout: 10_000 })
      .toMatch(/\/media\/live\/360p\/index\.m3u8$/);
    await expectPlaying(page);
    await page.getByRole('button', { name: 'Audio only' }).click();
    await expect.poll(() => level(page)).toBe('audio');
    await expect
      .poll(() => page.$eval('video', (video) => (video as HTMLVideoElement).currentSrc), { timeout: 10_000 })
      .toMatch(/\/media\/live\/audio\/index\.m3u8$/);
    await expectPlaying(page);
    expect(requested.some((url) => url.includes('/player/player.'))).toBe(true);
    expect(requested.filter((url) => url.includes('hls.light'))).toEqual([]);
    await context.close();
  });

  test('every control is reachable with Tab and works with Space and Enter', async () => {
    const page = await open('/live');
    await page.waitForSelector('[data-player-controls]:not([hidden])');
    const reached: string[] = [];
    await page.focus('[data-player-play]');
    for (let i = 0; i < 8; i += 1) {
      reached.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          return (
            element.getAttributeNames().find((name) => name.startsWith('data-player-')) ?? element.tagName
          ).replace('data-player-', '');
        })
      );
      await page.keyboard.press('Tab');
    }
    // Jump to live is off while at live; the rest come in reading order, then the links.
    expect(reached.slice(0, 6)).toEqual(['play', 'mute', 'volume', 'audio-only', 'quality', 'fullscreen']);
    expect(reached[6]).toBe('A');

    await page.focus('[data-player-play]');
    await page.keyboard.press('Space');
    await expectPlaying(page);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.$eval('video', (video) => (video as HTMLVideoElement).paused), { timeout: 5_000 })
      .toBe(true);
    await expect.poll(() => page.textContent('[data-player-play]'), { timeout: 5_000 }).toBe('Play');

    await page.focus('[data-player-mute]');
    await page.keyboard.press('Enter');
    expect(await page.$eval('video', (video) => (video as HTMLVideoElement).muted)).toBe(true);
    // The label follows the video's volumechange event, which arrives a moment after `muted` is set.
    await expect.poll(() => page.textContent('[data-player-mute]'), { timeout: 5_000 }).toBe('Unmute');
    await page.focus('[data-player-fullscreen]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('[data-player-fullscreen]'), { timeout: 5_000 }).toBe('Exit full screen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('[data-player-fullscreen]'), { timeout: 5_000 }).toBe('Full screen');
    await page.focus('[data-player-audio-only]');
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.getAttribute('[data-player-audio-only]', 'aria-pressed'), { timeout: 10_000 })
      .toBe('true');
    await page.focus('[data-player-quality]');
    expect(await page.isDisabled('[data-player-quality]')).toBe(true);
    await page.keyboard.press('Enter');
    await page.context().close();
  });

  test('axe finds nothing on the player, in English and Korean, with its controls showing', async () => {
    for (const path of ['/live', '/live-ko']) {
      const page = await open(path);
      await page.waitForSelector('[data-player-controls]:not([hidden])');
      const violations = await axeViolations(page);
      expect(
        violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      ).toEqual([]);
      // WCAG 2.2 target size: every control at least 24×24 px.
      const small = await page.$$eval(
        '[data-player-controls] button, [data-player-controls] select, [data-player-controls] input',
        (elements) =>
          elements
            .filter(
              (e) =>
                (e as HTMLElement).offsetParent &&
                (e.getBoundingClientRect().width < 24 || e.getBoundingClientRect().height < 24)
            )
            .map((e) => e.outerHTML)
      );
      expect(small).toEqual([]);
      await page.context().close();
    }
  });
});

describe('watching the replay', () => {
  test('lists the chapters; a chapter button or the position slider seeks, and the current chapter is marked', async () => {
    const page = await open('/replay');
    const chapters = page.locator('[data-player-chapter-list] button');
    await expect
      .poll(() => chapters.allTextContents(), { timeout: 10_000 })
      .toEqual(['0:00 Opening remarks', '0:04 Keynote', '0:08 Questions and answers']);
    await page.getByRole('button', { name: '0:08 Questions and answers' }).click();
    await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);
    await expect.poll(() => chapters.nth(2).getAttribute('aria-current'), { timeout: 10_000 }).toBe('true');
    expect(await chapters.nth(0).getAttribute('aria-current')).toBeNull();

    // The position slider goes back to the start by keyboard.
    await page.getByLabel('Position').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => currentTime(page), { timeout: 10_000 }).toBeLessThan(4);
    await expect.poll(() => chapters.nth(0).getAttribute('aria-current'), { timeout: 10_000 }).toBe('true');
    expect(await page.getByLabel('Position').getAttribute('aria-valuetext')).toMatch(/^0:0\d \/ 0:12$/);
    expect(
      await page.$eval('video track', (track) => [(track as HTMLTrackElement).kind, track.getAttribute('src')])
    ).toEqual(['chapters', '/media/replay/chapters.vtt']);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  test('the stream, the replay and the outside channels are plain links, and the video keeps its native controls', async () => {
    const live = await open('/live', { javaScript: false });
    expect(await live.getByRole('link', { name: 'Open the stream' }).getAttribute('href')).toBe(
      '/media/live/master.m3u8'
    );
    expect(await live.getByRole('link', { name: 'Also on YouTube' }).getAttribute('href')).toBe(
      'https://www.youtube.com/watch?v=keynote'
    );
    expect(await live.$eval('video', (video) => (video as HTMLVideoElement).controls)).toBe(true);
    expect(await live.isVisible('[data-player-controls]')).toBe(false);
    await live.context().close();
    const replay = await open('/replay', { javaScript: false });
    expect(await replay.getByRole('link', { name: 'Watch the replay' }).getAttribute('href')).toBe(
      '/media/replay/master.m3u8'
    );
    await replay.context().close();
  });
});
