/**
 * Story: during the talk concert a moderator opens a poll and citizens answer
 * it on the session page. Without JavaScript the poll is a plain form (POST,
 * redirect, the latest state on reload) with the reader's answer pre-checked;
 * answering again replaces the answer. With JavaScript a poll opening, closing
 * or getting answers shows up on other readers' pages without a reload. The
 * results are bars and a table that axe finds nothing wrong with, a keyboard
 * alone answers, what moderators type is shown literally, and answering too
 * fast says when to try again.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser } from './support/browser.js';
import { ConsoleClient, mainText } from './support/consoleClient.js';
import { startsItsOwnServer, startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
let server: TestServer;
let browser: Browser;
let asAdmin: ConsoleClient;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ MADANG_TEST_UNLIMITED: '1' }), launchBrowser()]);
  asAdmin = new ConsoleClient(server.url);
  const created = await asAdmin.submit(server.setupPath!, {
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    password
  });
  expect(created.location).toBe('/console');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const pollsOf = (session: string) => `/console/editions/seoul-2020/sessions/${session}/polls`;

function pollForm(question: string, options: string[], extra: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {
    'question.ko': question,
    'question.en': question,
    kind: 'single',
    maxChoices: ''
  };
  options.forEach((option, i) => {
    fields[`option${i + 1}.ko`] = option;
    fields[`option${i + 1}.en`] = option;
  });
  return { ...fields, ...extra };
}

/** Creates a poll in the console and opens it; returns its id. */
async function openPoll(
  session: string,
  question: string,
  options: string[],
  extra: Record<string, string> = {}
): Promise<string> {
  const created = await asAdmin.submit(pollsOf(session), pollForm(question, options, extra), '?/create');
  expect(created.status, mainText(created.text)).toBe(303);
  const id = created.location!.split('#poll-')[1]!;
  expect((await asAdmin.submit(pollsOf(session), { poll: id, version: '1' }, '?/open')).status).toBe(303);
  return id;
}

async function closePoll(session: string, id: string): Promise<void> {
  const page = (await asAdmin.get(pollsOf(session))).text;
  const version = /name="version" value="(\d+)"/.exec(page.slice(page.indexOf(`name="poll" value="${id}"`)))![1]!;
  expect((await asAdmin.submit(pollsOf(session), { poll: id, version }, '?/close')).status).toBe(303);
}

async function reader(options: { javaScript?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, locale: 'en-GB' });
  return { context, page: await context.newPage() };
}

const panelText = (page: Page) => page.locator('#panel-poll').innerText();

