/**
 * The translations an edition still lacks, record by record: a field of a
 * record misses locale L when it has text in another of the edition's
 * locales but none in L. A field empty in every locale (an optional summary
 * nobody wrote) is not a missing translation, so the list stays about
 * translating, not about writing.
 */
import type { LocalizedText } from '../localizedText.js';
import type { Programme } from '../programme.js';

export const translatedRecordTypes = [
  'edition',
  'day',
  'session',
  'programme_item',
  'speaker',
  'city',
  'channel',
  'stage'
] as const;
export type TranslatedRecordType = (typeof translatedRecordTypes)[number];

export interface FieldGap {
  /** The field's name as the record has it (`title`, `jobTitle` …). */
  readonly field: string;
  readonly missing: readonly string[];
}

export interface TranslationGap {
  readonly recordType: TranslatedRecordType;
  readonly recordId: string;
  /** What the record is called, to list it by. */
  readonly name: LocalizedText;
  /** The session a programme item belongs to. */
  readonly sessionId?: string;
  readonly fields: readonly FieldGap[];
}

function gapsOf(fields: Readonly<Record<string, LocalizedText>>, locales: readonly string[]): FieldGap[] {
  const has = (text: LocalizedText, locale: string) => (text[locale] ?? '').trim() !== '';
  return Object.entries(fields)
    .map(([field, text]) => ({ field, text, written: locales.filter((l) => has(text, l)) }))
    .filter(({ written }) => written.length > 0 && written.length < locales.length)
    .map(({ field, text }) => ({ field, missing: locales.filter((l) => !has(text, l)) }));
}

/** Every record of the programme with a gap, in the order an organiser works through them. */
export function translationGaps(programme: Programme): TranslationGap[] {
  const { edition } = programme;
  const locales = edition.locales;
  const gaps: TranslationGap[] = [];
  const add = (
    recordType: TranslatedRecordType,
    recordId: string,
    name: LocalizedText,
    fields: Record<string, LocalizedText>,
    sessionId?: string
  ) => {
    const found = gapsOf(fields, locales);
    if (found.length > 0) gaps.push({ recordType, recordId, name, fields: found, ...(sessionId ? { sessionId } : {}) });
  };
  add('edition', edition.id, edition.title, { title: edition.title, theme: edition.theme, summary: edition.summary });
  for (const day of [...programme.days].sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position)) {
    add('day', day.id, day.title, { title: day.title });
  }
  const sessions = [...programme.sessions].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position
  );
  for (const session of sessions) {
    add('session', session.id, session.title, { title: session.title, summary: session.summary });
    const items = programme.items.filter((i) => i.sessionId === session.id).sort((a, b) => a.position - b.position);
    for (const item of items)
      add('programme_item', item.id, item.title, { title: item.title, summary: item.summary }, session.id);
  }
  for (const speaker of programme.speakers) {
    add('speaker', speaker.id, speaker.name, {
      name: speaker.name,
      jobTitle: speaker.jobTitle,
      organisation: speaker.organisation,
      bio: speaker.bio
    });
  }
  for (const city of [...programme.cities].sort((a, b) => a.position - b.position))
    add('city', city.id, city.name, { name: city.name, summary: city.summary });
  for (const channel of [...programme.channels].sort((a, b) => a.position - b.position))
    add('channel', channel.id, channel.name, { name: channel.name });
  for (const stage of programme.stages) add('stage', stage.id, stage.name, { name: stage.name });
  return gaps;
}

/** How many fields miss each locale, for a summary line per language. */
export function gapCounts(
  gaps: readonly TranslationGap[],
  locales: readonly string[]
): { readonly locale: string; readonly fields: number }[] {
  return locales.map((locale) => ({
    locale,
    fields: gaps.flatMap((g) => g.fields).filter((f) => f.missing.includes(locale)).length
  }));
}
