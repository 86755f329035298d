/**
 * Story: an administrator moves a programme between Madangs as a frab
 * schedule file. She downloads Seoul 2020 from its console page, imports
 * the file as a new edition and gets the same programme back (every
 * translation, time, zone, order, speaker, city, channel, state and
 * illustrative flag), as a draft with its own ids; a plain pretalx file
 * comes in too. A file that is not JSON, has the wrong shape, too many
 * events or too many bytes, a taken slug, a forged form and an account
 * that is not an administrator all get a clear 4xx, and no edition is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFrabScheduleText } from '../src/lib/domain/imports/importFrabSchedule.js';
import { importLimits } from '../src/lib/domain/imports/importLimits.js';
import { comparableProgramme } from '../src/lib/domain/imports/testing/comparableProgramme.js';
import { eventsOf, pretalxEvent, pretalxSchedule } from '../src/lib/domain/imports/testing/pretalxSchedule.js';
import { importUploadBytes } from '../src/lib/server/http/bodyLimits.js';
import { startSmtpCapture, type SmtpCapture } from '../src/lib/server/mail/testing/smtpCapture.js';
import { ConsoleClient, consoleLinkIn, csrfOf, mainText } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';

let server: TestServer;
let smtp: SmtpCapture;
let asAdmin: ConsoleClient;
let asProducer: ConsoleClient;
let asModerator: ConsoleClient;
const client = () => new ConsoleClient(server.url);

async function inviteAndAccept(email: string, role: string, displayName: string): Promise<ConsoleClient> {
  const invited = await asAdmin.submit(
    '/console/people',
    { email, role, edition: 'seoul-2020', mailLocale: 'en' },
    '?/invite'
  );
  expect(invited.status, mainText(invited.text)).toBe(303);
  const invitee = client();
  const accepted = await invitee.submit(consoleLinkIn(await smtp.next(email)), { displayName, password });
  expect(accepted.location).toBe('/console?notice=invitation-accepted');
  return invitee;
}

/** Posts the import form as a browser does, with the page's CSRF token unless one is given. */
async function importFile(who: ConsoleClient, file: string, fields: Record<string, string>, csrf?: string) {
  const form = new FormData();
  form.set('csrf', csrf ?? csrfOf((await who.get('/console/import')).text));
  form.set('file', new Blob([file], { type: 'application/json' }), 'schedule.json');
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return who.postMultipart('/console/import', form);
}

