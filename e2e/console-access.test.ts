/**
 * The organiser console over plain HTTP, as a browser without JavaScript and
 * an attacker with curl see it: every console page and action refuses
 * anonymous visitors and accounts without the role, every form refuses a
 * missing or forged CSRF token, sessions rotate and end as promised, and
 * bad input gets a clear 4xx, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../src/lib/server/mail/testing/smtpCapture.js';
import { ConsoleClient, consoleLinkIn, csrfOf, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const admin = { email: 'admin@example.org', displayName: 'Ada Admin' };

let server: TestServer;
let smtp: SmtpCapture;
let asAdmin: ConsoleClient;
let asSpeaker: ConsoleClient;
const client = (headers?: Record<string, string>) => new ConsoleClient(server.url, headers);

/** Invites `email` as `role` on the demo edition and accepts as a new account; returns that account's client. */
async function inviteAndAccept(email: string, role: string, displayName: string): Promise<ConsoleClient> {
  const invited = await asAdmin.submit(
    '/console/people',
    { email, role, edition: 'seoul-2020', mailLocale: 'en' },
    '?/invite'
  );
  expect(invited.status, mainText(invited.text)).toBe(303);
  const link = consoleLinkIn(await smtp.next(email));
  const invitee = client();
  const accepted = await invitee.submit(link, { displayName, password });
  expect(accepted.location).toBe('/console?notice=invitation-accepted');
  return invitee;
}

