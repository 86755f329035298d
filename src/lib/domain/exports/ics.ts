/**
 * The programme as an iCalendar feed (RFC 5545) that people subscribe to or
 * import: one VEVENT per published session, for the whole edition or for one
 * session ("add to my calendar").
 */
import type { Programme } from '../programme.js';
import {
  localText,
  publishedSessions,
  findPublishedSession,
  speakerLine,
  type ExportOptions,
  type PublishedSession
} from './publishedSessions.js';
import { escapeText, foldLine, utcDateTime } from './icsText.js';

/** The whole edition's published programme as a VCALENDAR. */
export function programmeToIcs(programme: Programme, options: ExportOptions): string {
  return calendar(programme, publishedSessions(programme, options), options);
}

/** A VCALENDAR with one published session, or null when there is no such session. */
export function sessionToIcs(programme: Programme, sessionId: string, options: ExportOptions): string | null {
  const session = findPublishedSession(programme, sessionId, options);
  return session ? calendar(programme, [session], options) : null;
}

/**
 * Stable per session and edition, never random or time-based, so a
 * re-imported or refreshed feed updates the events a person already has
 * instead of duplicating them.
 */
export function sessionUid(programme: Programme, sessionId: string): string {
  return `session-${sessionId}@${programme.edition.slug}.madang`;
}

function calendar(programme: Programme, sessions: readonly PublishedSession[], options: ExportOptions): string {
  const text = localText(programme, options);
  const stamp = utcDateTime(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Madang//Madang//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(text(programme.edition.title))}`,
    ...sessions.flatMap((session) => eventLines(programme, session, options, stamp)),
    'END:VCALENDAR'
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function eventLines(
  programme: Programme,
  published: PublishedSession,
  options: ExportOptions,
  stamp: string
): string[] {
  const { session } = published;
  const text = localText(programme, options);
  const description = [published.summary, published.speakers.map((speaker) => speakerLine(speaker, text)).join('\n')]
    .filter((part) => part !== '')
    .join('\n\n');
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(sessionUid(programme, session.id))}`,
    `DTSTAMP:${stamp}`,
    // The session's version only grows, which is what SEQUENCE asks for.
    `SEQUENCE:${Math.max(0, Math.trunc(session.version))}`,
    // UTC times are one unambiguous instant in every calendar, so no VTIMEZONE
    // (which would have to spell out DST rules for the host zone) is needed and
    // each reader's calendar shows the session in their own zone.
    `DTSTART:${utcDateTime(session.startsAt)}`,
    `DTEND:${utcDateTime(session.endsAt)}`,
    `SUMMARY:${escapeText(published.title)}`,
    ...(description === '' ? [] : [`DESCRIPTION:${escapeText(description)}`]),
    `URL:${published.url}`,
    // The forum is online: where to go is the session's page.
    `LOCATION:${escapeText(published.url)}`,
    `CATEGORIES:${escapeText(session.kind)}`,
    'STATUS:CONFIRMED',
    'END:VEVENT'
  ];
}
