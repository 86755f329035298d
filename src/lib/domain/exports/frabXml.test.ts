import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildProgramme, buildSession, emptyProgramme } from '../testing/programmeFactory.js';
import type { Programme } from '../programme.js';
import { programmeToFrabJson } from './frabSchedule.js';
import { programmeToFrabXml } from './frabXml.js';

const options = { baseUrl: 'https://forum.example', locale: 'en' };

interface XmlNode {
  [key: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (_name, path) =>
    [
      'schedule.day',
      'schedule.day.room',
      'schedule.day.room.event',
      'schedule.day.room.event.persons.person',
      'schedule.day.room.event.links.link',
      'schedule.day.room.event.attachments.attachment'
    ].includes(String(path))
});

function parse(xml: string): { version: string; conference: XmlNode; day: XmlNode[] } {
  return (parser.parse(xml, true) as { schedule: ReturnType<typeof parse> }).schedule;
}

function eventsOf(schedule: ReturnType<typeof parse>): XmlNode[] {
  const rooms = schedule.day.flatMap((day) => (day.room as XmlNode[] | undefined) ?? []);
  return rooms.flatMap((room) => (room.event as XmlNode[] | undefined) ?? []);
}

describe('programmeToFrabXml', () => {
  it('has the days, rooms and events of the JSON schedule', () => {
    const programme = buildProgramme();
    const json = programmeToFrabJson(programme, options).schedule;
    const xml = parse(programmeToFrabXml(programme, options));

    expect(xml.version).toBe(json.version);
    expect(xml.conference).toMatchObject({
      acronym: 'seoul-2020',
      title: 'Seoul Inclusive Cities Forum 2020',
      start: '2020-09-22',
      end: '2020-09-23',
      days: '2',
      time_zone_name: 'Asia/Seoul',
      base_url: 'https://forum.example/seoul-2020/'
    });
    expect(xml.day.map((d) => [d['@index'], d['@date'], d['@start'], d['@end']])).toEqual(
      json.conference.days.map((d) => [String(d.index), d.date, d.day_start, d.day_end])
    );
    expect((xml.day[0]?.room as XmlNode[]).map((r) => r['@name'])).toEqual(json.conference.rooms.map((r) => r.name));

    const jsonEvents = json.conference.days.flatMap((day) => Object.values(day.rooms).flat());
    const xmlEvents = eventsOf(xml);
    expect(xmlEvents).toHaveLength(5);
    const fields = ['title', 'date', 'start', 'duration', 'room', 'slug', 'url'] as const;
    expect(xmlEvents.map((e) => [e['@guid'], e['@id'], ...fields.map((f) => e[f])])).toEqual(
      jsonEvents.map((e) => [e.guid, String(e.id), ...fields.map((f) => e[f])])
    );
  });

  it('lists persons and links of an event', () => {
    const events = eventsOf(parse(programmeToFrabXml(buildProgramme(), options)));
    const conversation = events.find((e) => e.title === 'A conversation between three cities');
    const persons = (conversation?.persons as XmlNode).person as XmlNode[];
    expect(persons.map((p) => p['#text'])).toEqual(['Kim Seo-yeon', 'Maria Lopez', 'Aino Virtanen']);
    expect(persons.every((p) => /^[1-9]\d*$/.test(String(p['@id'])))).toBe(true);

    const keynote = events.find((e) => e.title === 'Opening keynote: Cities we share');
    const links = (keynote?.links as XmlNode).link as XmlNode[];
    expect(links.map((l) => [l['@href'], l['#text']])).toEqual([
      ['https://forum.example/seoul-2020', 'Forum website'],
      ['https://www.youtube.com/@madang-forum', 'YouTube']
    ]);
    expect(keynote?.recording).toMatchObject({ license: '', optout: 'false' });
  });

  it('escapes markup in user text so it stays text', () => {
    const programme: Programme = {
      ...buildProgramme(),
      sessions: [
        buildSession({
          id: 'tricky',
          title: { en: 'Cats & dogs <b>"quoted"</b> \'apostrophe\' ]]>' },
          summary: { en: 'Line one\nline two\u0007 with a bell, a lone \uD800 surrogate and 🎤' },
          stageId: null
        })
      ],
      edition: { ...buildProgramme().edition, title: { en: 'Room <"&">' } }
    };
    const xml = programmeToFrabXml(programme, options);
    expect(xml).not.toContain('<b>');
    const [event] = eventsOf(parse(xml));
    expect(event?.title).toBe('Cats & dogs <b>"quoted"</b> \'apostrophe\' ]]>');
    expect(event?.abstract).toBe('Line one\nline two with a bell, a lone  surrogate and 🎤');
    expect(event?.room).toBe('Room <"&">');
    expect(parse(xml).day[0]?.room).toEqual([expect.objectContaining({ '@name': 'Room <"&">' })]);
  });

  it('still has its days for an edition with nothing scheduled', () => {
    const xml = parse(programmeToFrabXml(emptyProgramme(), options));
    expect(xml.day.map((d) => d['@date'])).toEqual(['2020-09-22', '2020-09-23']);
    expect(eventsOf(xml)).toEqual([]);
  });
});