describe('answering a poll without JavaScript', () => {
  const session = '/seoul-2020/sessions/d1-talk-concert';

  test('the form posts, redirects to the panel, and the reload shows the answer counted and pre-checked; answering again replaces it', async () => {
    const { context, page } = await reader({ javaScript: false });
    await page.goto(`${server.url}${session}?lang=en`);
    expect(await panelText(page)).toContain('No poll is open right now.');
    expect((await context.cookies()).map((c) => c.name)).not.toContain('madang_participant');

    await openPoll('d1-talk-concert', 'Which city should host next year?', ['Seoul', 'Helsinki', 'The Hague']);
    await page.reload();
    expect(await page.locator('#panel-poll legend').innerText()).toBe('Which city should host next year?');
    expect(await panelText(page)).toContain('Results are shown once you answer.');

    await page.check('#panel-poll input[value="opt-2"]');
    await Promise.all([page.waitForURL(/\?poll=answered#panel-poll$/), page.click('#panel-poll button[type=submit]')]);
    expect(await panelText(page)).toContain('Thank you: your answer was sent.');
    expect(await panelText(page)).toContain('Your answer is counted.');
    expect(await page.isChecked('#panel-poll input[value="opt-2"]')).toBe(true);
    expect(await panelText(page)).toContain('1 participant answered');
    expect(await page.locator('#panel-poll table tbody tr').allInnerTexts()).toEqual([
      'Seoul\t0\t0 %',
      'Helsinki\t1\t100 %',
      'The Hague\t0\t0 %'
    ]);
    expect(await page.locator('#panel-poll button[type=submit]').innerText()).toBe('Change my answer');

    await page.check('#panel-poll input[value="opt-3"]');
    await Promise.all([page.waitForURL(/\?poll=answered#panel-poll$/), page.click('#panel-poll button[type=submit]')]);
    expect(await panelText(page)).toContain('1 participant answered');
    expect(await page.locator('#panel-poll table tbody tr').allInnerTexts()).toEqual([
      'Seoul\t0\t0 %',
      'Helsinki\t0\t0 %',
      'The Hague\t1\t100 %'
    ]);
    await context.close();
  });

  test('sending without a choice, or to a closed poll, says why beside the form, and counts nothing', async () => {
    const id = await openPoll('d1-talk-concert', 'Was the sound clear?', ['Yes', 'No']);
    const { context, page } = await reader({ javaScript: false });
    await page.goto(`${server.url}${session}?lang=en`);
    await Promise.all([
      page.waitForURL(/poll-error=poll\.no_choice#panel-poll$/),
      page.click('#panel-poll button[type=submit]')
    ]);
    expect(await page.locator('#poll-error').innerText()).toBe('Choose an answer before sending.');
    expect(await page.getAttribute('#panel-poll fieldset', 'aria-describedby')).toBe('poll-hint poll-error');

    await page.check('#panel-poll input[value="opt-1"]');
    await closePoll('d1-talk-concert', id);
    await Promise.all([
      page.waitForURL(/poll-error=poll\.closed#panel-poll$/),
      page.click('#panel-poll button[type=submit]')
    ]);
    const text = await panelText(page);
    expect(text).toContain('This poll is closed, so answers are no longer taken. Its results are shown.');
    // Closed: everyone sees the results, and the answer that came too late is not among them.
    expect(text).toContain('0 participants answered');
    expect(await page.locator('#panel-poll form').count()).toBe(0);
    await context.close();
  });
});

describe('a poll with JavaScript', () => {
  const session = '/seoul-2020/sessions/d2-talk-concert';

  test('opens, fills up and closes on other readers’ pages without a reload', async () => {
    const [alice, bob] = [await reader(), await reader()];
    for (const { page } of [alice, bob]) {
      await page.goto(`${server.url}${session}?lang=en`);
      await page.waitForFunction(() => /\d/.test(document.querySelector('[data-live-viewers]')?.textContent ?? ''));
    }
    const id = await openPoll('d2-talk-concert', 'Which topics next?', ['Mobility', 'Housing', 'Data'], {
      kind: 'multiple',
      maxChoices: '2'
    });
    await alice.page.waitForSelector('#panel-poll legend', { timeout: 20_000 });
    await bob.page.waitForSelector('#panel-poll legend', { timeout: 20_000 });
    expect(await alice.page.locator('#panel-poll').innerText()).toContain('Choose up to 2 answers.');

    // Bob chooses before Alice answers; her answer refreshes his panel, and his unsent choice survives it.
    await bob.page.check('#panel-poll input[value="opt-3"]');
    await bob.page.evaluate(
      () => ((document.querySelector('#panel-poll form') as HTMLFormElement & { stale?: boolean }).stale = true)
    );
    await alice.page.check('#panel-poll input[value="opt-1"]');
    await alice.page.check('#panel-poll input[value="opt-3"]');
    await alice.page.click('#panel-poll button[type=submit]');
    await alice.page.waitForFunction(
      () => document.querySelector('#panel-poll table caption')?.textContent?.includes('1 participant answered'),
      null,
      { timeout: 20_000 }
    );
    expect(alice.page.url()).toBe(`${server.url}${session}?lang=en`);

    await bob.page.waitForFunction(
      () => !(document.querySelector('#panel-poll form') as (HTMLFormElement & { stale?: boolean }) | null)?.stale,
      null,
      { timeout: 20_000 }
    );
    expect(await bob.page.isChecked('#panel-poll input[value="opt-3"]')).toBe(true);
    await bob.page.click('#panel-poll button[type=submit]');
    // Bob's answer reaches Alice's page through the hub.
    await alice.page.waitForFunction(
      () => document.querySelector('#panel-poll table caption')?.textContent?.includes('2 participants answered'),
      null,
      { timeout: 20_000 }
    );
    expect(await alice.page.locator('#panel-poll table tbody tr').allInnerTexts()).toEqual([
      'Mobility\t1\t50 %',
      'Housing\t0\t0 %',
      'Data\t2\t100 %'
    ]);
    expect(await alice.page.locator('#panel-poll').innerText()).toContain('Participants could choose several options');

    // Too many choices: the refusal is shown in the form, nothing changes.
    await bob.page.check('#panel-poll input[value="opt-1"]');
    await bob.page.check('#panel-poll input[value="opt-2"]');
    await bob.page.click('#panel-poll button[type=submit]');
    await bob.page.waitForFunction(
      () => document.querySelector('#poll-error')?.textContent === 'You chose more answers than this poll allows.',
      null,
      { timeout: 20_000 }
    );
    expect(await bob.page.isHidden('#poll-error')).toBe(false);

    await closePoll('d2-talk-concert', id);
    await bob.page.waitForFunction(
      () => document.querySelector('#panel-poll')?.textContent?.includes('This poll is closed.'),
      null,
      { timeout: 20_000 }
    );
    expect(await bob.page.locator('#panel-poll form').count()).toBe(0);
    expect(await bob.page.locator('#panel-poll table caption').innerText()).toContain('2 participants answered');
    expect(await bob.page.locator('#panel-poll [data-live-announce]').getAttribute('data-live-announce')).toBe(
      'The poll is closed; its results are shown.'
    );
    await alice.context.close();
    await bob.context.close();
  });

  test('a poll opened after the page was rendered but before its script ran still shows up', async () => {
    const { context, page } = await reader();
    // The live script is held back until the poll is open: the page must resume from where it was rendered, not from when the script ran.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_app/immutable/live/*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/seoul-2020/sessions/d2-cases?lang=en`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-live-stage][data-live-seq]', { state: 'attached' });
    expect(await panelText(page)).toContain('No poll is open right now.');
    await openPoll('d2-cases', 'Which case should come back next year?', ['Big data', 'Care']);
    release();
    await page.waitForSelector('#panel-poll legend', { timeout: 20_000 });
    expect(await page.locator('#panel-poll legend').innerText()).toBe('Which case should come back next year?');
    await context.close();
  });

  test('a keyboard alone answers, and axe finds nothing on the open poll, its results, or the closed poll', async () => {
    const id = await openPoll('d2-keynote', 'How did you join today?', ['Online', 'In the studio']);
    const { context, page } = await reader();
    await page.goto(`${server.url}/seoul-2020/sessions/d2-keynote?lang=en`);
    expect(await axeViolations(page)).toEqual([]);
    await page.focus('#panel-poll');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('opt-1');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#panel-poll input[value="opt-2"]')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send my answer');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('#panel-poll table caption')?.textContent?.includes('1 participant answered'),
      null,
      { timeout: 20_000 }
    );
    expect(await page.locator('#panel-poll ul[aria-label] li').allInnerTexts()).toEqual([
      'Online\n0 % · 0 votes',
      'In the studio\n100 % · 1 vote'
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await closePoll('d2-keynote', id);
    await page.reload();
    expect(await axeViolations(page)).toEqual([]);
    for (const scheme of ['dark', 'light'] as const) {
      const ko = await browser.newContext({ colorScheme: scheme });
      const korean = await ko.newPage();
      await korean.goto(`${server.url}/seoul-2020/sessions/d2-keynote?lang=ko`);
      expect(await korean.locator('#panel-poll').innerText()).toContain('마감된 투표입니다.');
      expect(await axeViolations(korean)).toEqual([]);
      await ko.close();
    }
    await context.close();
  });

  test('shows what moderators type literally, on the public panel and on the moderation page, and runs none of it', async () => {
    const payloads = [
      '<img src=x onerror=window.__xss=1>',
      '"><script>window.__xss=1</script>',
      'javascript:window.__xss=1',
      '{@html "<b>bold</b>"}'
    ];
    await openPoll('d1-cases', payloads[0]!, payloads.slice(1));
    const { context, page } = await reader();
    await page.goto(`${server.url}/seoul-2020/sessions/d1-cases?lang=en`);
    expect(await page.locator('#panel-poll legend').innerText()).toBe(payloads[0]);
    expect(await page.locator('#panel-poll label').allInnerTexts()).toEqual(payloads.slice(1));
    await page.check('#panel-poll input[value="opt-1"]');
    await page.click('#panel-poll button[type=submit]');
    await page.waitForSelector('#panel-poll table');
    expect(await page.locator('#panel-poll table tbody th').allInnerTexts()).toEqual(payloads.slice(1));
    expect(await page.locator('#panel-poll a').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await context.addCookies([
      { name: 'madang_session', value: asAdmin.cookies.get('madang_session')!, url: server.url }
    ]);
    const moderation = await context.newPage();
    await moderation.goto(`${server.url}${pollsOf('d1-cases')}?lang=en`);
    expect(await moderation.locator('main h3').first().innerText()).toBe(payloads[0]);
    expect(await moderation.locator('main table tbody th').allInnerTexts()).toEqual(
      expect.arrayContaining(payloads.slice(1))
    );
    expect(await moderation.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await context.close();
  });
});

describe('answering too fast', () => {
  test(
    'after 30 answers in a minute a participant is told when to try again, with and without JavaScript',
    async () => {
      const limited = await startTestServer({});
      try {
        const admin = new ConsoleClient(limited.url);
        await admin.submit(limited.setupPath!, { email: 'admin@example.org', displayName: 'Ada Admin', password });
        const created = await admin.submit(pollsOf('d1-talk-concert'), pollForm('Fast?', ['Yes', 'No']), '?/create');
        const id = created.location!.split('#poll-')[1]!;
        await admin.submit(pollsOf('d1-talk-concert'), { poll: id, version: '1' }, '?/open');

        const citizen = new ConsoleClient(limited.url);
        const session = '/seoul-2020/sessions/d1-talk-concert';
        for (let i = 0; i < 30; i++) {
          // The 30th and last answer that gets through is "Yes" (opt-1).
          const answered = await citizen.post(`${session}?/answerPoll`, {
            pollId: id,
            optionIds: i % 2 ? 'opt-1' : 'opt-2'
          });
          expect(answered.location).toBe(`${session}?poll=answered#panel-poll`);
        }
        const refused = await citizen.post(`${session}?/answerPoll`, { pollId: id, optionIds: 'opt-1' });
        expect(refused.location).toMatch(/\?poll-error=participation\.too_fast&retry=\d+#panel-poll$/);
        const shown = await citizen.get(refused.location!.split('#')[0]!);
        expect(mainText(shown.text)).toMatch(/You are sending too fast; try again in \d+ seconds?\./);

        const { context, page } = await reader();
        await context.addCookies([
          { name: 'madang_participant', value: citizen.cookies.get('madang_participant')!, url: limited.url }
        ]);
        await page.goto(`${limited.url}${session}?lang=en`);
        expect(await page.isChecked('#panel-poll input[value="opt-1"]')).toBe(true);
        await page.check('#panel-poll input[value="opt-2"]');
        await page.click('#panel-poll button[type=submit]');
        await page.waitForFunction(
          () =>
            /You are sending too fast; try again in \d+ seconds?\./.test(
              document.querySelector('#poll-error')?.textContent ?? ''
            ),
          null,
          { timeout: 20_000 }
        );
        await page.reload();
        // Still the last answer that got through: one ballot, unchanged.
        expect(await page.isChecked('#panel-poll input[value="opt-1"]')).toBe(true);
        expect(await page.locator('#panel-poll table caption').innerText()).toContain('1 participant answered');
        await context.close();
      } finally {
        await limited.stop();
      }
    },
    startsItsOwnServer
  );
});