async function signIn(who: ConsoleClient, email: string, secret = password, next?: string) {
  return who.submit('/console/sign-in', { email, password: secret, ...(next ? { next } : {}) });
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Seoul Forum <forum@example.org>' });
  expect(server.setupPath).toMatch(/^\/console\/setup\//);
  asAdmin = client();
  const created = await asAdmin.submit(server.setupPath!, { ...admin, password });
  expect(created.location).toBe('/console');
  asSpeaker = await inviteAndAccept('speaker@example.org', 'speaker', 'Sam Speaker');
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

describe('the first administrator', () => {
  it('is created once through the printed link, which then stops working', async () => {
    const again = await client().get(server.setupPath!);
    expect(again.status).toBe(410);
    expect(mainText(again.text)).toContain('This setup link has already been used.');
    const dashboard = await asAdmin.get('/console');
    expect(dashboard.status).toBe(200);
    expect(mainText(dashboard.text)).toContain('Welcome, Ada Admin');
  });

  it('refuses a setup link that was tampered with', async () => {
    const forged = server.setupPath!.replace(/\.(\d+)\./, (_m, s: string) => `.${Number(s) + 86_400}.`);
    const page = await client().get(forged);
    expect(page.status).toBe(404);
    expect(mainText(page.text)).toContain('This setup link is not valid.');
  });
});

/** The edition and day actions, with plausible fields: anonymous visitors and speakers must change nothing with them. */
const editionActions: [string, Record<string, string>][] = [
  [
    '/console/editions/new?/create',
    {
      slug: 'mallory-2021',
      'title.en': 'Mallory',
      hostZone: 'UTC',
      locales: 'en',
      defaultLocale: 'en',
      startsOn: '2021-01-01',
      endsOn: '2021-01-02'
    }
  ],
  [
    '/console/editions/seoul-2020/settings?/save',
    { version: '1', slug: 'seoul-2020', 'title.ko': 'x', hostZone: 'UTC', locales: 'ko', defaultLocale: 'ko' }
  ],
  ['/console/editions/seoul-2020/settings?/publish', { version: '1' }],
  ['/console/editions/seoul-2020/settings?/unpublish', { version: '1' }],
  ['/console/editions/seoul-2020/settings?/delete', { version: '1', confirm: 'on' }],
  ['/console/editions/seoul-2020/days?/addDay', { date: '2020-09-22', 'title.ko': '하루' }],
  [
    '/console/editions/seoul-2020/days?/saveDay',
    { day: 'day-1', version: '1', date: '2020-09-22', 'title.ko': '하루' }
  ],
  ['/console/editions/seoul-2020/days?/deleteDay', { day: 'day-1', version: '1' }],
  ['/console/editions/seoul-2020/days?/restoreDay', { day: 'day-1', version: '1' }],
  ['/console/editions/seoul-2020/days?/moveDay', { day: 'day-1', direction: 'down' }],
  ['/console?/restoreEdition', { edition: 'seoul-2020', version: '1' }]
];

describe('every console page and action refuses anonymous visitors', () => {
  const pages = [
    '/console',
    '/console/account',
    '/console/people',
    '/console/sign-out',
    '/console/import',
    '/console/editions/seoul-2020/export.json',
    '/console/editions/new',
    '/console/editions/seoul-2020/settings',
    '/console/editions/seoul-2020/days'
  ];
  it.each(pages)('GET %s sends an anonymous visitor to sign in, and back afterwards', async (path) => {
    const page = await client().get(path);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/console/sign-in?next=${encodeURIComponent(path)}`);
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  const actions: [string, Record<string, string>][] = [
    ['/console/account?/changePassword', { currentPassword: password, newPassword: 'a hijacked passphrase' }],
    ['/console/account?/signOutEverywhere', {}],
    [
      '/console/people?/invite',
      { email: 'mallory@example.org', role: 'admin', edition: 'seoul-2020', mailLocale: 'en' }
    ],
    ['/console/people?/revoke', { grant: '00000000-0000-4000-8000-000000000000' }],
    ['/console/sign-out', {}],
    ['/console/import', { slug: 'anonymous-copy' }],
    ...editionActions
  ];
  it.each(actions)('POST %s from an anonymous visitor changes nothing and is sent to sign in', async (path, fields) => {
    const visitor = client();
    const csrf = csrfOf((await visitor.get('/console/sign-in')).text);
    const response = await visitor.post(path, { csrf, ...fields });
    expect(response.status).toBe(303);
    expect(response.location).toMatch(/^\/console\/sign-in\?next=/);
  });

  const publicForms = [
    '/console/sign-in',
    '/console/password-reset',
    '/console/invitations/00000000-0000-4000-8000-000000000000.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    '/console/password-reset/00000000-0000-4000-8000-000000000000.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
  ];
  it.each(publicForms)('POST %s without a CSRF token is refused with 403', async (path) => {
    const response = await client().post(path, { email: admin.email, password, displayName: 'X' });
    expect(response.status).toBe(403);
    expect(mainText(response.text)).toContain('This form has expired or did not come from this site');
  });
});

describe('the speaker pages of an edition', () => {
  const base = '/console/editions/seoul-2020/speakers';
  const pages = [base, `${base}/new`, `${base}/sokwoo-rhee`];
  const actions: [string, Record<string, string>][] = [
    [`${base}/new?/create`, { 'name.ko': '침입자', presence: 'on_site' }],
    [`${base}/sokwoo-rhee?/save`, { 'name.ko': '침입자', presence: 'on_site', version: '1' }],
    [`${base}/sokwoo-rhee?/removePhoto`, { version: '1' }],
    [`${base}/sokwoo-rhee?/delete`, { version: '1', confirm: 'on' }],
    [`${base}?/restore`, { speaker: 'sokwoo-rhee', version: '1' }]
  ];

  it.each(pages)(
    'GET %s sends an anonymous visitor to sign in, and refuses an account without a programme role with 403',
    async (path) => {
      const page = await client().get(path);
      expect(page.status).toBe(303);
      expect(page.location).toBe(`/console/sign-in?next=${encodeURIComponent(path)}`);
      const refused = await asSpeaker.get(path);
      expect(refused.status).toBe(403);
      expect(mainText(refused.text)).toContain('Your account does not have a role that allows this.');
    }
  );

  it.each(actions)(
    'POST %s is sent to sign in when anonymous, and refused with 403 without the role, changing nothing',
    async (path, fields) => {
      const visitor = client();
      const visitorToken = csrfOf((await visitor.get('/console/sign-in')).text);
      const anonymous = await visitor.post(path, { csrf: visitorToken, ...fields });
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toMatch(/^\/console\/sign-in\?next=/);
      const csrf = csrfOf((await asSpeaker.get('/console')).text);
      expect((await asSpeaker.post(path, { csrf, ...fields })).status).toBe(403);
      const keynote = await asAdmin.get(`${base}/sokwoo-rhee`);
      expect(keynote.status).toBe(200);
      expect(mainText(keynote.text)).toContain('Edit speaker: Sokwoo Rhee');
      expect(mainText(keynote.text)).toContain('No changes recorded yet.');
    }
  );

  it('refuses a photo upload from an anonymous visitor and from an account without the role', async () => {
    const post = async (who: ConsoleClient, csrf: string) => {
      const body = new FormData();
      body.append('csrf', csrf);
      body.append('version', '1');
      body.append('photo', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' }), 'me.jpg');
      const cookie = [...who.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
      return fetch(`${server.url}${base}/sokwoo-rhee?/photo`, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: { accept: 'text/html', origin: who.origin, ...(cookie ? { cookie } : {}) }
      });
    };
    const anonymous = await post(client(), '');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/\/console\/sign-in\?next=/);
    expect((await post(asSpeaker, csrfOf((await asSpeaker.get('/console')).text))).status).toBe(403);
    expect((await asAdmin.get(`${base}/sokwoo-rhee`)).text).not.toContain('/media/photos/');
  });
});

describe('the Q&A moderation page of a session', () => {
  const path = '/console/editions/seoul-2020/sessions/d2-talk-concert/questions';
  const someQuestion = '00000000-0000-4000-8000-000000000000';
  const actions: [string, Record<string, string>][] = [
    [`${path}?/moderate`, { question: someQuestion, version: '1', change: 'hide' }],
    [`${path}?/merge`, { question: someQuestion, version: '1', keep: '00000000-0000-4000-8000-000000000001' }],
    [`${path}?/premoderation`, { version: '1', premoderated: 'on' }]
  ];

  it('sends an anonymous visitor to sign in, refuses an account without a moderation role with 403, and opens for the admin', async () => {
    const page = await client().get(path);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/console/sign-in?next=${encodeURIComponent(path)}`);
    const refused = await asSpeaker.get(path);
    expect(refused.status).toBe(403);
    expect(mainText(refused.text)).toContain('Your account does not have a role that allows this.');
    const opened = await asAdmin.get(path);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(mainText(opened.text)).toContain('Pre-moderation is off');
    expect((await asAdmin.get('/console/editions/seoul-2020/sessions/no-such-session/questions')).status).toBe(404);
  });

  it.each(actions)(
    'POST %s is sent to sign in when anonymous, refused with 403 without the role or the CSRF token, changing nothing',
    async (action, fields) => {
      const visitor = client();
      const visitorToken = csrfOf((await visitor.get('/console/sign-in')).text);
      const anonymous = await visitor.post(action, { csrf: visitorToken, ...fields });
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toMatch(/^\/console\/sign-in\?next=/);
      const csrf = csrfOf((await asSpeaker.get('/console')).text);
      expect((await asSpeaker.post(action, { csrf, ...fields })).status).toBe(403);
      expect((await asAdmin.post(action, fields)).status).toBe(403);
      expect(mainText((await asAdmin.get(path)).text)).toContain('Pre-moderation is off');
    }
  );

  it('answers a tampered form with a clear 4xx, never a 500', async () => {
    const csrf = csrfOf((await asAdmin.get(path)).text);
    expect(
      (await asAdmin.post(`${path}?/moderate`, { csrf, question: someQuestion, version: 'x', change: 'hide' })).status
    ).toBe(400);
    expect(
      (await asAdmin.post(`${path}?/moderate`, { csrf, question: someQuestion, version: '1', change: 'explode' }))
        .status
    ).toBe(400);
    expect(
      (await asAdmin.post(`${path}?/moderate`, { csrf, question: 'not-a-uuid', version: '1', change: 'hide' })).status
    ).toBe(404);
    expect(
      (await asAdmin.post(`${path}?/moderate`, { csrf, question: someQuestion, version: '1', change: 'hide' })).status
    ).toBe(404);
    expect((await asAdmin.post(`${path}?/premoderation`, { csrf, version: '1', premoderated: 'maybe' })).status).toBe(
      400
    );
  });
});

describe('the poll pages of a session', () => {
  const base = '/console/editions/seoul-2020/sessions/d1-talk-concert/polls';
  const actions: [string, Record<string, string>][] = [
    [`${base}?/create`, { 'question.ko': '침입자의 질문', 'option1.ko': '가', 'option2.ko': '나', kind: 'single' }],
    [`${base}?/open`, { poll: 'no-such-poll', version: '1' }],
    [`${base}?/close`, { poll: 'no-such-poll', version: '1' }],
    [`${base}?/delete`, { poll: 'no-such-poll', version: '1', confirm: 'on' }],
    [
      `${base}/no-such-poll?/save`,
      { 'question.ko': '침입자의 질문', 'option1.ko': '가', 'option2.ko': '나', kind: 'single', version: '1' }
    ]
  ];

  it.each([base, `${base}/no-such-poll`])(
    'GET %s sends an anonymous visitor to sign in, and refuses an account without a moderating role with 403',
    async (path) => {
      const page = await client().get(path);
      expect(page.status).toBe(303);
      expect(page.location).toBe(`/console/sign-in?next=${encodeURIComponent(path)}`);
      const refused = await asSpeaker.get(path);
      expect(refused.status).toBe(403);
      expect(mainText(refused.text)).toContain('Your account does not have a role that allows this.');
    }
  );

  it.each(actions)(
    'POST %s is sent to sign in when anonymous, and refused with 403 without the role, changing nothing',
    async (path, fields) => {
      const visitor = client();
      const anonymous = await visitor.post(path, {
        csrf: csrfOf((await visitor.get('/console/sign-in')).text),
        ...fields
      });
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toMatch(/^\/console\/sign-in\?next=/);
      const csrf = csrfOf((await asSpeaker.get('/console')).text);
      expect((await asSpeaker.post(path, { csrf, ...fields })).status).toBe(403);
      expect(mainText((await asAdmin.get(base)).text)).toContain('No polls yet.');
    }
  );
});

describe('the chat moderation pages of an edition', () => {
  const chat = '/console/editions/seoul-2020/sessions/d1-talk-concert/chat';
  const wordFilter = '/console/editions/seoul-2020/word-filter';
  const pages = [chat, wordFilter];
  const actions: [string, Record<string, string>][] = [
    [`${chat}?/deleteMessage`, { message: '1' }],
    [`${chat}?/muteAuthor`, { message: '1' }],
    [`${chat}?/unmute`, { participant: 'p:AAAAAAAAAAAAAAAAAAAAAA' }],
    [`${chat}?/slowMode`, { slowModeSeconds: '600' }],
    [`${wordFilter}?/save`, { words: 'hello', version: '0' }]
  ];

  it.each(pages)(
    'GET %s sends an anonymous visitor to sign in, and refuses an account without a moderation role with 403',
    async (path) => {
      const page = await client().get(path);
      expect(page.status).toBe(303);
      expect(page.location).toBe(`/console/sign-in?next=${encodeURIComponent(path)}`);
      const refused = await asSpeaker.get(path);
      expect(refused.status).toBe(403);
      expect(mainText(refused.text)).toContain('Your account does not have a role that allows this.');
    }
  );

  it.each(actions)(
    'POST %s is sent to sign in when anonymous, refused with 403 without the role or without CSRF, changing nothing',
    async (path, fields) => {
      const visitor = client();
      const visitorToken = csrfOf((await visitor.get('/console/sign-in')).text);
      const anonymous = await visitor.post(path, { csrf: visitorToken, ...fields });
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toMatch(/^\/console\/sign-in\?next=/);
      const csrf = csrfOf((await asSpeaker.get('/console')).text);
      expect((await asSpeaker.post(path, { csrf, ...fields })).status).toBe(403);
      expect((await asAdmin.post(path, fields)).status).toBe(403);
      expect(mainText((await asAdmin.get(chat)).text)).toContain('Slow mode is off.');
      expect((await asAdmin.get(wordFilter)).text).toContain('0 entries in the list.');
    }
  );

  it('answers a session or edition that does not exist with 404', async () => {
    expect((await asAdmin.get('/console/editions/seoul-2020/sessions/no-such-session/chat')).status).toBe(404);
    expect((await asAdmin.get('/console/editions/no-such-edition/word-filter')).status).toBe(404);
  });
});

describe('the outside destinations of a stage (simulcast)', () => {
  const destinations = '/console/editions/seoul-2020/stages/seoul-on/destinations';
  const fields = { name: 'Mallory', url: 'rtmp://mallory.example/live', key: 'stolen-key', enabled: 'on' };
  const actions: [string, Record<string, string>][] = [
    [`${destinations}?/add`, fields],
    [`${destinations}?/update`, { ...fields, destination: 'youtube-000000', version: '1' }],
    [`${destinations}?/enable`, { destination: 'youtube-000000', version: '1', enabled: 'false' }],
    [`${destinations}?/remove`, { destination: 'youtube-000000', version: '1', confirm: 'on' }]
  ];

  it('sends an anonymous visitor to sign in, and refuses an account without the producer role with 403', async () => {
    const page = await client().get(destinations);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/console/sign-in?next=${encodeURIComponent(destinations)}`);
    const refused = await asSpeaker.get(destinations);
    expect(refused.status).toBe(403);
    expect(mainText(refused.text)).toContain('Your account does not have a role that allows this.');
    expect((await asAdmin.get(destinations)).status).toBe(200);
  });

  it.each(actions)(
    'POST %s is sent to sign in when anonymous, refused with 403 without the role or without CSRF, changing nothing',
    async (path, body) => {
      const visitor = client();
      const visitorToken = csrfOf((await visitor.get('/console/sign-in')).text);
      const anonymous = await visitor.post(path, { csrf: visitorToken, ...body });
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toMatch(/^\/console\/sign-in\?next=/);
      const csrf = csrfOf((await asSpeaker.get('/console')).text);
      expect((await asSpeaker.post(path, { csrf, ...body })).status).toBe(403);
      expect((await asAdmin.post(path, body)).status).toBe(403);
      expect(mainText((await asAdmin.get(destinations)).text)).toContain('No outside destinations yet.');
    }
  );

  it('answers a stage or edition that does not exist with 404', async () => {
    expect((await asAdmin.get('/console/editions/seoul-2020/stages/no-such-stage/destinations')).status).toBe(404);
    expect((await asAdmin.get('/console/editions/no-such-edition/stages/seoul-on/destinations')).status).toBe(404);
  });
});

describe('a stage’s broadcast page', () => {
  const stage = '/console/editions/seoul-2020/stages/seoul-on';
  const actions: [string, Record<string, string>][] = [
    [`${stage}?/goLive`, { session: 'd2-keynote' }],
    [`${stage}?/stop`, { session: 'd2-keynote', confirm: 'on' }],
    [`${stage}?/rotate`, { confirm: 'on' }]
  ];

  it('sends an anonymous visitor to sign in, refuses an account without the studio role with 403, and never shows it the key', async () => {
    const page = await client().get(stage);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/console/sign-in?next=${encodeURIComponent(stage)}`);
    const refused = await asSpeaker.get(stage);
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('data-stream-key');
    expect(mainText(refused.text)).toContain('Your account does not have a role that allows this.');
  });

  it.each(actions)(
    'POST %s is sent to sign in when anonymous, refused with 403 without the role or without CSRF, changing nothing',
    async (path, fields) => {
      const key = /data-stream-key[^>]*>([^<]+)</.exec((await asAdmin.get(stage)).text)?.[1];
      const visitor = client();
      const anonymous = await visitor.post(path, {
        csrf: csrfOf((await visitor.get('/console/sign-in')).text),
        ...fields
      });
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toMatch(/^\/console\/sign-in\?next=/);
      expect(
        (await asSpeaker.post(path, { csrf: csrfOf((await asSpeaker.get('/console')).text), ...fields })).status
      ).toBe(403);
      expect((await asAdmin.post(path, fields)).status).toBe(403);
      const after = await asAdmin.get(stage);
      expect(/data-stream-key[^>]*>([^<]+)</.exec(after.text)?.[1]).toBe(key);
      expect(after.text).not.toContain('data-broadcast-state="live"');
    }
  );

  it('answers a stage or edition that does not exist with 404, and a session of no stage with 404', async () => {
    expect((await asAdmin.get('/console/editions/seoul-2020/stages/no-such-stage')).status).toBe(404);
    expect((await asAdmin.get('/console/editions/no-such-edition/stages/seoul-on')).status).toBe(404);
    expect((await asAdmin.submit(stage, { session: 'no-such-session' }, '?/goLive')).status).toBe(404);
  });
});

