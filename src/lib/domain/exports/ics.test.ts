import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildItem, buildProgramme, buildSession, buildSpeaker, emptyProgramme } from '../testing/programmeFactory.js';
import type { Programme } from '../programme.js';
import { programmeToIcs, sessionToIcs } from './ics.js';

const options = { baseUrl: 'https://forum.example/', locale: 'en', now: new Date('2020-09-01T00:00:00Z') };

function parseEvents(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

function withSession(overrides: Parameters<typeof buildSession>[0]): Programme {
  const programme = buildProgramme();
  return { ...programme, sessions: [buildSession({ id: 'only', ...overrides })] };
}

describe('programmeToIcs', () => {
  it('is a calendar of the published sessions only, at their real instants', () => {
    const programme = buildProgramme();
    const ics = programmeToIcs(programme, options);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Madang//Madang//EN');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Seoul Inclusive Cities Forum 2020');

    const events = parseEvents(ics);
    const published = programme.sessions.filter((s) => s.state === 'published');
    expect(events).toHaveLength(published.length);
    expect(events.map((e) => e.summary)).not.toContain('Session in preparation');
    for (const session of published) {
      const event = events.find((e) => e.uid === `session-${session.id}@seoul-2020.madang`);
      expect(event, session.id).toBeDefined();
      expect(event?.startDate.toJSDate().getTime()).toBe(session.startsAt.getTime());
      expect(event?.endDate.toJSDate().getTime()).toBe(session.endsAt.getTime());
    }
  });

  it('writes the keynote at 07:00 UTC, which is 16:00 in Seoul', () => {
    const ics = programmeToIcs(buildProgramme(), options);
    expect(ics).toContain('DTSTART:20200922T070000Z\r\n');
    expect(ics).toContain('DTEND:20200922T080000Z\r\n');
  });

  it('gives every session the same UID in every export', () => {
    const first = parseEvents(programmeToIcs(buildProgramme(), options)).map((e) => e.uid);
    const second = parseEvents(
      programmeToIcs(buildProgramme(), { ...options, now: new Date('2021-01-01T00:00:00Z') })
    ).map((e) => e.uid);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('links each event to its session page, as URL and as location', () => {
    const [keynote] = parseEvents(programmeToIcs(buildProgramme(), options));
    const page = 'https://forum.example/seoul-2020/sessions/opening-keynote';
    expect(keynote?.component.getFirstPropertyValue('url')).toBe(page);
    expect(keynote?.location).toBe(page);
    expect(keynote?.component.getFirstPropertyValue('categories')).toBe('keynote');
  });

  it('describes the session with its summary and its speakers', () => {
    const events = parseEvents(programmeToIcs(buildProgramme(), options));
    const conversation = events.find((e) => e.uid.startsWith('session-three-cities@'));
    expect(conversation?.description).toBe(
      'Seoul, Los Angeles and Helsinki compare participatory budgeting.\n\n' +
        'Kim Seo-yeon (Research Fellow, The Seoul Institute)\n' +
        'Maria Lopez (Associate Director, LA Civic Lab)\n' +
        'Aino Virtanen (Urban Planner, City of Helsinki)'
    );
  });

  it('uses the reader locale and falls back to the edition default', () => {
    const events = parseEvents(programmeToIcs(buildProgramme(), { ...options, locale: 'ko' }));
    expect(events[0]?.summary).toBe('개막 기조연설: 함께 사는 도시');
    const seminar = parseEvents(programmeToIcs(buildProgramme(), { ...options, locale: 'fi' })).find((e) =>
      e.uid.startsWith('session-accessible-spaces@')
    );
    expect(seminar?.summary).toBe('세미나: 접근 가능한 공공 공간');
  });

  it('folds long Korean lines at 75 octets without splitting a character', () => {
    const title =
      '서울과 헬싱키와 로스앤젤레스를 잇는 아주 긴 제목의 세션입니다, 접근성; 돌봄 그리고 참여에 대하여'.repeat(2);
    const ics = programmeToIcs(withSession({ title: { ko: title } }), { ...options, locale: 'ko' });

    const bytes = Buffer.from(ics, 'utf8');
    const physicalLines: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        physicalLines.push(bytes.subarray(start, i));
        start = i + 2;
      }
    }
    expect(start).toBe(bytes.length); // ends with CRLF, and no bare LF anywhere
    expect(physicalLines.some((line) => line[0] === 0x20)).toBe(true);
    const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
    for (const line of physicalLines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => strictUtf8.decode(line)).not.toThrow();
    }
    expect(parseEvents(ics)[0]?.summary).toBe(title);
  });

  it('escapes backslashes, semicolons, commas and line breaks so they round-trip', () => {
    const title = 'Maps; lists, and \\ paths';
    const summary = 'First line\nsecond; line, with \\n literal\r\nthird';
    const ics = programmeToIcs(withSession({ title: { en: title }, summary: { en: summary } }), options);
    expect(ics).toContain('SUMMARY:Maps\\; lists\\, and \\\\ paths\r\n');
    const [event] = parseEvents(ics);
    expect(event?.summary).toBe(title);
    expect(event?.description).toBe('First line\nsecond; line, with \\n literal\nthird');
  });

  it('puts only CRLF line endings in the file', () => {
    const ics = programmeToIcs(buildProgramme(), options);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('still gives a valid calendar for an edition with nothing scheduled', () => {
    const ics = programmeToIcs(emptyProgramme(), options);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Seoul Inclusive Cities Forum 2020');
  });
});

describe('sessionToIcs', () => {
  it('exports one published session', () => {
    const programme = buildProgramme();
    const ics = sessionToIcs(programme, 'three-cities', options);
    const events = parseEvents(ics ?? '');
    expect(events.map((e) => e.uid)).toEqual(['session-three-cities@seoul-2020.madang']);
    expect(events[0]?.summary).toBe('A conversation between three cities');
  });

  it('gives nothing for a draft or unknown session', () => {
    expect(sessionToIcs(buildProgramme(), 'closing-draft', options)).toBeNull();
    expect(sessionToIcs(buildProgramme(), 'nope', options)).toBeNull();
  });

  it('lists a speaker once even when they appear in several programme items', () => {
    const programme = buildProgramme();
    const twice = {
      ...programme,
      speakers: [buildSpeaker({ id: 'solo', name: { en: 'Solo' } })],
      items: [
        buildItem({ id: 'a', sessionId: 'opening-keynote', speakerIds: ['solo'] }),
        buildItem({ id: 'b', sessionId: 'opening-keynote', speakerIds: ['solo'], position: 2 })
      ]
    };
    const [event] = parseEvents(sessionToIcs(twice, 'opening-keynote', options) ?? '');
    expect(event?.description).toBe('Five questions for a city everyone can take part in.\n\nSolo');
  });
});
