/**
 * Story: the producer of Seoul 2020 runs the "Seoul On" stage's broadcast
 * from the console without JavaScript. Two minutes before the day-2 keynote
 * she opens the stage's page, finds the RTMP server and (behind "Show stream
 * key") the stream key, and puts the keynote live: the programme shows it as
 * "Live now" and its page links the stream and the outside channels. Putting
 * a second session live on the stage is refused, naming the keynote. She
 * stops it (after confirming); the session is ended and its replay appears,
 * with chapters per programme item. She rotates the stream key. A moderator
 * of the same edition is refused every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../src/lib/server/mail/testing/smtpCapture.js';
import { ConsoleClient, consoleLinkIn, csrfOf, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const stage = '/console/editions/seoul-2020/stages/seoul-on';

let server: TestServer;
let smtp: SmtpCapture;
let asAdmin: ConsoleClient;
let asProducer: ConsoleClient;
let asModerator: ConsoleClient;
const client = () => new ConsoleClient(server.url);

async function invite(email: string, role: string, displayName: string): Promise<ConsoleClient> {
  const invited = await asAdmin.submit(
    '/console/people',
    { email, role, edition: 'seoul-2020', mailLocale: 'en' },
    '?/invite'
  );
  expect(invited.status).toBe(303);
  const who = client();
  const accepted = await who.submit(consoleLinkIn(await smtp.next(email)), { displayName, password });
  expect(accepted.location).toBe('/console?notice=invitation-accepted');
  return who;
}

/** The text of one session's entry on the stage page. */
function entryOf(html: string, sessionId: string): string {
  const start = html.indexOf(`data-stage-session="${sessionId}"`);
  expect(start).toBeGreaterThan(-1);
  return mainText(`<main><li ${html.slice(start, html.indexOf('</li>', start))}</li></main>`);
}

function streamKeyOf(html: string): string {
  return /data-stream-key[^>]*>([^<]+)</.exec(html)![1]!;
}

