/**
 * Story: a moderator of Seoul 2020 runs the polls of the day-1 talk concert
 * from the console over plain HTTP (a browser without JavaScript): drafts a
 * poll in Korean and English, fixes what the form says is wrong, edits the
 * draft, opens it, opens a second one (which closes the first), reopens,
 * deletes a draft, and reads who did what. A stale form, a forged form, an
 * opened poll that someone tries to edit or delete, a speaker and an
 * anonymous visitor all get a clear 4xx, and nothing changes. What a
 * moderator types is shown as text, never run as markup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../src/lib/server/mail/testing/smtpCapture.js';
import { ConsoleClient, consoleLinkIn, csrfOf, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const polls = '/console/editions/seoul-2020/sessions/d1-talk-concert/polls';

let server: TestServer;
let smtp: SmtpCapture;
let asAdmin: ConsoleClient;
let asModerator: ConsoleClient;
let asSpeaker: ConsoleClient;
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

/** A complete poll form, as the console's own form posts it (ten option slots, most left empty). */
function pollForm(overrides: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {
    'question.ko': '다음 포럼은 어느 도시에서?',
    'question.en': 'Where should the next forum be?',
    kind: 'single',
    maxChoices: ''
  };
  const options = [
    ['서울', 'Seoul'],
    ['헬싱키', 'Helsinki'],
    ['헤이그', 'The Hague']
  ];
  for (let slot = 1; slot <= 10; slot++) {
    fields[`option${slot}.ko`] = options[slot - 1]?.[0] ?? '';
    fields[`option${slot}.en`] = options[slot - 1]?.[1] ?? '';
  }
  return { ...fields, ...overrides };
}

async function createPoll(overrides: Record<string, string> = {}): Promise<string> {
  const created = await asModerator.submit(polls, pollForm(overrides), '?/create');
  expect(created.status, mainText(created.text)).toBe(303);
  const match = /\?notice=created#poll-([a-z0-9-]+)$/.exec(created.location!);
  expect(match).not.toBeNull();
  return match![1]!;
}

/** The version a poll's buttons send. */
function pollVersion(html: string, id: string): string {
  const at = html.indexOf(`name="poll" value="${id}"`);
  expect(at).toBeGreaterThan(-1);
  return /name="version" value="(\d+)"/.exec(html.slice(at))![1]!;
}

/** The text of one poll's entry on the page. */
function pollText(html: string, id: string): string {
  const start = html.indexOf(`<li id="poll-${id}"`);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('</article>', start);
  return mainText(`<main>${html.slice(start, end)}</main>`).replace(/&lt;/g, '<');
}

