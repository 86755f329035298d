/**
 * An edition as an organiser enters it in the console: its URL slug, texts
 * per locale, host zone, the languages it offers and its dates. Checked here
 * so creating and editing an edition apply the same rules; the rules that
 * need the stored edition (days inside the dates, translations a removed
 * language would hide, a published edition's slug) take plain facts.
 */
import { z } from 'zod';
import type { LocalizedText } from '../localizedText.js';
import { isKnownZone } from '../time.js';
import { localizedTextSchema, type FieldProblem } from './sessionInput.js';

/** Longest texts of an edition; the forms set `maxlength` and the messages name them. */
export const editionTextLimits = { title: 200, theme: 300, summary: 4000 } as const;
/** How many languages one edition may offer. */
export const maxEditionLocales = 10;

/**
 * Top-level paths the site uses itself: an edition lives at `/<slug>`, so
 * these can never be edition slugs.
 */
export const reservedSlugs: readonly string[] = [
  'console',
  'accessibility',
  'api',
  'healthz',
  'metrics',
  'new',
  'static',
  'media'
];

export const editionSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'not a slug')
  .refine((slug) => !slug.endsWith('-') && !slug.includes('--'), 'not a slug');
/** A BCP 47 language tag as the texts are keyed: `ko`, `en`, `zh-Hant`. */
export const localeTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'not a language tag');
/** A calendar date `YYYY-MM-DD` that exists. */
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'not a date');

export const editionInputSchema = z.object({
  slug: editionSlug,
  title: localizedTextSchema(editionTextLimits.title),
  theme: localizedTextSchema(editionTextLimits.theme),
  summary: localizedTextSchema(editionTextLimits.summary),
  hostZone: z.string().max(64),
  locales: z.array(localeTag).min(1).max(maxEditionLocales),
  defaultLocale: z.string().max(20),
  startsOn: localDate,
  endsOn: localDate
});
export type EditionInput = z.infer<typeof editionInputSchema>;

export interface EditionValues {
  readonly slug: string;
  readonly title: LocalizedText;
  readonly theme: LocalizedText;
  readonly summary: LocalizedText;
  readonly hostZone: string;
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** What the rules need to know of an edition being edited (nothing for a new one). */
export interface StoredEditionFacts {
  readonly slug: string;
  readonly isPublished: boolean;
  /** Dates of its live days. */
  readonly dayDates: readonly string[];
  /** Per locale: how many live records of the edition (days, sessions, speakers …, not the edition itself) have a text in it. */
  readonly translationsByLocale: Readonly<Record<string, number>>;
}

/** Checks a parsed input (and, for an edit, the stored edition) and returns the values to store. */
export function resolveEdition(
  input: EditionInput,
  stored: StoredEditionFacts | null = null
): { ok: true; values: EditionValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const locales = [...new Set(input.locales)];
  if (reservedSlugs.includes(input.slug)) problems.push({ field: 'slug', code: 'edition.slug_reserved' });
  if (stored && stored.isPublished && stored.slug !== input.slug)
    problems.push({ field: 'slug', code: 'edition.slug_locked' });
  if (!isKnownZone(input.hostZone)) problems.push({ field: 'hostZone', code: 'edition.unknown_zone' });
  if (!locales.includes(input.defaultLocale))
    problems.push({ field: 'defaultLocale', code: 'edition.default_locale_not_offered' });
  else if (!input.title[input.defaultLocale])
    problems.push({ field: `title.${input.defaultLocale}`, code: 'edition.title_required' });
  if (input.endsOn < input.startsOn) problems.push({ field: 'endsOn', code: 'edition.ends_before_start' });
  else if (stored && stored.dayDates.some((date) => date < input.startsOn || date > input.endsOn)) {
    problems.push({ field: 'startsOn', code: 'edition.days_outside_dates' });
  }
  // A language is removed only once nothing is written in it: no text is ever dropped silently.
  if (removedLocalesWithTexts(input, stored, locales).length > 0)
    problems.push({ field: 'locales', code: 'edition.locale_has_translations' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: {
      slug: input.slug,
      title: input.title,
      theme: input.theme,
      summary: input.summary,
      hostZone: input.hostZone,
      locales,
      defaultLocale: input.defaultLocale,
      startsOn: input.startsOn,
      endsOn: input.endsOn
    }
  };
}

/**
 * Languages with texts that the input does not offer, and how many records
 * have them: the edition's own texts as entered, plus the stored records.
 */
export function removedLocalesWithTexts(
  input: Pick<EditionInput, 'title' | 'theme' | 'summary'>,
  stored: StoredEditionFacts | null,
  locales: readonly string[]
): { locale: string; records: number }[] {
  const counts = new Map<string, number>(Object.entries(stored?.translationsByLocale ?? {}));
  const own = new Set([input.title, input.theme, input.summary].flatMap((text) => Object.keys(text)));
  for (const locale of own) counts.set(locale, (counts.get(locale) ?? 0) + 1);
  return [...counts]
    .filter(([locale, records]) => records > 0 && !locales.includes(locale))
    .map(([locale, records]) => ({ locale, records }))
    .sort((a, b) => a.locale.localeCompare(b.locale));
}

/** Per locale, how many live records of a programme (not the edition itself) have a text in it. */
export function translationsByLocale(records: readonly (readonly LocalizedText[])[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const texts of records) {
    for (const locale of new Set(
      texts.flatMap((text) => Object.keys(text).filter((l) => (text[l] ?? '').trim() !== ''))
    )) {
      counts[locale] = (counts[locale] ?? 0) + 1;
    }
  }
  return counts;
}

/** Days outside the given dates (to name them when the edition's dates are refused). */
export function datesOutside(dayDates: readonly string[], startsOn: string, endsOn: string): string[] {
  return dayDates.filter((date) => date < startsOn || date > endsOn).sort();
}
