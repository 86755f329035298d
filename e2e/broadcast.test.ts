/**
 * Story: the studio's encoder streams the "Exemplary Smart City Cases" part
 * to the forum. A producer finds the stage's stream key; an encoder with a
 * wrong key is refused; with the right one, and the producer going live, a
 * viewer watches it on the session page (in either rendition) while an
 * outside channel receives the same programme. The encoder drops out for ten
 * seconds: the viewer's player plays on through the "we will be right back"
 * slate and picks the source up again, no reload. The producer stops: the
 * session page offers the replay, with chapters, and it plays.
 *
 * Everything real on loopback: the app with its RTMP ingest, Debian's ffmpeg
 * as the studio's encoder and as the outside channel's RTMP server, Chromium
 * as the viewer.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertChromium, chromiumPath } from './support/browser.js';
import { ConsoleClient, mainText } from './support/consoleClient.js';
import { freePort, pushTestPattern, startOutsideChannel, stopAll, type Encoder } from './support/encoders.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const stagePage = '/console/editions/seoul-2020/stages/seoul-on';
const session = 'd1-cases';
const sessionPage = `/seoul-2020/sessions/${session}`;

let server: TestServer;
let producer: ConsoleClient;
let browser: Browser;
let viewer: Page;
let dir: string;
let outsideFile: string;
let outside: Encoder;
let studio: Encoder;
let streamKey: string;

async function until<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const currentTime = (page: Page) =>
  page.locator('[data-player-video]').evaluate((video: HTMLVideoElement) => video.currentTime);

/** Samples the player's position every half second for `seconds`; returns the positions. */
async function watch(page: Page, seconds: number): Promise<number[]> {
  const positions: number[] = [];
  for (let i = 0; i < seconds * 2; i += 1) {
    positions.push(await currentTime(page));
    await page.waitForTimeout(500);
  }
  return positions;
}

