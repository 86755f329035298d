/**
 * What the console's edition and day pages share at the edge: reading the
 * posted edition and day forms into the plain input the services check,
 * turning the services' problem codes (with what is in the way) into
 * messages beside their fields, and conflict rows. No rules here.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import { dayTextLimits } from '$lib/domain/editing/dayInput';
import { editionTextLimits } from '$lib/domain/editing/editionInput';
import { locales as interfaceLocales, type Locale } from '$lib/i18n/locale';
import { messagesFor, type Messages } from '$lib/i18n/messages';
import type { EditionProblem } from '$lib/server/services/editionEditing';
import { editionFieldId, type DayFormValues, type EditionFormValues } from '$lib/ui/console/edition/editionFormValues';
import type { Choice } from '$lib/ui/console/programme/formValues';
import { formatLocalDate, languageName } from '$lib/ui/format';
import { differing, textRows, type ConflictRow } from './[edition=slug]/programmeEditing.server';
import { posted, postedList, postedTexts } from '$lib/server/http/formFields';

type EditionMessages = Messages['consoleEdition'];
type ErrorCode = keyof EditionMessages['errors'];

/** What a failed edition or day form hands back to its page: one shape for every action. */
export interface EditionFormProblem {
  /** Which form failed: the edition form, publishing, deleting, a day's form (`day:<id>`), the new day, the day list. */
  readonly action: string;
  readonly errors: Record<string, string>;
  readonly message: string | null;
  readonly values?: EditionFormValues;
  readonly dayValues?: DayFormValues;
  readonly conflict?: readonly ConflictRow[];
}

export function editionProblem(status: 400 | 404 | 409, data: EditionFormProblem): ActionFailure<EditionFormProblem> {
  return fail(status, data);
}

/** The languages to choose from: the interface's, plus any the edition already offers. */
export function localeChoices(offered: readonly string[], uiLocale: Locale): Choice[] {
  return [...new Set([...interfaceLocales, ...offered])].map((code) => ({
    value: code,
    label: `${languageName(code, uiLocale)} (${code})`
  }));
}

/** The edition form as the service's input, and as values to show the form again. */
export function readEditionForm(
  form: FormData,
  textLocales: readonly string[]
): { input: unknown; values: EditionFormValues } {
  const title = postedTexts(form, 'title', textLocales);
  const theme = postedTexts(form, 'theme', textLocales);
  const summary = postedTexts(form, 'summary', textLocales);
  const ticked = postedList(form, 'locales');
  const extra = posted(form, 'extraLocales');
  const extraTags = extra.text.split(/[\s,]+/).filter(Boolean);
  const fields = Object.fromEntries(
    (['slug', 'hostZone', 'defaultLocale', 'startsOn', 'endsOn'] as const).map((name) => [name, posted(form, name)])
  );
  const raw = (name: string) => fields[name]!.raw;
  const text = (name: string) => fields[name]!.text.trim();
  return {
    input: {
      slug: typeof raw('slug') === 'string' ? text('slug') : raw('slug'),
      title: title.raw,
      theme: theme.raw,
      summary: summary.raw,
      hostZone: typeof raw('hostZone') === 'string' ? text('hostZone') : raw('hostZone'),
      locales: [...ticked.raw, ...extraTags],
      defaultLocale: raw('defaultLocale'),
      startsOn: typeof raw('startsOn') === 'string' ? text('startsOn') : raw('startsOn'),
      endsOn: typeof raw('endsOn') === 'string' ? text('endsOn') : raw('endsOn')
    },
    values: {
      slug: text('slug'),
      title: title.text,
      theme: theme.text,
      summary: summary.text,
      hostZone: text('hostZone'),
      locales: ticked.texts,
      extraLocales: extra.text,
      defaultLocale: text('defaultLocale'),
      startsOn: text('startsOn'),
      endsOn: text('endsOn'),
      version: posted(form, 'version').text
    }
  };
}

/** A day form as input and values (each day has its own form, so only element ids carry the day). */
export function readDayForm(form: FormData, textLocales: readonly string[]): { input: unknown; values: DayFormValues } {
  const date = posted(form, 'date');
  const title = postedTexts(form, 'title', textLocales);
  return {
    input: { date: typeof date.raw === 'string' ? date.text.trim() : date.raw, title: title.raw },
    values: { date: date.text.trim(), title: title.text, version: posted(form, 'version').text }
  };
}

