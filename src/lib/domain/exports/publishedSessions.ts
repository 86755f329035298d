/**
 * What every export says about a session, resolved once: texts in the
 * reader's locale, the public page URL, stage, speakers, programme items and
 * channels. Only published sessions leave the forum through an export.
 */
import { pickText, textIn, type LocalizedText } from '../localizedText.js';
import type { Channel, Edition, Programme, ProgrammeItem, Session, Speaker, Stage } from '../programme.js';

export interface ExportOptions {
  /** Absolute site origin, e.g. `https://forum.example` (a trailing `/` is ignored). */
  readonly baseUrl: string;
  readonly locale: string;
  /** The export's own timestamp (iCalendar DTSTAMP); defaults to the current time. */
  readonly now?: Date;
}

export interface PublishedSession {
  readonly session: Session;
  readonly title: string;
  readonly summary: string;
  /** The locale `title` is really in, which may be the fallback locale. */
  readonly lang: string;
  /** Public page of the session; also its "location", since the forum is online. */
  readonly url: string;
  readonly stage: Stage | null;
  /** In programme order, each speaker once. */
  readonly speakers: readonly Speaker[];
  readonly items: readonly ProgrammeItem[];
  readonly channels: readonly Channel[];
}

/** Text of `value` in the export's locale, falling back to the edition's default. */
export function localText(programme: Programme, options: ExportOptions): (value: LocalizedText) => string {
  return (value) => textIn(value, options.locale, programme.edition.defaultLocale);
}

export function editionUrl(baseUrl: string, edition: Edition): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(edition.slug)}`;
}

export function sessionUrl(baseUrl: string, edition: Edition, sessionId: string): string {
  return `${editionUrl(baseUrl, edition)}/sessions/${encodeURIComponent(sessionId)}`;
}

/** Published sessions of the programme, in time order. */
export function publishedSessions(programme: Programme, options: ExportOptions): PublishedSession[] {
  return programme.sessions
    .filter((session) => session.state === 'published')
    .sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position || compareStrings(a.id, b.id)
    )
    .map((session) => resolve(programme, session, options));
}

/** One published session, or null when there is none with that id. */
export function findPublishedSession(
  programme: Programme,
  sessionId: string,
  options: ExportOptions
): PublishedSession | null {
  const session = programme.sessions.find((s) => s.id === sessionId && s.state === 'published');
  return session ? resolve(programme, session, options) : null;
}

/** One line naming a speaker, e.g. `Kim Seo-yeon (Research Fellow, Seoul Institute)`. */
export function speakerLine(speaker: Speaker, text: (value: LocalizedText) => string): string {
  const role = [text(speaker.jobTitle), text(speaker.organisation)].filter((part) => part !== '');
  return role.length > 0 ? `${text(speaker.name)} (${role.join(', ')})` : text(speaker.name);
}

function resolve(programme: Programme, session: Session, options: ExportOptions): PublishedSession {
  const text = localText(programme, options);
  const items = programme.items.filter((item) => item.sessionId === session.id).sort((a, b) => a.position - b.position);
  const speakersById = new Map(programme.speakers.map((speaker) => [speaker.id, speaker]));
  const speakerIds = [...new Set(items.flatMap((item) => item.speakerIds))];
  return {
    session,
    title: text(session.title),
    summary: text(session.summary),
    lang:
      pickText(session.title, options.locale, programme.edition.defaultLocale)?.lang ?? programme.edition.defaultLocale,
    url: sessionUrl(options.baseUrl, programme.edition, session.id),
    stage: programme.stages.find((stage) => stage.id === session.stageId) ?? null,
    speakers: speakerIds.flatMap((id) => speakersById.get(id) ?? []),
    items,
    channels: session.channelIds.flatMap((id) => programme.channels.find((c) => c.id === id) ?? [])
  };
}

// Code-unit order, not locale order, so exports are identical on every server.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
