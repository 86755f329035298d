/**
 * What the console's speaker pages share at the edge: reading the posted
 * speaker form (and the photo upload) into the plain input the service
 * checks, turning its problem codes into messages beside their fields, the
 * city choices, and conflict rows. No rules here: the service decides.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import { speakerLimits, splitLanguageTags } from '$lib/domain/editing/speakerInput';
import type { FieldProblem } from '$lib/domain/editing/sessionInput';
import { pickText } from '$lib/domain/localizedText';
import type { Programme } from '$lib/domain/programme';
import type { Locale } from '$lib/i18n/locale';
import { messagesFor, type Messages } from '$lib/i18n/messages';
import { requireAccount, verifyConsoleForm, type ConsoleEvent } from '$lib/server/http/consoleRoute';
import { posted, postedFlag, postedTexts, readId } from '$lib/server/http/formFields';
import { speakerPhotoMaxBytes } from '$lib/server/services/speakerEditing';
import type { Choice } from '$lib/ui/console/programme/formValues';
import {
  speakerFieldId,
  translatableSpeakerFields,
  type SpeakerFormValues
} from '$lib/ui/console/speakers/speakerFormValues';
import { languageName } from '$lib/ui/format';
import type { ConflictRow } from '../programmeEditing.server';

export type SpeakerMessages = Messages['consoleSpeakers'];
type ErrorCode = keyof SpeakerMessages['errors'];

/** Whole megabytes, for messages. */
export const photoMegabytes = Math.floor(speakerPhotoMaxBytes / (1024 * 1024));

/** What a failed speaker form hands back to its page. */
export interface SpeakerFormProblem {
  /** Which form on the page failed, so only that one shows the problem. */
  readonly action: 'save' | 'photo' | 'delete' | 'restore';
  /** Element id → message in the reader's language. */
  readonly errors: Record<string, string>;
  readonly message: string | null;
  readonly values?: SpeakerFormValues;
  readonly conflict?: readonly ConflictRow[];
}

export function problem(status: number, data: SpeakerFormProblem): ActionFailure<SpeakerFormProblem> {
  return fail(status, data);
}

/** The speaker form as the service's input, and as values to show the form again. */
export function readSpeakerForm(
  form: FormData,
  locales: readonly string[]
): { input: unknown; values: SpeakerFormValues } {
  const [name, jobTitle, organisation, bio] = translatableSpeakerFields.map((field) =>
    postedTexts(form, field, locales)
  );
  const city = posted(form, 'cityId');
  const languages = posted(form, 'languages');
  const presence = posted(form, 'presence');
  const flag = postedFlag(form, 'isIllustrative');
  return {
    input: {
      name: name!.raw,
      jobTitle: jobTitle!.raw,
      organisation: organisation!.raw,
      bio: bio!.raw,
      cityId: city.raw === '' ? null : city.raw,
      languages: typeof languages.raw === 'string' ? splitLanguageTags(languages.raw) : languages.raw,
      presence: presence.raw,
      isIllustrative: flag.raw
    },
    values: {
      name: name!.text,
      jobTitle: jobTitle!.text,
      organisation: organisation!.text,
      bio: bio!.text,
      cityId: city.text,
      languages: languages.text,
      presence: presence.text,
      isIllustrative: flag.checked,
      version: posted(form, 'version').text
    }
  };
}

/** A speaker id posted by a button's form; '' when it is not one. */
export function readSpeakerId(form: FormData): string {
  return readId(form, 'speaker');
}

/** What to say about a field the schema refused, by the kind of field it is. */
function invalidFieldMessage(m: SpeakerMessages, field: string): string {
  const [name = '', index] = field.split('.', 2);
  if (name === 'name' || name === 'jobTitle' || name === 'organisation' || name === 'bio')
    return m.invalid.text(speakerLimits[name]);
  if (name === 'languages')
    return index === undefined ? m.invalid.languages(speakerLimits.languages) : m.errors['speaker.invalid_language'];
  if (name === 'cityId' || name === 'presence') return m.invalid.choice;
  if (name === 'isIllustrative') return m.invalid.flag;
  return m.errors['speaker.invalid_field'];
}