/** Longest texts per field name, for the edition form and for day forms. */
type TextLimits = Readonly<Partial<Record<'title' | 'theme' | 'summary', number>>>;

function invalidFieldMessage(m: EditionMessages, field: string, limits: TextLimits): string {
  const name = field.split('.', 1)[0] ?? '';
  switch (name) {
    case 'slug':
      return m.invalid.slug;
    case 'title':
    case 'theme':
    case 'summary':
      return m.invalid.text(limits[name] ?? editionTextLimits[name]);
    case 'hostZone':
      return m.invalid.zone;
    case 'locales':
      return m.invalid.locales;
    case 'defaultLocale':
      return m.invalid.defaultLocale;
    case 'startsOn':
    case 'endsOn':
    case 'date':
      return m.invalid.date;
    default:
      return m.errors['edition.invalid_field'];
  }
}

/** The message of one problem, naming what is in the way where the service said. */
function problemMessage(problem: EditionProblem, m: EditionMessages, locale: Locale): string {
  const detail = problem.detail ?? [];
  switch (problem.code) {
    case 'edition.invalid_field':
      return invalidFieldMessage(m, problem.field, editionTextLimits);
    case 'day.invalid_field':
      return invalidFieldMessage(m, problem.field, dayTextLimits);
    case 'edition.days_outside_dates':
      return detail.length > 0
        ? m.detail.daysOutside(detail.map((d) => formatLocalDate(d.value, locale)).join(', '))
        : m.errors[problem.code];
    case 'edition.locale_has_translations':
      return m.detail.localesWithTexts(
        detail
          .map((d) => m.detail.localeCount(`${languageName(d.value, locale)} (${d.value})`, d.count ?? 0))
          .join(', ')
      );
    case 'day.has_sessions':
      return m.detail.dayHasSessions(detail[0]?.count ?? 0);
    case 'day.date_has_sessions':
      return m.detail.dayDateHasSessions(detail[0]?.count ?? 0);
    case 'day.outside_edition':
      // Without a field it is a restore refused because the edition's dates moved since.
      return problem.field === '' ? m.detail.dayOutsideEdition : m.errors[problem.code];
    default:
      return problem.code in m.errors ? m.errors[problem.code as ErrorCode] : m.errors['edition.invalid_field'];
  }
}

/** Problems as messages keyed by the id of their field (the first problem of a field wins); the rest as one message. */
export function editionProblemErrors(problems: readonly EditionProblem[], prefix: string, locale: Locale) {
  const m = messagesFor(locale).consoleEdition;
  const errors: Record<string, string> = {};
  let message: string | null = null;
  for (const problem of problems) {
    const text = problemMessage(problem, m, locale);
    if (problem.field === '') message ??= text;
    else errors[editionFieldId(prefix, problem.field)] ??= text;
  }
  return { errors, message };
}

/** The fields where the saved edition (theirs) and the refused form (yours) differ, readable. */
export function editionConflictRows(
  theirs: EditionFormValues,
  yours: EditionFormValues,
  textLocales: readonly string[],
  locale: Locale
): ConflictRow[] {
  const f = messagesFor(locale).consoleEdition.fields;
  const yourLocales = [...yours.locales, ...yours.extraLocales.split(/[\s,]+/).filter(Boolean)];
  return [
    ...textRows(f.title, theirs.title, yours.title, textLocales, locale),
    ...textRows(f.theme, theirs.theme, yours.theme, textLocales, locale),
    ...textRows(f.summary, theirs.summary, yours.summary, textLocales, locale),
    ...differing([
      { field: f.slug, theirs: theirs.slug, yours: yours.slug },
      { field: f.hostZone, theirs: theirs.hostZone, yours: yours.hostZone },
      { field: f.locales, theirs: theirs.locales.join(', '), yours: yourLocales.join(', ') },
      { field: f.defaultLocale, theirs: theirs.defaultLocale, yours: yours.defaultLocale },
      { field: f.startsOn, theirs: theirs.startsOn, yours: yours.startsOn },
      { field: f.endsOn, theirs: theirs.endsOn, yours: yours.endsOn }
    ])
  ];
}

export function dayConflictRows(
  theirs: DayFormValues,
  yours: DayFormValues,
  textLocales: readonly string[],
  locale: Locale
): ConflictRow[] {
  const f = messagesFor(locale).consoleEdition.fields;
  return [
    ...textRows(f.title, theirs.title, yours.title, textLocales, locale),
    ...differing([{ field: f.date, theirs: theirs.date, yours: yours.date }])
  ];
}