async function transition(id: string, action: 'open' | 'close') {
  const page = await asModerator.get(polls);
  return asModerator.post(`${polls}?/${action}`, {
    csrf: csrfOf(page.text),
    poll: id,
    version: pollVersion(page.text, id)
  });
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  server = await startTestServer({ SMTP_URL: smtp.url });
  asAdmin = client();
  const created = await asAdmin.submit(server.setupPath!, {
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    password
  });
  expect(created.location).toBe('/console');
  asModerator = await invite('mod@example.org', 'moderator', 'Mo Moderator');
  asSpeaker = await invite('speaker@example.org', 'speaker', 'Sam Speaker');
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

describe('a moderator runs the polls of a session', () => {
  it('finds the poll page from the session’s console page, and starts with none', async () => {
    const sessionPage = await asAdmin.get('/console/editions/seoul-2020/sessions/d1-talk-concert');
    expect(mainText(sessionPage.text)).toMatch(/Live participation .*Polls/);
    expect(sessionPage.text).toContain(`href="${polls}"`);
    const page = await asModerator.get(polls);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const text = mainText(page.text);
    expect(text).toContain('Polls: Part 2 · Smart Citizen Talk Concert');
    expect(text).toContain('No polls yet.');
  });

  it('says what is wrong with a poll beside its fields, keeps what was typed, and stores nothing', async () => {
    const refused = await asModerator.submit(
      polls,
      pollForm({
        'question.ko': '',
        'option2.ko': '',
        'option2.en': '',
        'option3.ko': '',
        'option3.en': 'Only English',
        kind: 'multiple',
        maxChoices: '9'
      }),
      '?/create'
    );
    expect(refused.status).toBe(400);
    const text = mainText(refused.text);
    expect(text).toContain('Enter the question in the edition’s main language.');
    expect(text).toContain(
      'Enter this option in the edition’s main language too, or leave it empty in every language.'
    );
    expect(text).toContain('Enter a number from 2 to the number of options, or leave it empty.');
    expect(refused.text).toContain('<title>Error: ');
    expect(refused.text).toMatch(/id="question-ko"[^>]*aria-invalid="true"[^>]*aria-describedby="question-ko-error"/);
    expect(refused.text).toContain('href="#option3-ko"');
    expect(refused.text).toContain('value="Only English"');
    const tooFew = await asModerator.submit(
      polls,
      pollForm({ 'option2.ko': '', 'option2.en': '', 'option3.ko': '', 'option3.en': '' }),
      '?/create'
    );
    expect(tooFew.status).toBe(400);
    expect(mainText(tooFew.text)).toContain('Give at least 2 options.');
    expect(mainText((await asModerator.get(polls)).text)).toContain('No polls yet.');
  });

  it('creates a draft, edits it, and refuses an edit based on an old version', async () => {
    const id = await createPoll();
    const page = await asModerator.get(`${polls}?notice=created`);
    expect(mainText(page.text)).toContain('The poll was created as a draft.');
    expect(pollText(page.text, id)).toContain(
      'Where should the next forum be? Draft One choice Seoul Helsinki The Hague Results appear once the poll is open.'
    );

    const editPath = `${polls}/${id}`;
    const edit = await asModerator.get(editPath);
    expect(edit.status).toBe(200);
    expect(edit.text).toContain('value="Helsinki"');
    const saved = await asModerator.submit(
      editPath,
      pollForm({ version: '1', kind: 'multiple', maxChoices: '2', 'option4.ko': '부산', 'option4.en': 'Busan' }),
      '?/save'
    );
    expect(saved.status, mainText(saved.text)).toBe(303);
    expect(saved.location).toBe(`${polls}?notice=saved#poll-${id}`);
    expect(pollText((await asModerator.get(polls)).text, id)).toContain(
      'Several choices, up to 2 Seoul Helsinki The Hague Busan'
    );

    const stale = await asModerator.submit(
      editPath,
      pollForm({ version: '1', 'question.en': 'Overwritten?' }),
      '?/save'
    );
    expect(stale.status).toBe(409);
    expect(mainText(stale.text)).toContain(
      'Someone changed this poll after you opened the page, so nothing was changed.'
    );
    expect(stale.text).toContain('value="Busan"');
    expect(mainText((await asModerator.get(polls)).text)).not.toContain('Overwritten?');
  });

  it('opens a poll; opening another closes it; a closed poll can be reopened', async () => {
    const [first, second] = [
      await createPoll({ 'question.en': 'First question' }),
      await createPoll({ 'question.en': 'Second question' })
    ];
    const opened = await transition(first, 'open');
    expect(opened.location).toBe(`${polls}?notice=opened#poll-${first}`);
    let page = (await asModerator.get(polls)).text;
    expect(pollText(page, first)).toMatch(/^First question Open One choice/);
    // No votes yet: every option at 0 %, in the bars and in the table.
    expect(pollText(page, first)).toContain('Seoul 0 % · 0 votes');
    expect(pollText(page, first)).toContain(
      'Results of “First question”: 0 participants answered Option Votes Share of participants Seoul 0 0 %'
    );

    expect((await transition(second, 'open')).location).toBe(`${polls}?notice=opened#poll-${second}`);
    page = (await asModerator.get(polls)).text;
    expect(pollText(page, first)).toMatch(/^First question Closed/);
    expect(pollText(page, second)).toMatch(/^Second question Open/);
    expect(page.match(/class="badge[^"]*\bopen\b/g)).toHaveLength(1);

    expect((await transition(second, 'close')).location).toBe(`${polls}?notice=closed#poll-${second}`);
    expect((await transition(first, 'open')).status).toBe(303);
    page = (await asModerator.get(polls)).text;
    expect(pollText(page, first)).toMatch(/^First question Open/);
    expect(pollText(page, second)).toMatch(/^Second question Closed/);

    const history = mainText(page);
    expect(history).toContain('Mo Moderator Opened: poll “First question” State');
    expect(history).toContain('Mo Moderator Closed: poll “First question” State');
    expect(history).toContain('Mo Moderator Created: poll “Second question”');
    await transition(first, 'close');
  });

  it('refuses to edit or delete a poll that has been opened, and a stale or unknown state change', async () => {
    const id = await createPoll({ 'question.en': 'Opened once' });
    await transition(id, 'open');
    await transition(id, 'close');
    const page = await asModerator.get(polls);
    const csrf = csrfOf(page.text);
    const version = pollVersion(page.text, id);
    const edit = await asModerator.post(`${polls}/${id}?/save`, { csrf, ...pollForm({ version }) });
    expect(edit.status).toBe(409);
    expect(mainText(edit.text)).toContain('Only a draft can be edited or deleted');
    expect(mainText((await asModerator.get(`${polls}/${id}`)).text)).toContain(
      'This poll has been opened, so its question and options stay as they were asked.'
    );
    const remove = await asModerator.post(`${polls}?/delete`, { csrf, poll: id, version, confirm: 'on' });
    expect(remove.status).toBe(409);
    expect(mainText(remove.text)).toContain('Only a draft can be edited or deleted');
    const close = await asModerator.post(`${polls}?/close`, { csrf, poll: id, version });
    expect(close.status).toBe(409);
    expect(mainText(close.text)).toContain('The poll is not in a state that allows this');
    const stale = await asModerator.post(`${polls}?/open`, { csrf, poll: id, version: '1' });
    expect(stale.status).toBe(409);
    expect(mainText(stale.text)).toContain('Someone changed this poll after you opened the page');
    expect((await asModerator.post(`${polls}?/open`, { csrf, poll: id, version: 'x' })).status).toBe(400);
    expect((await asModerator.post(`${polls}?/open`, { csrf, poll: 'no-such-poll', version: '1' })).status).toBe(404);
    expect((await asModerator.get(`${polls}/no-such-poll`)).status).toBe(404);
    expect(pollText((await asModerator.get(polls)).text, id)).toMatch(/^Opened once Closed/);
  });

  it('deletes a draft only once the box is ticked, and keeps it in the history', async () => {
    const id = await createPoll({ 'question.en': 'Short-lived draft' });
    const page = await asModerator.get(polls);
    const fields = { csrf: csrfOf(page.text), poll: id, version: pollVersion(page.text, id) };
    const unconfirmed = await asModerator.post(`${polls}?/delete`, fields);
    expect(unconfirmed.status).toBe(400);
    expect(mainText(unconfirmed.text)).toContain('Tick the box to confirm that the draft should be deleted.');
    const deleted = await asModerator.post(`${polls}?/delete`, { ...fields, confirm: 'on' });
    expect(deleted.location).toBe(`${polls}?notice=deleted`);
    const after = await asModerator.get(polls);
    expect(after.text).not.toContain(`id="poll-${id}"`);
    expect(mainText(after.text)).toContain('Mo Moderator Deleted: poll “Short-lived draft”');
  });

  it('shows what a moderator typed as text, never as markup', async () => {
    const payloads = [
      '<img src=x onerror=window.__xss=1>',
      '"><script>window.__xss=1</script>',
      'javascript:alert(1)',
      '{@html "<b>bold</b>"}'
    ];
    const id = await createPoll({
      'question.en': payloads[0]!,
      'option1.en': payloads[1]!,
      'option2.en': payloads[2]!,
      'option3.en': payloads[3]!
    });
    await transition(id, 'open');
    const page = await asModerator.get(polls);
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).not.toContain('<script>window.__xss');
    expect(page.text).not.toMatch(/href="javascript:/);
    expect(page.text).toContain('&lt;img src=x onerror=window.__xss=1>');
    const text = pollText(page.text, id);
    for (const payload of payloads) expect(text).toContain(payload);
    await transition(id, 'close');
  });
});

describe('who may run polls', () => {
  it('lets an edition admin in, refuses a speaker with 403 and sends an anonymous visitor to sign in', async () => {
    expect((await asAdmin.get(polls)).status).toBe(200);
    const refused = await asSpeaker.get(polls);
    expect(refused.status).toBe(403);
    expect(mainText(refused.text)).toContain('Your account does not have a role that allows this.');
    const anonymous = await client().get(polls);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe(`/console/sign-in?next=${encodeURIComponent(polls)}`);
  });

  it('refuses a form without its CSRF token, and a moderator of another edition’s session that does not exist', async () => {
    const before = mainText((await asModerator.get(polls)).text);
    const forged = await asModerator.post(`${polls}?/create`, pollForm({ 'question.en': 'Forged' }));
    expect(forged.status).toBe(403);
    expect(mainText(forged.text)).toContain('nothing was changed');
    expect(mainText((await asModerator.get(polls)).text)).toBe(before);
    expect((await asModerator.get('/console/editions/seoul-2020/sessions/no-such-session/polls')).status).toBe(404);
  });
});