/** Editions an administrator's dashboard lists (every edition, drafts too). */
async function editionCount(): Promise<number> {
  return [...(await asAdmin.get('/console')).text.matchAll(/<li class="card/g)].length;
}

/** A programme file as comparable data, its ids without the import's prefix. */
function comparable(file: string, idPrefix = ''): unknown {
  const result = importFrabScheduleText(file, {
    editionId: 'compare',
    slug: 'compare',
    seriesId: 'compare',
    idPrefix: ''
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return comparableProgramme(result.programme, idPrefix);
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
  asProducer = await inviteAndAccept('producer@example.org', 'producer', 'Pat Producer');
  asModerator = await inviteAndAccept('mod@example.org', 'moderator', 'Mo Moderator');
});
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

describe('an administrator copies Seoul 2020 through a schedule file', () => {
  let original: string;

  it('downloads the whole programme from the edition page as an attachment', async () => {
    const page = await asAdmin.get('/console/editions/seoul-2020');
    expect(page.text).toContain('href="/console/editions/seoul-2020/export.json"');
    expect(mainText(page.text)).toContain('Export (frab JSON)');
    const download = await asAdmin.get('/console/editions/seoul-2020/export.json');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="seoul-2020-schedule.json"');
    expect(download.headers.get('cache-control')).toBe('no-store');
    original = download.text;
    expect(JSON.parse(original)).toHaveProperty(['schedule', 'x-madang', 'version'], 1);
  });

  it('finds the import page on the dashboard', async () => {
    const dashboard = await asAdmin.get('/console');
    expect(dashboard.text).toContain('href="/console/import"');
    const page = await asAdmin.get('/console/import');
    expect(page.status).toBe(200);
    expect(mainText(page.text)).toContain('Import a programme');
    expect(page.text).toContain('enctype="multipart/form-data"');
  });

  it('imports the file as a new draft edition and says what came in', async () => {
    const before = await editionCount();
    const imported = await importFile(asAdmin, original, { slug: 'seoul-2020-again' });
    expect(imported.status, mainText(imported.text)).toBe(303);
    expect(imported.location).toBe('/console/editions/seoul-2020-again?notice=imported');
    const page = await asAdmin.get(imported.location!);
    expect(page.status).toBe(200);
    const sessions = (JSON.parse(original) as { schedule: { 'x-madang': { sessions: unknown[] } } }).schedule[
      'x-madang'
    ].sessions.length;
    expect(mainText(page.text)).toMatch(
      new RegExp(`Programme imported as a draft edition: \\d+ days, 1 stage, ${sessions} sessions`)
    );
    expect(mainText(page.text)).toContain('Created edition “2020 Seoul Smart City Leaders Forum”');
    expect(await editionCount()).toBe(before + 1);
    // A draft: the public does not see it.
    expect((await client().get('/seoul-2020-again')).status).toBe(404);
  });

  it('gives back the identical programme: titles in all languages, times, zones, order, speakers, cities, channels, states, flags', async () => {
    const copy = await asAdmin.get('/console/editions/seoul-2020-again/export.json');
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-disposition')).toBe('attachment; filename="seoul-2020-again-schedule.json"');
    expect(comparable(copy.text, 'seoul-2020-again-')).toEqual(comparable(original));
    // And the check is not vacuous: a changed title is seen.
    const changed = original.replace('"2020 Seoul Smart City Leaders Forum"', '"Another forum"');
    expect(() => expect(comparable(changed)).toEqual(comparable(original))).toThrow();
  });
});

describe('a plain pretalx schedule', () => {
  it('is imported and its sessions appear in the console', async () => {
    const schedule = pretalxSchedule();
    const imported = await importFile(asAdmin, JSON.stringify(schedule), {
      slug: 'kiez-2024',
      zone: '',
      defaultLocale: 'de'
    });
    expect(imported.status, mainText(imported.text)).toBe(303);
    const page = mainText((await asAdmin.get('/console/editions/kiez-2024')).text);
    expect(page).toContain('Programme: Kiezkonferenz 2024');
    for (const event of eventsOf(schedule)) expect(page).toContain(event.title);
  });
});

describe('bad input gets a clear 4xx and adds no edition', () => {
  let before: number;
  beforeAll(async () => {
    before = await editionCount();
  });
  afterAll(async () => {
    expect(await editionCount()).toBe(before);
  });

  it('refuses a file that is not JSON', async () => {
    const response = await importFile(asAdmin, '{ "schedule": ', { slug: 'broken' });
    expect(response.status).toBe(400);
    const text = mainText(response.text);
    expect(text).toContain('The file was not imported: it has 1 problem, listed below.');
    expect(text).toContain('Not JSON.');
    expect(response.text).toContain('aria-describedby="file-hint file-error file-problems"');
  });

  it('refuses JSON of the wrong shape, naming the places in the file', async () => {
    const response = await importFile(asAdmin, '{"schedule":{"conference":{"title":"X","days":"soon"}}}', {
      slug: 'broken'
    });
    expect(response.status).toBe(400);
    const text = mainText(response.text);
    expect(text).toContain('Not the shape of a frab or pretalx schedule.');
    expect(text).toContain('at schedule.conference.days');
  });

  it('refuses a schedule with more events than Madang imports', async () => {
    const schedule = pretalxSchedule();
    const room = Object.keys(schedule.schedule.conference.days[0]!.rooms)[0]!;
    schedule.schedule.conference.days[0]!.rooms[room] = Array.from({ length: importLimits.maxEvents + 1 }, (_, i) =>
      pretalxEvent({ id: i, title: `Talk ${i}` })
    );
    const response = await importFile(asAdmin, JSON.stringify(schedule), { slug: 'crowded' });
    expect(response.status).toBe(400);
    expect(mainText(response.text)).toContain(`at schedule.conference.days[0].rooms["${room}"]`);
  });

  it('refuses a file over the size limit with a 413 and says the limit', async () => {
    const response = await importFile(asAdmin, ' '.repeat(importUploadBytes + 1), { slug: 'huge' });
    expect(response.status).toBe(413);
    expect(mainText(response.text)).toContain('The file is larger than 10 MB, the most Madang imports at once.');
  });

  it('keeps every other form at 512 kB: only the import takes a large body', async () => {
    const response = await asAdmin.post('/console/account?/changePassword', {
      csrf: 'x',
      currentPassword: 'x'.repeat(600 * 1024)
    });
    expect(response.status).toBe(413);
  });

  it('refuses a slug that is taken or malformed, beside the field', async () => {
    const taken = await importFile(asAdmin, JSON.stringify(pretalxSchedule()), { slug: 'seoul-2020' });
    expect(taken.status).toBe(409);
    expect(mainText(taken.text)).toContain('An edition with this address exists already.');
    expect(taken.text).toMatch(/<input[^>]*id="slug"[^>]*aria-invalid="true"/);
    const malformed = await importFile(asAdmin, JSON.stringify(pretalxSchedule()), { slug: 'Not A Slug' });
    expect(malformed.status).toBe(400);
    expect(mainText(malformed.text)).toContain('Use lower-case letters, digits and dashes');
  });

  it('refuses a forged form with 403', async () => {
    const forged = await importFile(asAdmin, JSON.stringify(pretalxSchedule()), { slug: 'forged' }, 'not-the-token');
    expect(forged.status).toBe(403);
    expect(mainText(forged.text)).toContain('This form has expired or did not come from this site');
  });

  it('refuses accounts that are not instance administrators, even with a role that edits the programme', async () => {
    expect((await asProducer.get('/console/import')).status).toBe(403);
    expect((await asProducer.get('/console')).text).not.toContain('href="/console/import"');
    const csrf = csrfOf((await asProducer.get('/console')).text);
    const posted = await importFile(asProducer, JSON.stringify(pretalxSchedule()), { slug: 'producer-copy' }, csrf);
    expect(posted.status).toBe(403);
  });
});

describe('the export', () => {
  it('is for the edition’s editors only', async () => {
    expect((await asProducer.get('/console/editions/seoul-2020/export.json')).status).toBe(200);
    expect((await asModerator.get('/console/editions/seoul-2020/export.json')).status).toBe(403);
    expect((await asAdmin.get('/console/editions/no-such-edition/export.json')).status).toBe(404);
    const anonymous = await client().get('/console/editions/seoul-2020/export.json');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe('/console/sign-in?next=%2Fconsole%2Feditions%2Fseoul-2020%2Fexport.json');
  });
});