describe('a speaker-only account', () => {
  it('sees its dashboard and account, with its one role', async () => {
    const dashboard = await asSpeaker.get('/console');
    expect(dashboard.status).toBe(200);
    expect(mainText(dashboard.text)).toContain('Your roles: Speaker');
    expect(dashboard.text).not.toContain('href="/console/people"');
    expect((await asSpeaker.get('/console/account')).status).toBe(200);
  });

  it('gets a 403 page for the people page, in its language', async () => {
    const page = await asSpeaker.get('/console/people');
    expect(page.status).toBe(403);
    expect(mainText(page.text)).toContain('Your account does not have a role that allows this.');
    const ko = await asSpeaker.get('/console/people?lang=ko');
    expect(ko.status).toBe(403);
    expect(mainText(ko.text)).toContain('이 계정에는 이 일을 할 수 있는 역할이 없습니다.');
    await asSpeaker.get('/console?lang=en');
  });

  it('cannot invite or revoke, even with a valid form token', async () => {
    const csrf = csrfOf((await asSpeaker.get('/console')).text);
    const mailsBefore = smtp.received.length;
    const invite = await asSpeaker.post('/console/people?/invite', {
      csrf,
      email: 'friend@example.org',
      role: 'admin',
      edition: 'seoul-2020',
      mailLocale: 'en'
    });
    expect(invite.status).toBe(403);
    const grantId = /name="grant" value="([^"]+)"/.exec((await asAdmin.get('/console/people')).text)![1]!;
    const revoke = await asSpeaker.post('/console/people?/revoke', { csrf, grant: grantId });
    expect(revoke.status).toBe(403);
    expect(smtp.received.length).toBe(mailsBefore);
    expect((await asAdmin.get('/console/people')).text).toContain(`value="${grantId}"`);
  });
});