export function problemMessage(m: SpeakerMessages, problem: FieldProblem): string {
  if (problem.code === 'speaker.invalid_field') return invalidFieldMessage(m, problem.field);
  if (problem.code === 'photo.too_large') return m.photo.tooLarge(photoMegabytes);
  return problem.code in m.errors ? m.errors[problem.code as ErrorCode] : m.errors['speaker.invalid_field'];
}

/** Problems as messages keyed by the id of their field (the first problem of a field wins). */
export function problemErrors(
  problems: readonly FieldProblem[],
  m: SpeakerMessages
): { errors: Record<string, string>; message: string | null } {
  const errors: Record<string, string> = {};
  for (const p of problems) errors[speakerFieldId(p.field)] ??= problemMessage(m, p);
  return { errors, message: null };
}

/** The edition's cities in their running order, named in the reader's language. */
export function cityChoices(programme: Programme, locale: Locale): Choice[] {
  const fallback = programme.edition.defaultLocale;
  return programme.cities.map((c) => {
    const picked = pickText(c.name, locale, fallback);
    return {
      value: c.id,
      label: picked?.text ?? c.id,
      lang: picked && picked.lang !== locale ? picked.lang : undefined
    };
  });
}

/** The fields where the saved speaker (theirs) and the refused form (yours) differ, readable. */
export function speakerConflictRows(
  theirs: SpeakerFormValues,
  yours: SpeakerFormValues,
  programme: Programme,
  locale: Locale
): ConflictRow[] {
  const all = messagesFor(locale);
  const m = all.consoleSpeakers;
  const cities = cityChoices(programme, locale);
  const cityName = (id: string) => (id ? (cities.find((c) => c.value === id)?.label ?? id) : m.form.noCity);
  const presence = (value: string) => (value === 'on_site' || value === 'remote' ? m.form.presences[value] : value);
  const flag = (value: boolean) => (value ? all.consoleProgramme.conflict.yes : all.consoleProgramme.conflict.no);
  const rows: ConflictRow[] = [];
  for (const field of translatableSpeakerFields) {
    for (const l of programme.edition.locales) {
      const row = {
        field: all.consoleProgramme.form.inLanguage(m.fields[field], languageName(l, locale)),
        theirs: theirs[field][l] ?? '',
        yours: (yours[field][l] ?? '').trim(),
        lang: l
      };
      if (row.theirs !== row.yours) rows.push(row);
    }
  }
  const others: ConflictRow[] = [
    { field: m.fields.cityId, theirs: cityName(theirs.cityId), yours: cityName(yours.cityId) },
    { field: m.fields.languages, theirs: theirs.languages, yours: splitLanguageTags(yours.languages).join(', ') },
    { field: m.fields.presence, theirs: presence(theirs.presence), yours: presence(yours.presence) },
    { field: m.fields.isIllustrative, theirs: flag(theirs.isIllustrative), yours: flag(yours.isIllustrative) }
  ];
  return [...rows, ...others.filter((row) => row.theirs !== row.yours)];
}

/**
 * The photo form, read with the body-size limit in mind: a body over the
 * limit (adapter-node refuses it while reading, before the CSRF field could
 * be seen) is answered with `too_large` and nothing is stored; anything
 * else goes through the usual CSRF check.
 */
export async function readPhotoForm(
  event: ConsoleEvent
): Promise<{ status: 'read'; form: FormData } | { status: 'too_large' }> {
  requireAccount(event);
  let form: FormData;
  try {
    form = await event.request.formData();
  } catch (failure) {
    if (isTooLarge(failure)) return { status: 'too_large' };
    form = new FormData();
  }
  return { status: 'read', form: verifyConsoleForm(event, form) };
}

/** adapter-node fails the body stream with a 413 error; the body reader may wrap it as the cause. */
function isTooLarge(failure: unknown): boolean {
  for (
    let current = failure, depth = 0;
    current && depth < 3;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    if (typeof current === 'object' && 'status' in current && (current as { status: unknown }).status === 413)
      return true;
  }
  return false;
}