/** The programme item of a session on the public programme page, as text. */
async function programmeEntry(sessionId: string): Promise<string> {
  const html = (await client().get('/seoul-2020/programme')).text;
  const start = html.indexOf(`href="/seoul-2020/sessions/${sessionId}"`);
  expect(start).toBeGreaterThan(-1);
  return mainText(`<main>${html.slice(start, html.indexOf('</li>', start))}</main>`);
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  // Two minutes before the day-2 keynote (09:00 KST); the stand-in stage output records every session put live.
  server = await startTestServer({
    SMTP_URL: smtp.url,
    MADANG_TEST_CLOCK: '2020-09-23T06:58:00Z',
    MADANG_TEST_RECORDING: '1'
  });
  asAdmin = client();
  expect(
    (await asAdmin.submit(server.setupPath!, { email: 'admin@example.org', displayName: 'Ada Admin', password }))
      .location
  ).toBe('/console');
  asProducer = await invite('producer@example.org', 'producer', 'Pat Producer');
  asModerator = await invite('mod@example.org', 'moderator', 'Mo Moderator');
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

describe('a producer broadcasting a stage', () => {
  it('finds the stage page from the edition, with the server and the stream key behind a disclosure', async () => {
    const edition = await asProducer.get('/console/editions/seoul-2020');
    expect(edition.text).toContain(`href="${stage}"`);
    const page = await asProducer.get(stage);
    expect(page.status).toBe(200);
    const text = mainText(page.text);
    expect(text).toContain('Broadcast: “Seoul On” video-meeting studio');
    expect(text).toContain('rtmp://127.0.0.1:1935/live');
    expect(page.text).toMatch(/<details>\s*<summary[^>]*>Show stream key<\/summary>/);
    expect(streamKeyOf(page.text)).toMatch(/^seoul-on\.[A-Za-z0-9_-]{32}$/);
    expect(page.text).toContain(`href="${stage}/destinations"`);
    expect(entryOf(page.text, 'd2-keynote')).toContain('Scheduled');
  });

  it('puts the keynote live early: the programme and the session page say "Live now" and link the stream', async () => {
    const before = await programmeEntry('d2-keynote');
    expect(before).not.toContain('Live now');
    const live = await asProducer.submit(stage, { session: 'd2-keynote' }, '?/goLive');
    expect(live.status, mainText(live.text)).toBe(303);
    expect(live.location).toBe(`${stage}?notice=live`);
    expect(mainText((await asProducer.get(live.location!)).text)).toContain('The session is live.');
    expect(entryOf((await asProducer.get(stage)).text, 'd2-keynote')).toMatch(/Live\s+On air since/);
    expect(await programmeEntry('d2-keynote')).toContain('Live now');
    const session = await client().get('/seoul-2020/sessions/d2-keynote');
    const text = mainText(session.text);
    expect(text).toContain('Live now');
    expect(session.text).toContain('href="/broadcast/seoul-on/live/master.m3u8"');
    expect(text).toContain('Open the stream');
    expect(text).toMatch(
      /Also on Seoul Metropolitan Government on YouTube\s+Also on TBS on YouTube\s+Also on “Live Seoul”/
    );
    expect(session.text).toContain('href="https://www.youtube.com/@seoullive"');
    const home = mainText((await client().get('/seoul-2020')).text);
    expect(home.slice(home.indexOf('On now'), home.indexOf('See the whole programme'))).toContain('Keynote');
  });

  it('refuses a second session on the stage, naming the one that is live', async () => {
    const refused = await asProducer.submit(stage, { session: 'd2-cases' }, '?/goLive');
    expect(refused.status).toBe(409);
    expect(mainText(refused.text)).toContain('Another session is live on this stage: “Keynote”. Stop it first.');
    expect(await programmeEntry('d2-cases')).not.toContain('Live now');
  });

  it('asks for confirmation before stopping, then ends the session and publishes its replay with chapters', async () => {
    const unconfirmed = await asProducer.submit(stage, { session: 'd2-keynote' }, '?/stop');
    expect(unconfirmed.status).toBe(400);
    expect(mainText(unconfirmed.text)).toContain('Tick the box to confirm.');
    expect(await programmeEntry('d2-keynote')).toContain('Live now');

    const stopped = await asProducer.submit(stage, { session: 'd2-keynote', confirm: 'on' }, '?/stop');
    expect(stopped.location).toBe(`${stage}?notice=endedWithReplay`);
    expect(entryOf((await asProducer.get(stage)).text, 'd2-keynote')).toContain('Ended');
    const entry = await programmeEntry('d2-keynote');
    expect(entry).not.toContain('Live now');
    expect(entry).toContain('Replay');
    const session = await client().get('/seoul-2020/sessions/d2-keynote');
    expect(mainText(session.text)).toContain('Ended');
    expect(session.text).toContain('href="/broadcast/replays/d2-keynote/master.m3u8"');
    expect(session.text).not.toContain('/broadcast/seoul-on/live/master.m3u8');

    const chapters = await fetch(`${server.url}/seoul-2020/sessions/d2-keynote/chapters.vtt?lang=en`);
    expect(chapters.status).toBe(200);
    expect(chapters.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    // Recorded from 08:58 KST; the keynote's one item starts at 09:00.
    expect(await chapters.text()).toBe('WEBVTT\n\n1\n00:02:00.000 --> 00:30:00.000\nThe inclusive smart city\n');
    const korean = await (await fetch(`${server.url}/seoul-2020/sessions/d2-keynote/chapters.vtt?lang=ko`)).text();
    expect(korean).toMatch(/^WEBVTT\n\n1\n00:02:00.000 --> 00:30:00.000\n[^\n]*[가-힣]/);
    expect((await fetch(`${server.url}/seoul-2020/sessions/d2-cases/chapters.vtt`)).status).toBe(404);
  });

  it('rotates the stream key only when confirmed, and shows the new one', async () => {
    const old = streamKeyOf((await asProducer.get(stage)).text);
    const unconfirmed = await asProducer.submit(stage, {}, '?/rotate');
    expect(unconfirmed.status).toBe(400);
    expect(streamKeyOf((await asProducer.get(stage)).text)).toBe(old);
    const rotated = await asProducer.submit(stage, { confirm: 'on' }, '?/rotate');
    expect(rotated.location).toBe(`${stage}?notice=rotated`);
    const page = await asProducer.get(rotated.location!);
    expect(mainText(page.text)).toContain('The stream key was replaced.');
    const fresh = streamKeyOf(page.text);
    expect(fresh).toMatch(/^seoul-on\.[A-Za-z0-9_-]{32}$/);
    expect(fresh).not.toBe(old);
  });
});

describe('a moderator of the same edition', () => {
  it('is refused the stage page and every action, and nothing changes', async () => {
    expect((await asModerator.get(stage)).status).toBe(403);
    const csrf = csrfOf((await asModerator.get('/console')).text);
    for (const [action, fields] of [
      ['goLive', { session: 'd2-cases' }],
      ['stop', { session: 'd2-keynote', confirm: 'on' }],
      ['rotate', { confirm: 'on' }]
    ] as const) {
      const refused = await asModerator.post(`${stage}?/${action}`, { csrf, ...fields });
      expect(refused.status, action).toBe(403);
    }
    expect(await programmeEntry('d2-cases')).not.toContain('Live now');
    expect(streamKeyOf((await asAdmin.get(stage)).text)).toMatch(/^seoul-on\./);
  });
});