describe('programme import and export', () => {
  it('refuses the import page and its action to an account that is not an instance administrator', async () => {
    const page = await asSpeaker.get('/console/import');
    expect(page.status).toBe(403);
    expect(mainText(page.text)).toContain('Your account does not have a role that allows this.');
    const csrf = csrfOf((await asSpeaker.get('/console')).text);
    const form = new FormData();
    form.set('csrf', csrf);
    form.set('slug', 'speaker-copy');
    form.set('file', new Blob(['{}'], { type: 'application/json' }), 'schedule.json');
    expect((await asSpeaker.postMultipart('/console/import', form)).status).toBe(403);
    expect((await asAdmin.get('/console/editions/speaker-copy')).status).toBe(404);
  });

  it('refuses the export to an account without a programme role on the edition', async () => {
    const download = await asSpeaker.get('/console/editions/seoul-2020/export.json');
    expect(download.status).toBe(403);
    expect(download.text).not.toContain('x-madang');
  });

  it('refuses an import form without its token', async () => {
    const form = new FormData();
    form.set('slug', 'tokenless-copy');
    form.set('file', new Blob(['{}'], { type: 'application/json' }), 'schedule.json');
    const response = await asAdmin.postMultipart('/console/import', form);
    expect(response.status).toBe(403);
    expect(mainText(response.text)).toContain('nothing was changed');
  });
});