/** The longest time, in samples of half a second, the position did not move. */
function longestStall(positions: number[]): number {
  let longest = 0;
  let run = 0;
  for (let i = 1; i < positions.length; i += 1) {
    run = positions[i]! > positions[i - 1]! ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest / 2;
}

beforeAll(async () => {
  assertChromium();
  dir = mkdtempSync(join(tmpdir(), 'madang-broadcast-e2e-'));
  server = await startTestServer({ MADANG_TEST_RTMP: '1', MADANG_TEST_UNLIMITED: '1' });
  expect(server.rtmpPort).not.toBeNull();
  producer = new ConsoleClient(server.url);
  expect(
    (await producer.submit(server.setupPath!, { email: 'producer@example.org', displayName: 'Pat Producer', password }))
      .location
  ).toBe('/console');
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
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stopAll();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a stage broadcast from an RTMP encoder', () => {
  it('shows the producer the stage’s RTMP server and stream key, and refuses an encoder with a wrong key', async () => {
    const page = await producer.get(stagePage);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`rtmp://127.0.0.1:${server.rtmpPort}/live`);
    streamKey = /data-stream-key[^>]*>([^<]+)</.exec(page.text)?.[1] ?? '';
    expect(streamKey).toMatch(/^seoul-on\./);

    const wrong = pushTestPattern(`rtmp://127.0.0.1:${server.rtmpPort}/live/seoul-on.not-the-key`, 20);
    const refused = await wrong.exited;
    expect(refused.code).not.toBe(0);
    expect(mainText((await producer.get(stagePage)).text)).not.toMatch(/connected through/i);
  }, 60_000);

  it('sends the programme to an outside channel once the producer goes live', async () => {
    const port = await freePort();
    outsideFile = join(dir, 'outside.flv');
    outside = startOutsideChannel(port, 'outside-key', outsideFile);
    const added = await producer.submit(
      `${stagePage}/destinations`,
      { name: 'Stand-in for YouTube', url: `rtmp://127.0.0.1:${port}/live`, key: 'outside-key', enabled: 'on' },
      '?/add'
    );
    expect(added.status, mainText(added.text)).toBe(303);

    studio = pushTestPattern(`rtmp://127.0.0.1:${server.rtmpPort}/live/${streamKey}`);
    await until('the stage page to show the encoder connected', async () =>
      (await producer.get(stagePage)).text.includes('data-source-status="connected"')
    );
    const live = await producer.submit(stagePage, { session }, '?/goLive');
    expect(live.status, mainText(live.text)).toBe(303);
    expect((await producer.get(stagePage)).text).toMatch(
      new RegExp(`data-stage-session="${session}"[\\s\\S]*?data-broadcast-state="live"`)
    );

    await until('the outside channel to receive video', async () => {
      try {
        return statSync(outsideFile).size > 200_000;
      } catch {
        return false;
      }
    });
    const destinations = mainText((await producer.get(`${stagePage}/destinations`)).text);
    expect(destinations).toContain('Stand-in for YouTube');
    expect(destinations).toMatch(/Live/);
  }, 120_000);

  it('plays on the session page, in 720p and in 360p', async () => {
    await until('the live playlist', async () => (await fetch(`${server.url}/broadcast/seoul-on/live/master.m3u8`)).ok);
    viewer = await browser.newPage();
    await viewer.goto(`${server.url}${sessionPage}`);
    await viewer.locator('[data-player-play]').click();
    await until('playback to start', async () => (await currentTime(viewer)) > 1, 60_000);
    await viewer.locator('[data-player-quality]').selectOption('360p');
    await until(
      'the 360p rendition',
      async () => (await viewer.locator('[data-player]').getAttribute('data-level')) === '360p'
    );
    const at360 = await currentTime(viewer);
    await until('playback to go on in 360p', async () => (await currentTime(viewer)) > at360 + 2);
    await viewer.locator('[data-player-quality]').selectOption('720p');
    await until(
      'the 720p rendition',
      async () => (await viewer.locator('[data-player]').getAttribute('data-level')) === '720p'
    );
    const at720 = await currentTime(viewer);
    await until('playback to go on in 720p', async () => (await currentTime(viewer)) > at720 + 2);
  }, 150_000);

  it('keeps playing through the slate while the encoder is gone for ten seconds, and picks it up again', async () => {
    await studio.stop();
    const positions = await watch(viewer, 10);
    // The slate fills the gap: the picture never stands still for long, and the page was never reloaded.
    expect(longestStall(positions), positions.join(' ')).toBeLessThanOrEqual(3);
    expect(positions.at(-1)! - positions[0]!).toBeGreaterThan(5);
    const playlist = await (await fetch(`${server.url}/broadcast/seoul-on/live/720p.m3u8`)).text();
    expect(playlist).toContain('#EXT-X-DISCONTINUITY');

    studio = pushTestPattern(`rtmp://127.0.0.1:${server.rtmpPort}/live/${streamKey}`);
    await until('the encoder to be back', async () =>
      (await producer.get(stagePage)).text.includes('data-source-status="connected"')
    );
    const after = await watch(viewer, 8);
    expect(longestStall(after), after.join(' ')).toBeLessThanOrEqual(3);
    expect(await viewer.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  }, 120_000);

  it('offers the replay with chapters once the producer stops, and it plays', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const stopped = await producer.submit(stagePage, { session, confirm: 'on' }, '?/stop');
    expect(stopped.status, mainText(stopped.text)).toBe(303);
    await studio.stop();
    await outside.stop();

    const replay = await browser.newPage();
    await replay.goto(`${server.url}${sessionPage}`);
    await expect.poll(() => replay.locator('[data-player]').getAttribute('data-player-kind')).toBe('replay');
    await replay.locator('[data-player-play]').click();
    await until('the replay to play', async () => (await currentTime(replay)) > 1, 60_000);
    const chapters = replay.locator('[data-player-chapter-list] button');
    await until('the chapters', async () => (await chapters.count()) > 1);
    await chapters.last().click();
    await until('the jump to the last chapter', async () => (await currentTime(replay)) > 5);
    const vtt = await (await fetch(`${server.url}${sessionPage}/chapters.vtt`)).text();
    expect(vtt).toMatch(/^WEBVTT/);
    expect(vtt).toContain('The Hague');
  }, 120_000);
});
