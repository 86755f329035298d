/**
 * schema.org Event data for a session page, so search engines and link
 * previews know what, when and where (online) it is, plus the one safe way to
 * put it inside `<script type="application/ld+json">`.
 */
import type { Programme } from '../programme.js';
import { isoWithOffset } from '../time.js';
import { editionUrl, findPublishedSession, localText, type ExportOptions } from './publishedSessions.js';

const online = 'https://schema.org/OnlineEventAttendanceMode';
// Sessions are never marked cancelled or moved in the programme; a published
// session is one that takes place as scheduled.
const scheduled = 'https://schema.org/EventScheduled';

export type JsonLd = { readonly [key: string]: JsonLdValue };
export type JsonLdValue = string | number | boolean | null | JsonLd | readonly JsonLdValue[];

/** The schema.org Event of a published session, or null when there is no such session. */
export function sessionJsonLd(programme: Programme, sessionId: string, options: ExportOptions): JsonLd | null {
  const published = findPublishedSession(programme, sessionId, options);
  if (!published) return null;
  const { edition, organisation } = programme;
  const text = localText(programme, options);
  const zone = edition.hostZone;
  const organizer: JsonLd = {
    '@type': 'Organization',
    name: text(organisation.name),
    ...(organisation.url ? { url: organisation.url } : {})
  };
  const forumUrl = editionUrl(options.baseUrl, edition);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': published.url,
    name: published.title,
    ...(published.summary ? { description: published.summary } : {}),
    url: published.url,
    startDate: isoWithOffset(published.session.startsAt, zone),
    endDate: isoWithOffset(published.session.endsAt, zone),
    eventAttendanceMode: online,
    eventStatus: scheduled,
    location: { '@type': 'VirtualLocation', url: published.url },
    inLanguage: published.lang,
    organizer,
    performer: published.speakers.map((speaker): JsonLd => ({
      '@type': 'Person',
      name: text(speaker.name),
      ...optional('jobTitle', text(speaker.jobTitle)),
      ...(text(speaker.organisation)
        ? { affiliation: { '@type': 'Organization', name: text(speaker.organisation) } }
        : {}),
      // Uploaded photos are stored as paths on this site; schema.org wants an absolute address.
      ...optional('image', speaker.photoUrl ? new URL(speaker.photoUrl, options.baseUrl).href : '')
    })),
    superEvent: {
      '@type': 'Event',
      '@id': forumUrl,
      name: text(edition.title),
      url: forumUrl,
      startDate: edition.startsOn,
      endDate: edition.endsOn,
      eventAttendanceMode: online,
      eventStatus: scheduled,
      location: { '@type': 'VirtualLocation', url: forumUrl },
      organizer
    }
  };
}

/**
 * JSON to place between `<script type="application/ld+json">` and
 * `</script>`. HTML ends a script at the first `</script`, whatever the JSON
 * says, so `<`, `>` and `&` become `\u` escapes (same JSON, no markup), and so
 * do U+2028/U+2029 for readers that treat the text as JavaScript.
 */
export function jsonLdScript(value: JsonLd): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function optional(key: string, value: string): JsonLd {
  return value === '' ? {} : { [key]: value };
}