describe('edition pages refuse a speaker-only account', () => {
  it.each(['/console/editions/new', '/console/editions/seoul-2020/settings', '/console/editions/seoul-2020/days'])(
    'GET %s is a 403 page',
    async (path) => {
      const page = await asSpeaker.get(path);
      expect(page.status).toBe(403);
      expect(mainText(page.text)).toContain('Your account does not have a role that allows this.');
    }
  );

  it.each(editionActions)('POST %s is refused with 403 and changes nothing', async (path, fields) => {
    const before = mainText((await asAdmin.get('/console/editions/seoul-2020/settings')).text);
    const csrf = csrfOf((await asSpeaker.get('/console')).text);
    const response = await asSpeaker.post(path, { csrf, ...fields });
    expect(response.status).toBe(403);
    expect(mainText((await asAdmin.get('/console/editions/seoul-2020/settings')).text)).toBe(before);
  });
});

describe('forms protected against cross-site requests', () => {
  const invite = { email: 'forged@example.org', role: 'admin', edition: 'seoul-2020', mailLocale: 'en' };

  it('refuses a missing, tampered or borrowed token with a clear 403, and changes nothing', async () => {
    const mailsBefore = smtp.received.length;
    const csrf = csrfOf((await asAdmin.get('/console/people')).text);
    const speakersToken = csrfOf((await asSpeaker.get('/console')).text);
    for (const token of [undefined, `${csrf.slice(0, -2)}xx`, speakersToken, '']) {
      const response = await asAdmin.post('/console/people?/invite', {
        ...(token === undefined ? {} : { csrf: token }),
        ...invite
      });
      expect(response.status).toBe(403);
      expect(mainText(response.text)).toContain('nothing was changed');
    }
    expect(smtp.received.length).toBe(mailsBefore);
    expect((await asAdmin.get('/console/people')).text).not.toContain('forged@example.org');
  });

  it('refuses a form posted from another site (origin check)', async () => {
    const csrf = csrfOf((await asAdmin.get('/console/people')).text);
    const response = await fetch(`${server.url}/console/people?/invite`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        cookie: [...asAdmin.cookies].map(([n, v]) => `${n}=${v}`).join('; ')
      },
      body: new URLSearchParams({ csrf, ...invite }).toString()
    });
    expect(response.status).toBe(403);
  });
});

