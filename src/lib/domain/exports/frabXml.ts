/**
 * The frab schedule as XML (the `schedule.xml` older conference apps and the
 * c3voc tools read), written from the same `FrabSchedule` as the JSON so the
 * two can never disagree. Element order follows c3voc's schedule.xml.xsd.
 */
import type { Programme } from '../programme.js';
import type { ExportOptions } from './publishedSessions.js';
import { programmeToFrabJson, type FrabEvent, type FrabLink } from './frabSchedule.js';

interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string | number>>;
  readonly children?: readonly XmlElement[] | string;
}

export function programmeToFrabXml(programme: Programme, options: ExportOptions): string {
  const { schedule } = programmeToFrabJson(programme, options);
  const { conference } = schedule;
  const root: XmlElement = {
    name: 'schedule',
    children: [
      leaf('version', schedule.version),
      {
        name: 'conference',
        children: [
          leaf('acronym', conference.acronym),
          leaf('title', conference.title),
          leaf('start', conference.start),
          leaf('end', conference.end),
          leaf('days', conference.daysCount),
          leaf('timeslot_duration', conference.timeslot_duration),
          leaf('base_url', schedule.base_url),
          leaf('time_zone_name', conference.time_zone_name)
        ]
      },
      ...conference.days.map((day): XmlElement => ({
        name: 'day',
        attributes: { index: day.index, date: day.date, start: day.day_start, end: day.day_end },
        // The room list, not the object's key order, which JavaScript
        // reorders for names that look like numbers.
        children: conference.rooms.map((room) => ({
          name: 'room',
          attributes: { name: room.name },
          children: (day.rooms[room.name] ?? []).map(eventElement)
        }))
      }))
    ]
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root, '')}\n`;
}

function eventElement(event: FrabEvent): XmlElement {
  return {
    name: 'event',
    attributes: { guid: event.guid, id: event.id },
    children: [
      leaf('date', event.date),
      leaf('start', event.start),
      leaf('duration', event.duration),
      leaf('room', event.room),
      leaf('slug', event.slug),
      leaf('url', event.url),
      leaf('title', event.title),
      leaf('subtitle', event.subtitle),
      leaf('track', event.track),
      leaf('type', event.type),
      leaf('language', event.language),
      leaf('abstract', event.abstract),
      leaf('description', event.description),
      {
        name: 'recording',
        children: [leaf('license', event.recording_license), leaf('optout', String(event.do_not_record))]
      },
      {
        name: 'persons',
        children: event.persons.map((person) => ({
          name: 'person',
          attributes: { id: person.id },
          children: person.public_name
        }))
      },
      { name: 'links', children: event.links.map((link) => reference('link', link)) },
      { name: 'attachments', children: event.attachments.map((link) => reference('attachment', link)) }
    ]
  };
}

function leaf(name: string, text: string | number): XmlElement {
  return { name, children: String(text) };
}

function reference(name: string, link: FrabLink): XmlElement {
  return { name, attributes: { href: link.url }, children: link.title };
}

function serialise(element: XmlElement, indent: string): string {
  const attributes = Object.entries(element.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
  const open = `${indent}<${element.name}${attributes}`;
  const { children } = element;
  if (children === undefined || children.length === 0) return `${open}/>`;
  if (typeof children === 'string') return `${open}>${escapeXml(children)}</${element.name}>`;
  const inner = children.map((child) => serialise(child, `${indent}  `)).join('\n');
  return `${open}>\n${inner}\n${indent}</${element.name}>`;
}

// With the `u` flag a surrogate only matches when it is unpaired.
const notXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/**
 * Escapes markup and drops what XML 1.0 cannot carry at all (control
 * characters, lone surrogates, U+FFFE/U+FFFF): one pasted control character
 * in a title would otherwise make the whole schedule unreadable.
 */
function escapeXml(text: string): string {
  return text
    .replace(notXmlCharacters, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** Parsers turn raw line breaks and tabs in attribute values into spaces. */
function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
