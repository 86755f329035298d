/**
 * What the console's edition and day forms hold: plain strings as the
 * browser posts them, per locale for translatable fields, so a form that
 * failed is shown again exactly as it was sent.
 */
import type { LocalizedText } from '$lib/domain/localizedText';
import type { EditableDay } from '$lib/domain/editing/dayInput';
import type { Edition } from '$lib/domain/programme';

export interface EditionFormValues {
  readonly slug: string;
  readonly title: LocalizedText;
  readonly theme: LocalizedText;
  readonly summary: LocalizedText;
  readonly hostZone: string;
  /** Ticked languages (checkboxes). */
  readonly locales: readonly string[];
  /** More languages as typed, space-separated. */
  readonly extraLocales: string;
  readonly defaultLocale: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly version: string;
}

export interface DayFormValues {
  readonly date: string;
  readonly title: LocalizedText;
  readonly version: string;
}

export const emptyEditionForm: EditionFormValues = {
  slug: '',
  title: {},
  theme: {},
  summary: {},
  hostZone: 'Asia/Seoul',
  locales: ['ko', 'en'],
  extraLocales: '',
  defaultLocale: 'ko',
  startsOn: '',
  endsOn: '',
  version: ''
};

export function editionFormValues(edition: Edition): EditionFormValues {
  return {
    slug: edition.slug,
    title: edition.title,
    theme: edition.theme,
    summary: edition.summary,
    hostZone: edition.hostZone,
    locales: edition.locales,
    extraLocales: '',
    defaultLocale: edition.defaultLocale,
    startsOn: edition.startsOn,
    endsOn: edition.endsOn,
    version: String(edition.version)
  };
}

export function dayFormValues(day: EditableDay): DayFormValues {
  return { date: day.date, title: day.title, version: String(day.version) };
}

/**
 * The element id of a field a problem names, with the form's prefix:
 * `title.ko` → `title-ko`, `locales.3` → `locales` (the group).
 */
export function editionFieldId(prefix: string, field: string): string {
  const [name = '', rest] = field.split('.', 2);
  return `${prefix}${name === 'locales' || rest === undefined ? name : `${name}-${rest}`}`;
}
