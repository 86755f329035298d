/**
 * A moderator looks after a session's chat from the console, over plain
 * HTTP as a browser without JavaScript does: turns slow mode on and off,
 * keeps the edition's word filter (and is told when someone else saved it
 * first), and every change lands in the moderation log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../src/lib/server/mail/testing/smtpCapture.js';
import { ConsoleClient, consoleLinkIn, csrfOf, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const chat = '/console/editions/seoul-2020/sessions/d1-talk-concert/chat';
const wordFilter = '/console/editions/seoul-2020/word-filter';

let server: TestServer;
let smtp: SmtpCapture;
let asAdmin: ConsoleClient;
let asModerator: ConsoleClient;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Seoul Forum <forum@example.org>' });
  asAdmin = new ConsoleClient(server.url);
  expect(
    (await asAdmin.submit(server.setupPath!, { email: 'admin@example.org', displayName: 'Ada Admin', password }))
      .location
  ).toBe('/console');
  const invited = await asAdmin.submit(
    '/console/people',
    { email: 'mod@example.org', role: 'moderator', edition: 'seoul-2020', mailLocale: 'en' },
    '?/invite'
  );
  expect(invited.status, mainText(invited.text)).toBe(303);
  asModerator = new ConsoleClient(server.url);
  const accepted = await asModerator.submit(consoleLinkIn(await smtp.next('mod@example.org')), {
    displayName: 'Mo Moderator',
    password
  });
  expect(accepted.status).toBe(303);
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

describe('a moderator of the edition', () => {
  it('finds the chat moderation page from the console session page', async () => {
    const session = await asAdmin.get('/console/editions/seoul-2020/sessions/d1-talk-concert');
    expect(session.text).toContain(`href="${chat}"`);
    const page = await asModerator.get(chat);
    expect(page.status).toBe(200);
    const text = mainText(page.text);
    expect(text).toContain('Chat moderation:');
    expect(text).toContain('No messages in this session yet.');
    expect(text).toContain('Nobody is muted on this edition.');
    expect(text).toContain('Slow mode is off.');
  });

  it('turns slow mode on, is told when the number is not one, and turns it off again', async () => {
    const wrong = await asModerator.submit(chat, { slowModeSeconds: 'ten' }, '?/slowMode');
    expect(wrong.status).toBe(400);
    expect(mainText(wrong.text)).toContain('Enter a whole number of seconds from 0 (off) to 3600.');
    expect(wrong.text).toMatch(/aria-describedby="slowModeSeconds-hint slowModeSeconds-error"/);
    expect(wrong.text).toContain('value="ten"');

    const on = await asModerator.submit(chat, { slowModeSeconds: '30' }, '?/slowMode');
    expect(on.status).toBe(303);
    expect(on.location).toBe(`${chat}?notice=slowMode#slow-mode`);
    const shown = mainText((await asModerator.get(on.location!)).text);
    expect(shown).toContain('Slow mode was set.');
    expect(shown).toContain('Slow mode is on: one message every 30 seconds per participant.');
    expect(shown).toContain('Mo Moderator');
    expect(shown).toContain('0 → 30 seconds');

    expect((await asModerator.submit(chat, { slowModeSeconds: '30' }, '?/slowMode')).location).toBe(
      `${chat}?notice=unchanged#slow-mode`
    );
    expect((await asModerator.submit(chat, { slowModeSeconds: '0' }, '?/slowMode')).status).toBe(303);
    expect(mainText((await asModerator.get(chat)).text)).toContain('Slow mode is off.');
  });

  it('says a message that is not in the session cannot be deleted or its author muted', async () => {
    const deleted = await asModerator.submit(chat, { message: '424242' }, '?/deleteMessage');
    expect(deleted.status).toBe(404);
    expect(mainText(deleted.text)).toContain('That message is not in this session.');
    const muted = await asModerator.submit(chat, { message: 'not-a-number' }, '?/muteAuthor');
    expect(muted.status).toBe(404);
    const unmuted = await asModerator.submit(chat, { participant: 'p:nobody' }, '?/unmute');
    expect(unmuted.status).toBe(303);
    expect(unmuted.location).toBe(`${chat}?notice=unchanged#muted`);
  });

  it('keeps the word filter: one entry per line, duplicates once, too-long words refused with their line', async () => {
    const tooLong = await asModerator.submit(wordFilter, { words: `darn\n${'x'.repeat(61)}`, version: '0' }, '?/save');
    expect(tooLong.status).toBe(400);
    expect(mainText(tooLong.text)).toContain('Line 2 is longer than 60 characters.');

    const saved = await asModerator.submit(wordFilter, { words: 'darn\n\nDARN\n바보\n', version: '0' }, '?/save');
    expect(saved.status).toBe(303);
    const page = await asModerator.get(saved.location!);
    const text = mainText(page.text);
    expect(text).toContain('The word list was saved.');
    expect(text).toContain('2 entries in the list.');
    expect(page.text).toMatch(/<textarea[^>]*>darn\n바보<\/textarea>/);
    expect(text).toContain('Word filter: 2 added, 0 removed');
  });

  it('is shown the other person’s list when someone saved the word filter first', async () => {
    const page = await asModerator.get(wordFilter);
    const version = /name="version" value="(\d+)"/.exec(page.text)![1]!;
    expect((await asAdmin.submit(wordFilter, { words: 'heck', version }, '?/save')).status).toBe(303);
    const stale = await asModerator.post(`${wordFilter}?/save`, {
      csrf: csrfOf(page.text),
      words: 'darn\nblast',
      version
    });
    expect(stale.status).toBe(409);
    expect(mainText(stale.text)).toContain('Someone else saved the word list since you opened it.');
    expect(stale.text).toMatch(/<textarea[^>]*>heck<\/textarea>/);
    expect(stale.text).toContain(`name="version" value="${Number(version) + 1}"`);
  });
});
