/**
 * The public site over plain HTTP, as a calendar app, a conference app, a
 * cache and a careless visitor see it: exports parse with real parsers,
 * validators and compression work, bad input never yields a 500.
 */
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frabSchemaErrors } from '../src/lib/domain/testing/frabSchemaValidator.js';
import { startTestServer, type TestServer } from './support/testServer.js';

function icsEvents(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
}

let server: TestServer;
const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

beforeAll(async () => {
  server = await startTestServer({ MADANG_TEST_EMPTY_EDITION: 'empty-2030' });
});
afterAll(async () => {
  await server?.stop();
});

describe('a calendar app subscribing to the forum', () => {
  it('reads every published session from schedule.ics at the right instant', async () => {
    const response = await get('/seoul-2020/schedule.ics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = icsEvents(await response.text());
    expect(events.length).toBe(6);
    const keynote = events.find((e) => String(e.getFirstPropertyValue('uid')).startsWith('session-d2-keynote@'));
    expect(keynote).toBeDefined();
    const start = keynote!.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.toJSDate().toISOString()).toBe('2020-09-23T07:00:00.000Z');
  });

  it('keeps UIDs stable between downloads and languages', async () => {
    const uids = async (lang: string) =>
      icsEvents(await (await get(`/seoul-2020/schedule.ics?lang=${lang}`)).text()).map((e) =>
        e.getFirstPropertyValue('uid')
      );
    expect(await uids('ko')).toEqual(await uids('en'));
  });

  it('offers one session as its own .ics, and 404 for a session that does not exist', async () => {
    const response = await get('/seoul-2020/sessions/d2-keynote.ics');
    expect(response.status).toBe(200);
    expect(icsEvents(await response.text()).length).toBe(1);
    expect((await get('/seoul-2020/sessions/no-such-session.ics')).status).toBe(404);
  });
});

describe('a conference app reading the frab schedule', () => {
  it('gets JSON that the schedule schema accepts, with both days', async () => {
    const response = await get('/seoul-2020/schedule.json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const document = (await response.json()) as {
      schedule: { conference: { days: unknown[]; time_zone_name: string } };
    };
    expect(frabSchemaErrors(document)).toBe('');
    expect(document.schedule.conference.days.length).toBe(2);
    expect(document.schedule.conference.time_zone_name).toBe('Asia/Seoul');
  });

  it('gets XML with the same days', async () => {
    const response = await get('/seoul-2020/schedule.xml');
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(await response.text()) as {
      schedule: { day: unknown[] };
    };
    expect(parsed.schedule.day.length).toBe(2);
  });

  it('gets valid, empty exports for an edition with no sessions yet', async () => {
    expect(icsEvents(await (await get('/empty-2030/schedule.ics')).text())).toEqual([]);
    expect(frabSchemaErrors(await (await get('/empty-2030/schedule.json')).json())).toBe('');
    const xml = await (await get('/empty-2030/schedule.xml')).text();
    expect(new XMLParser().parse(xml)).toHaveProperty('schedule');
    const page = await (await get('/empty-2030/programme?lang=en')).text();
    expect(page).toContain('The programme has not been published yet.');
  });
});

describe('caches and slow networks', () => {
  it('revalidates pages and exports with ETags', async () => {
    for (const path of ['/seoul-2020/programme?lang=en', '/seoul-2020/schedule.json']) {
      const first = await get(path);
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      const again = await get(path, { headers: { 'if-none-match': etag! } });
      expect(again.status, path).toBe(304);
    }
  });

  it('lets only the reader cache cookie-dependent pages, and anyone cache exports', async () => {
    const page = await get('/seoul-2020/programme');
    expect(page.headers.get('cache-control')).toBe('private, no-cache');
    expect(page.headers.get('vary')).toMatch(/Cookie/);
    expect((await get('/seoul-2020/schedule.ics')).headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('compresses with brotli and gzip', async () => {
    for (const encoding of ['br', 'gzip']) {
      // fetch decodes transparently; ask node:http-level headers via a raw request.
      const response = await get('/seoul-2020/programme', { headers: { 'accept-encoding': encoding } });
      expect(response.headers.get('content-encoding'), encoding).toBe(encoding);
    }
  });
});

describe('pages', () => {
  it('describe sessions for search engines and link previews', async () => {
    const html = await (await get('/seoul-2020/sessions/d2-keynote?lang=en')).text();
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const event = JSON.parse(jsonLd ?? 'null') as { '@type': string; startDate: string };
    expect(event['@type']).toBe('Event');
    expect(event.startDate).toBe('2020-09-23T16:00:00+09:00');
    expect(html).toContain('<meta property="og:title" content="Keynote');
  });

  it('show the current edition at /', async () => {
    const html = await (await get('/?lang=en')).text();
    expect(html).toContain('Seoul Smart City Leaders Forum');
  });
});

describe('operations', () => {
  it('answers health checks', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('exposes Prometheus metrics including requests by route', async () => {
    await get('/seoul-2020/programme');
    const text = await (await get('/metrics')).text();
    expect(text).toContain('madang_http_requests_total{method="GET",route="/[edition=slug]/programme",status="200"}');
    expect(text).toContain('madang_process_cpu_user_seconds_total');
  });
});

describe('bad input', () => {
  it('answers unknown editions, sessions and speakers with the 404 page', async () => {
    for (const path of [
      '/no-such-forum',
      '/seoul-2020/sessions/nope',
      '/seoul-2020/speakers/nobody',
      '/seoul-2020/sessions/UPPER',
      '/seoul-2020/speakers/%00',
      '/no-such-forum/schedule.ics'
    ]) {
      const response = await get(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
      expect(response.status, path).toBe(404);
    }
    const html = await (await get('/seoul-2020/sessions/nope?lang=ko')).text();
    expect(html).toContain('페이지를 찾을 수 없습니다');
  });

  it('ignores malformed zones and languages instead of failing', async () => {
    const cases = [
      '?tz=Mars/Olympus_Mons',
      '?tz=%3Cscript%3E',
      `?tz=${'A'.repeat(5000)}`,
      '?tz=&lang=',
      '?lang=xx-YY',
      '?lang=..%2F..%2Fetc',
      '?tz=Europe/Helsinki&tz=Asia/Seoul',
      '?lang[]=ko'
    ];
    for (const query of cases) {
      const response = await get(`/seoul-2020/programme${query}`);
      expect(response.status, query).toBe(200);
      expect(await response.text()).not.toContain('<script>');
    }
    const garbageCookies = await get('/seoul-2020/programme', {
      headers: { cookie: 'tz=%E0%A4%A; lang=<b>', 'accept-language': ';;q=x,,*' }
    });
    expect(garbageCookies.status).toBe(200);
  });

  it('refuses methods that do not exist on exports without a 500', async () => {
    const response = await get('/seoul-2020/schedule.ics', { method: 'POST' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
