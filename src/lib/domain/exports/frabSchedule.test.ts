import { describe, expect, it } from 'vitest';
import { buildProgramme, buildSession, buildStage, emptyProgramme } from '../testing/programmeFactory.js';
import { programmeToFrabJson, type FrabEvent, type FrabSchedule } from './frabSchedule.js';
import { frabSchemaErrors } from '../testing/frabSchemaValidator.js';

const options = { baseUrl: 'https://forum.example', locale: 'en' };

function eventsOf(schedule: FrabSchedule): FrabEvent[] {
  return schedule.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
}

function expectValid(schedule: FrabSchedule): void {
  expect(frabSchemaErrors(schedule)).toBe('');
}

describe('programmeToFrabJson', () => {
  it('matches the c3voc schedule schema', () => {
    expectValid(programmeToFrabJson(buildProgramme(), options));
    expectValid(programmeToFrabJson(buildProgramme(), { ...options, locale: 'ko' }));
  });

  it('is rejected by the schema when an event misses a required field', () => {
    const schedule = programmeToFrabJson(buildProgramme(), options);
    const [event] = eventsOf(schedule);
    delete (event as { guid?: string }).guid;
    expect(frabSchemaErrors(schedule)).toMatch(/guid/);
  });

  it('describes the conference in the host zone', () => {
    const { schedule } = programmeToFrabJson(buildProgramme(), options);
    expect(schedule.base_url).toBe('https://forum.example/seoul-2020/');
    expect(schedule.conference).toMatchObject({
      acronym: 'seoul-2020',
      title: 'Seoul Inclusive Cities Forum 2020',
      start: '2020-09-22',
      end: '2020-09-23',
      daysCount: 2,
      time_zone_name: 'Asia/Seoul',
      url: 'https://forum.example/seoul-2020'
    });
    expect(schedule.conference.rooms.map((r) => r.name)).toEqual([
      'Main stage',
      'Studio',
      'Seoul Inclusive Cities Forum 2020'
    ]);
  });

  it('puts each published session on its day and stage, at host-zone times', () => {
    const [day1, day2] = programmeToFrabJson(buildProgramme(), options).schedule.conference.days;
    expect(day1).toMatchObject({
      index: 1,
      date: '2020-09-22',
      day_start: '2020-09-22T16:00:00+09:00',
      day_end: '2020-09-22T18:40:00+09:00'
    });
    expect(day1?.rooms['Main stage']?.map((e) => e.title)).toEqual([
      'Opening keynote: Cities we share',
      'A conversation between three cities'
    ]);
    expect(day1?.rooms['Studio']).toEqual([]);
    expect(day2?.rooms['Seoul Inclusive Cities Forum 2020']?.map((e) => e.title)).toEqual([
      'Seminar: accessible public space'
    ]);
    expect(day2?.rooms['Studio']?.map((e) => e.title)).toEqual(['Talk concert: sounds of the city']);

    const keynote = day1?.rooms['Main stage']?.[0];
    expect(keynote).toMatchObject({
      date: '2020-09-22T16:00:00+09:00',
      start: '16:00',
      duration: '01:00',
      room: 'Main stage',
      url: 'https://forum.example/seoul-2020/sessions/opening-keynote',
      track: 'keynote',
      type: 'talk',
      language: 'en',
      abstract: 'Five questions for a city everyone can take part in.',
      do_not_record: false
    });
    expect(keynote?.links.map((l) => l.url)).toEqual([
      'https://forum.example/seoul-2020',
      'https://www.youtube.com/@madang-forum'
    ]);
  });

  it('never exports a draft session', () => {
    const titles = eventsOf(programmeToFrabJson(buildProgramme(), options)).map((e) => e.title);
    expect(titles).toHaveLength(5);
    expect(titles).not.toContain('Session in preparation');
  });

  it('lists the speakers of a session with their biographies', () => {
    const conversation = eventsOf(programmeToFrabJson(buildProgramme(), options)).find(
      (e) => e.title === 'A conversation between three cities'
    );
    expect(conversation?.persons.map((p) => [p.public_name, p.name])).toEqual([
      ['Kim Seo-yeon', 'Kim Seo-yeon'],
      ['Maria Lopez', 'Maria Lopez'],
      ['Aino Virtanen', 'Aino Virtanen']
    ]);
    expect(conversation?.persons[1]?.biography).toBe('Runs participatory budgeting programmes in Los Angeles.');
    expect(conversation?.description).toBe(
      'Participatory budgeting in Seoul — Kim Seo-yeon\n' +
        'Lessons from Los Angeles — Maria Lopez\n' +
        'Lessons from Helsinki — Aino Virtanen'
    );
  });

  it('keeps ids and guids of a session and a speaker when the programme changes around them', () => {
    const before = eventsOf(programmeToFrabJson(buildProgramme(), options));
    const programme = buildProgramme();
    const grown = {
      ...programme,
      sessions: [buildSession({ id: 'aaa-first', title: { en: 'A new first session' } }), ...programme.sessions]
    };
    const after = eventsOf(programmeToFrabJson(grown, options));
    for (const event of before) {
      const same = after.find((e) => e.url === event.url);
      expect(same?.id).toBe(event.id);
      expect(same?.guid).toBe(event.guid);
      expect(same?.persons).toEqual(event.persons);
    }
    const ids = after.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(after.map((e) => e.guid)).size).toBe(ids.length);
    expect(new Set(after.map((e) => e.slug)).size).toBe(ids.length);
  });

  it('changes its version when the programme changes, and only then', () => {
    const version = programmeToFrabJson(buildProgramme(), options).schedule.version;
    expect(programmeToFrabJson(buildProgramme(), options).schedule.version).toBe(version);
    const programme = buildProgramme();
    const moved = {
      ...programme,
      sessions: programme.sessions.map((s) =>
        s.id === 'morning-break' ? { ...s, endsAt: new Date(s.endsAt.getTime() + 300_000) } : s
      )
    };
    expect(programmeToFrabJson(moved, options).schedule.version).not.toBe(version);
  });

  it('keeps two stages with the same name apart', () => {
    const programme = buildProgramme();
    const twins = {
      ...programme,
      stages: [buildStage({ id: 'a', name: { en: 'Hall' } }), buildStage({ id: 'b', name: { en: 'Hall' } })],
      sessions: [buildSession({ id: 'one', stageId: 'a' }), buildSession({ id: 'two', stageId: 'b', position: 2 })]
    };
    const { conference } = programmeToFrabJson(twins, options).schedule;
    expect(conference.rooms.map((r) => r.name)).toEqual(['Hall', 'Hall (2)']);
    expect(conference.days[0]?.rooms['Hall (2)']?.map((e) => e.url)).toEqual([
      'https://forum.example/seoul-2020/sessions/two'
    ]);
  });

  it('gives a valid schedule with the edition dates for an edition with nothing scheduled', () => {
    const schedule = programmeToFrabJson(emptyProgramme(), options);
    expectValid(schedule);
    expect(schedule.schedule.conference.rooms).toEqual([]);
    expect(schedule.schedule.conference.days).toEqual([
      {
        index: 1,
        date: '2020-09-22',
        day_start: '2020-09-22T00:00:00+09:00',
        day_end: '2020-09-22T23:59:00+09:00',
        rooms: {}
      },
      {
        index: 2,
        date: '2020-09-23',
        day_start: '2020-09-23T00:00:00+09:00',
        day_end: '2020-09-23T23:59:00+09:00',
        rooms: {}
      }
    ]);
  });
});
