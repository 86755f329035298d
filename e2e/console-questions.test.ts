/**
 * Story: a moderator of Seoul 2020 runs the Q&A of the talk concert from the
 * console, over plain HTTP (a browser without JavaScript). With
 * pre-moderation on, a citizen's question waits (and its asker is told so)
 * until the moderator approves it; duplicates are merged without counting a
 * voter twice; the question being answered is pinned first and marked
 * answered; hidden and merged questions are shown nowhere publicly; and a
 * moderator acting on a stale page is told, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../src/lib/server/mail/testing/smtpCapture.js';
import { ConsoleClient, consoleLinkIn, csrfOf, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const sessionPath = '/seoul-2020/sessions/d2-talk-concert';
const moderationPath = '/console/editions/seoul-2020/sessions/d2-talk-concert/questions';

let server: TestServer;
let smtp: SmtpCapture;
let moderator: ConsoleClient;
const client = () => new ConsoleClient(server.url);

beforeAll(async () => {
  smtp = await startSmtpCapture();
  server = await startTestServer({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Seoul Forum <forum@example.org>',
    MADANG_TEST_UNLIMITED: '1'
  });
  const admin = client();
  await admin.submit(server.setupPath!, { email: 'admin@example.org', displayName: 'Ada Admin', password });
  const invited = await admin.submit(
    '/console/people',
    { email: 'mod@example.org', role: 'moderator', edition: 'seoul-2020', mailLocale: 'en' },
    '?/invite'
  );
  expect(invited.status).toBe(303);
  moderator = client();
  const accepted = await moderator.submit(consoleLinkIn(await smtp.next('mod@example.org')), {
    displayName: 'Mo Moderator',
    password
  });
  expect(accepted.status).toBe(303);
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

/** A citizen with their own participant cookie, posting the panel's plain forms. */
class Citizen {
  #http: ConsoleClient | null = null;
  get http(): ConsoleClient {
    return (this.#http ??= client());
  }
  async ask(text: string, displayName = '') {
    const page = await this.http.get(sessionPath);
    const key = /name="idempotencyKey" value="([0-9a-f-]{36})"/.exec(page.text)![1]!;
    return this.http.post(`${sessionPath}?/askQuestion`, { text, displayName, idempotencyKey: key });
  }
  async vote(questionId: string, intent: 'up' | 'withdraw' = 'up') {
    return this.http.post(`${sessionPath}?/upvoteQuestion`, { questionId, intent });
  }
  async panel(): Promise<string> {
    return mainText((await this.http.get(`${sessionPath}?lang=en`)).text);
  }
}

/** The questions on the moderation page: id, version, the question itself and the whole item's text. */
async function moderationList(): Promise<{ id: string; version: string; question: string; text: string }[]> {
  const html = (await moderator.get(moderationPath)).text;
  return [...html.matchAll(/<li id="question-([0-9a-f-]{36})"[\s\S]*?<\/li>/g)].map((m) => ({
    id: m[1]!,
    version: /name="version" value="(\d+)"/.exec(m[0])?.[1] ?? '',
    question: mainText(/<p class="text[^"]*">([\s\S]*?)<\/p>/.exec(m[0])?.[1] ?? ''),
    text: mainText(m[0])
  }));
}

async function find(text: string) {
  const found = (await moderationList()).find((q) => q.question.includes(text));
  if (!found) throw new Error(`no question "${text}" on the moderation page`);
  return found;
}

async function moderate(text: string, change: string) {
  const question = await find(text);
  const csrf = csrfOf((await moderator.get(moderationPath)).text);
  return moderator.post(`${moderationPath}?/moderate`, {
    csrf,
    question: question.id,
    version: question.version,
    change
  });
}

describe('a moderator running the Q&A of a session', () => {
  const jiwoo = new Citizen();
  const minsu = new Citizen();
  const hana = new Citizen();

  it('holds questions while pre-moderation is on; the asker is told, others do not see it until it is approved', async () => {
    const page = await moderator.get(moderationPath);
    expect(page.status).toBe(200);
    expect(mainText(page.text)).toContain('Pre-moderation is off');
    const version = /action="\?\/premoderation"[\s\S]*?name="version" value="(\d+)"/.exec(page.text)![1]!;
    const switched = await moderator.post(`${moderationPath}?/premoderation`, {
      csrf: csrfOf(page.text),
      version,
      premoderated: 'on'
    });
    expect(switched.status).toBe(303);
    expect(switched.location).toContain('notice=premoderationOn');

    const asked = await jiwoo.ask('Which districts get the new sensors first?', 'Jiwoo');
    expect(asked.status).toBe(303);
    expect(asked.location).toContain('questionNotice=askedPending');
    const own = await jiwoo.panel();
    expect(own).toContain('Which districts get the new sensors first?');
    expect(own).toContain('Your question is waiting for a moderator.');
    expect(await minsu.panel()).not.toContain('new sensors first');
    expect(mainText((await moderator.get(moderationPath)).text)).toMatch(/Waiting for a moderator \(1\)/);

    const approved = await moderate('new sensors first', 'approve');
    expect(approved.status).toBe(303);
    expect(approved.location).toContain('notice=approve');
    expect(await minsu.panel()).toContain('Which districts get the new sensors first?');
    expect(await jiwoo.panel()).not.toContain('waiting for a moderator');
  });

  it('merges a duplicate: its voters count once on the question kept, and it is shown nowhere publicly', async () => {
    await hana.ask('Where do the sensors go first?');
    await moderate('Where do the sensors go first?', 'approve');
    const keep = await find('new sensors first');
    const duplicate = await find('Where do the sensors go first?');
    for (const [who, id] of [
      [minsu, keep.id],
      [hana, keep.id],
      [hana, duplicate.id],
      [jiwoo, duplicate.id]
    ] as const) {
      expect((await who.vote(id)).status).toBe(303);
    }
    const page = await moderator.get(moderationPath);
    const merged = await moderator.post(`${moderationPath}?/merge`, {
      csrf: csrfOf(page.text),
      question: duplicate.id,
      version: duplicate.version,
      keep: keep.id
    });
    expect(merged.status).toBe(303);
    const after = await find('new sensors first');
    expect(after.text).toContain('3 votes');
    expect((await find('Where do the sensors go first?')).text).toContain(
      'Merged into: Which districts get the new sensors first?'
    );
    const publicPanel = await minsu.panel();
    expect(publicPanel).not.toContain('Where do the sensors go first?');
    expect(publicPanel).toContain('3 votes');
    expect((await minsu.vote(duplicate.id)).status).toBe(409);
  });

  it('pins the question being answered first and marks it answered', async () => {
    await minsu.ask('Is the data open to researchers?');
    await moderate('Is the data open to researchers?', 'approve');
    expect((await moderate('Is the data open to researchers?', 'pin')).status).toBe(303);
    expect((await moderate('Is the data open to researchers?', 'answer')).status).toBe(303);
    const panel = await hana.panel();
    const first = panel.indexOf('Question 1 of');
    expect(panel.slice(first, first + 120)).toContain('Is the data open to researchers?');
    expect(panel).toMatch(/Is the data open to researchers\?\s*Anonymous\s*Pinned\s*Answered/);
  });

  it('hides and shows again; a stale form is refused with the question as it is now', async () => {
    const stale = await find('Is the data open to researchers?');
    expect((await moderate('Is the data open to researchers?', 'hide')).status).toBe(303);
    expect(await hana.panel()).not.toContain('Is the data open to researchers?');
    const csrf = csrfOf((await moderator.get(moderationPath)).text);
    const refused = await moderator.post(`${moderationPath}?/moderate`, {
      csrf,
      question: stale.id,
      version: stale.version,
      change: 'unanswer'
    });
    expect(refused.status).toBe(409);
    expect(mainText(refused.text)).toContain('Another moderator changed this question while you were looking at it.');
    expect(mainText(refused.text)).toContain('It is now: hidden.');
    expect((await moderate('Is the data open to researchers?', 'unhide')).status).toBe(303);
    expect(await hana.panel()).toContain('Is the data open to researchers?');
    expect((await moderate('Is the data open to researchers?', 'approve')).status).toBe(409);
  });

  it('keeps a moderation history: who did what to which question', async () => {
    const page = mainText((await moderator.get(moderationPath)).text);
    const history = page.slice(page.indexOf('Moderation history'));
    expect(history).toMatch(/Mo Moderator\s+Question “Is the data open to researchers\?”\s+now shown/);
    expect(history).toMatch(/Question “Is the data open to researchers\?”\s+now hidden/);
    expect(history).toMatch(
      /Question “Where do the sensors go first\?”\s+Merged into: Which districts get the new sensors first\?/
    );
    expect(history).toMatch(/Question “Is the data open to researchers\?”\s+pinned/);
    expect(history).toMatch(/Pre-moderation\s+turned on/);
  });
});