describe('sessions', () => {
  it('are HttpOnly, SameSite=Lax cookies for the whole site that last no longer than 7 days', async () => {
    const browser = client();
    await signIn(browser, admin.email);
    const cookie = browser.setCookieHeaders.find((h) => h.startsWith('madang_session='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=604800/);
    expect(cookie).not.toMatch(/; Secure/i);
    expect(Buffer.from(browser.cookies.get('madang_session')!, 'base64url')).toHaveLength(32);
  });

  it('are Secure behind HTTPS', async () => {
    const browser = client({ 'x-forwarded-proto': 'https' });
    const response = await signIn(browser, admin.email);
    expect(response.status).toBe(303);
    expect(browser.setCookieHeaders.find((h) => h.startsWith('madang_session='))).toMatch(/; Secure/i);
  });

  it('rotate at sign-in: the cookie a browser had before stops working', async () => {
    const browser = client();
    await signIn(browser, admin.email);
    const before = browser.cookies.get('madang_session')!;
    // Signed in already, the sign-in page sends the browser on; post the form straight away.
    const csrf = csrfOf((await browser.get('/console')).text);
    expect((await browser.post('/console/sign-in', { csrf, email: admin.email, password })).location).toBe('/console');
    expect(browser.cookies.get('madang_session')).not.toBe(before);
    const planted = client();
    planted.cookies.set('madang_session', before);
    expect((await planted.get('/console')).status).toBe(303);
  });

  it('end at sign-out, and everywhere at once from the account page', async () => {
    const laptop = client();
    const phone = client();
    await signIn(laptop, admin.email);
    await signIn(phone, admin.email);
    const out = await laptop.submit('/console/sign-out', {});
    expect(out.location).toBe('/console/sign-in?notice=signed-out');
    expect((await laptop.get('/console')).status).toBe(303);
    expect((await phone.get('/console')).status).toBe(200);

    const tablet = client();
    await signIn(tablet, admin.email);
    const everywhere = await tablet.submit('/console/account', {}, '?/signOutEverywhere');
    expect(everywhere.location).toBe('/console/sign-in?notice=signed-out-everywhere');
    expect((await phone.get('/console')).status).toBe(303);
    expect((await tablet.get('/console')).status).toBe(303);
    expect((await asAdmin.get('/console')).status).toBe(303);
    await signIn(asAdmin, admin.email);
  });

  it('come back to a same-site console page after sign-in, and nowhere else', async () => {
    expect((await signIn(client(), admin.email, password, '/console/account')).location).toBe('/console/account');
    expect((await signIn(client(), admin.email, password, '//evil.example/console')).location).toBe('/console');
    expect((await signIn(client(), admin.email, password, 'https://evil.example/')).location).toBe('/console');
  });

  it('are never cached', async () => {
    for (const path of ['/console', '/console/people', '/console/account']) {
      expect((await asAdmin.get(path)).headers.get('cache-control')).toBe('no-store');
    }
    expect((await client().get('/console/sign-in')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('signing in', () => {
  it('says the same for a wrong password and an unknown address, beside the form, in the reader’s language', async () => {
    const wrong = await signIn(client(), admin.email, 'not the password at all');
    const unknown = await signIn(client(), 'nobody@example.org');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(mainText(wrong.text)).toContain('The e-mail address or the password is not right.');
    expect(mainText(unknown.text)).toContain('The e-mail address or the password is not right.');
    expect(wrong.text).toContain('<title>Error: Sign in');
    expect(wrong.text).toContain(`value="${admin.email}"`);

    const korean = client();
    await korean.get('/console/sign-in?lang=ko');
    const ko = await korean.submit('/console/sign-in', { email: admin.email, password: 'not the password at all' });
    expect(mainText(ko.text)).toContain('이메일 주소나 비밀번호가 맞지 않습니다.');
  });

  it('locks the account after 5 failures, saying when to try again', async () => {
    const victim = 'locked@example.org';
    const who = await inviteAndAccept(victim, 'moderator', 'Lee Locked');
    let last;
    for (let i = 0; i < 5; i++) last = await signIn(client(), victim, `wrong password number ${i}`);
    expect(last!.status).toBe(423);
    expect(mainText(last!.text)).toMatch(/this account is locked for 15 minutes\. Try again after \d\d:\d\d UTC\./);
    const right = await signIn(client(), victim);
    expect(right.status).toBe(423);
    expect(who.cookies.has('madang_session')).toBe(true);
  });
});

describe('password reset by e-mail', () => {
  it('answers the same whether or not the address has an account', async () => {
    const unknown = await client().submit('/console/password-reset', { email: 'nobody@example.org' });
    const known = await client().submit('/console/password-reset', { email: 'speaker@example.org' });
    expect(unknown.location).toBe('/console/password-reset?sent');
    expect(known.location).toBe('/console/password-reset?sent');
    const mail = await smtp.next('speaker@example.org');
    expect(mail.subject).toBe('Choose a new password');
    expect(smtp.received.some((m) => m.to === 'nobody@example.org')).toBe(false);
    // Leave the link unused; the next test asks for its own.
  });

  it('sets a new password once and signs out every session of the account', async () => {
    const email = 'reset@example.org';
    const elsewhere = await inviteAndAccept(email, 'captioner', 'Rae Reset');
    await client().submit('/console/password-reset', { email });
    const link = consoleLinkIn(await smtp.next(email));

    const weak = await client().submit(link, { password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.text).toMatch(
      /aria-invalid="true"[^>]*aria-describedby="password-hint password-error"|aria-describedby="password-hint password-error"[^>]*aria-invalid="true"/
    );
    expect(mainText(weak.text)).toContain('This password is among the most common ones');

    const done = await client().submit(link, { password: 'a springtime passphrase' });
    expect(done.location).toBe('/console/sign-in?notice=password-reset');
    expect((await elsewhere.get('/console')).status).toBe(303);
    expect((await signIn(client(), email, 'a springtime passphrase')).location).toBe('/console');

    const reused = await client().get(link);
    expect(reused.status).toBe(410);
    expect(mainText(reused.text)).toContain('This password reset link has already been used.');
  });
});

describe('invitations', () => {
  it('mail a link that works once, and refuse forged links', async () => {
    const email = 'once@example.org';
    await asAdmin.submit(
      '/console/people',
      { email, role: 'interpreter', edition: 'seoul-2020', mailLocale: 'ko' },
      '?/invite'
    );
    const mail = await smtp.next(email);
    expect(mail.subject).toContain('초대:');
    const link = consoleLinkIn(mail);
    const forged = link.replace(/\.(\d+)\./, (_m, s: string) => `.${Number(s) + 1}.`);
    const forgedPage = await client().get(forged);
    expect(forgedPage.status).toBe(404);
    expect(mainText(forgedPage.text)).toContain('This invitation link is not valid.');

    const invitee = client();
    const page = await invitee.get(link);
    expect(mainText(page.text)).toContain('Interpreter');
    expect(mainText(page.text)).toContain(email);
    expect((await invitee.submit(link, { displayName: 'Ivy Interpreter', password })).location).toBe(
      '/console?notice=invitation-accepted'
    );
    const again = await client().get(link);
    expect(again.status).toBe(410);
    expect(mainText(again.text)).toContain('This invitation has already been used.');
  });

  it('show field errors next to the fields, and send nothing for bad input', async () => {
    const mailsBefore = smtp.received.length;
    const bad = await asAdmin.submit(
      '/console/people',
      { email: 'x'.repeat(5000), role: 'owner', edition: 'no-such-edition', mailLocale: 'xx' },
      '?/invite'
    );
    expect(bad.status).toBe(400);
    const text = mainText(bad.text);
    expect(text).toContain('Enter an e-mail address such as name@example.org.');
    expect(text).toContain('Choose a role from the list.');
    expect(text).toContain('Choose an edition from the list.');
    expect(bad.text).toContain('id="email-error"');
    expect(smtp.received.length).toBe(mailsBefore);
  });

  it('revoke a role with an immediate effect, and refuse unknown grants with 404', async () => {
    const moderator = await inviteAndAccept('revoked@example.org', 'moderator', 'Ray Revoked');
    expect(mainText((await moderator.get('/console')).text)).toContain('Your roles: Moderator');
    const people = (await asAdmin.get('/console/people')).text;
    const row = people.split('<tr>').find((r) => r.includes('revoked@example.org'))!;
    const grant = /name="grant" value="([^"]+)"/.exec(row)![1]!;
    expect((await asAdmin.submit('/console/people', { grant }, '?/revoke')).location).toBe(
      '/console/people?notice=revoked'
    );
    expect(mainText((await moderator.get('/console')).text)).toContain('You have no role on any edition yet.');
    const again = await asAdmin.submit('/console/people', { grant }, '?/revoke');
    expect(again.status).toBe(404);
    expect((await asAdmin.submit('/console/people', { grant: 'not-a-grant' }, '?/revoke')).status).toBe(404);
  });
});

describe('a flood of failed sign-ins from one address', () => {
  it('is stopped after 20 in 10 minutes with a clear message', async () => {
    let response;
    for (let i = 0; i < 25 && response?.status !== 429; i++)
      response = await signIn(client(), `flood-${i}@example.org`, 'not the password at all');
    expect(response!.status).toBe(429);
    expect(mainText(response!.text)).toMatch(
      /too many failed sign-ins from your network\. Try again after \d\d:\d\d UTC\./
    );
  });
});

describe('the city and channel pages', () => {
  const edition = '/console/editions/seoul-2020';
  const pages = [
    `${edition}/cities`,
    `${edition}/cities/new`,
    `${edition}/cities/city-seoul`,
    `${edition}/channels`,
    `${edition}/channels/new`,
    `${edition}/channels/ch-site`
  ];
  const city = { 'name.ko': '부산', 'name.en': 'Busan', country: 'KR', zone: 'Asia/Seoul' };
  const channel = { kind: 'other', 'name.ko': '라디오', url: 'https://radio.example/' };
  const actions: [string, Record<string, string>][] = [
    [`${edition}/cities?/move`, { id: 'city-seoul', direction: 'down' }],
    [`${edition}/cities?/restore`, { id: 'city-seoul', version: '1' }],
    [`${edition}/cities/new?/create`, city],
    [`${edition}/cities/city-seoul?/save`, { ...city, version: '1' }],
    [`${edition}/cities/city-seoul?/delete`, { version: '1', confirm: 'on' }],
    [`${edition}/channels?/move`, { id: 'ch-site', direction: 'down' }],
    [`${edition}/channels?/restore`, { id: 'ch-site', version: '1' }],
    [`${edition}/channels/new?/create`, channel],
    [`${edition}/channels/ch-site?/save`, { ...channel, version: '1' }],
    [`${edition}/channels/ch-site?/delete`, { version: '1', confirm: 'on' }]
  ];
  const visible = async () =>
    (await Promise.all([asAdmin.get(`${edition}/cities`), asAdmin.get(`${edition}/channels`)]))
      .map((p) => mainText(p.text))
      .join('\n');

  it.each(pages)('GET %s sends an anonymous visitor to sign in and back, and is refused to a speaker', async (path) => {
    const anonymous = await client().get(path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe(`/console/sign-in?next=${encodeURIComponent(path)}`);
    const speaker = await asSpeaker.get(path);
    expect(speaker.status).toBe(403);
    expect(mainText(speaker.text)).toContain('Your account does not have a role that allows this.');
    expect((await asAdmin.get(path)).status).toBe(200);
  });

  it('refuses every action to an anonymous visitor, a speaker and a forged form, changing nothing', async () => {
    const before = await visible();
    const visitor = client();
    const visitorCsrf = csrfOf((await visitor.get('/console/sign-in')).text);
    const speakerCsrf = csrfOf((await asSpeaker.get('/console')).text);
    const adminCsrf = csrfOf((await asAdmin.get(`${edition}/cities`)).text);
    for (const [path, fields] of actions) {
      const anonymous = await visitor.post(path, { csrf: visitorCsrf, ...fields });
      expect(anonymous.status, `anonymous ${path}`).toBe(303);
      expect(anonymous.location).toMatch(/^\/console\/sign-in\?next=/);
      expect((await asSpeaker.post(path, { csrf: speakerCsrf, ...fields })).status, `speaker ${path}`).toBe(403);
      for (const csrf of [undefined, `${adminCsrf.slice(0, -2)}xx`, speakerCsrf]) {
        const forged = await asAdmin.post(path, { ...(csrf === undefined ? {} : { csrf }), ...fields });
        expect(forged.status, `forged ${path}`).toBe(403);
      }
    }
    expect(await visible()).toBe(before);
  });
});
