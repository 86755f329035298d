/**
 * Reading a posted form's fields, once for every route: text fields, lists,
 * checkboxes and translated texts, the record version a form was based on,
 * and record ids posted by buttons. Each reader gives the text to show the
 * form again and, where a schema checks the value, the raw value so that a
 * file where text belongs is refused by the schema rather than read as ''.
 */
import type { LocalizedText } from '../../domain/localizedText.js';

/** A text field of the form ('' when absent or not text). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** A posted field: the text, or for anything else (a file where text belongs) the raw value so the schema refuses it. */
export function posted(form: FormData, name: string): { readonly text: string; readonly raw: unknown } {
  const value = form.get(name);
  if (value === null) return { text: '', raw: '' };
  return typeof value === 'string' ? { text: value, raw: value } : { text: '', raw: value };
}

/** Every value posted under one name (a multiple choice): the texts to show again, the raw values for the schema. */
export function postedList(form: FormData, name: string): { readonly texts: string[]; readonly raw: unknown[] } {
  const values = form.getAll(name);
  return { texts: values.filter((v): v is string => typeof v === 'string'), raw: values };
}

/** A checkbox: absent is no, `on` is yes, anything else is passed on for the schema to refuse. */
export function postedFlag(form: FormData, name: string): { readonly checked: boolean; readonly raw: unknown } {
  const value = form.get(name);
  if (value === null) return { checked: false, raw: false };
  return value === 'on' ? { checked: true, raw: true } : { checked: false, raw: value };
}

/** A translated text posted as `<name>.<locale>` per language of the edition. */
export function postedTexts(
  form: FormData,
  name: string,
  locales: readonly string[]
): { readonly text: LocalizedText; readonly raw: Record<string, unknown> } {
  const entries = locales.map((locale) => [locale, posted(form, `${name}.${locale}`)] as const);
  return {
    text: Object.fromEntries(entries.map(([locale, v]) => [locale, v.text])) as LocalizedText,
    raw: Object.fromEntries(entries.map(([locale, v]) => [locale, v.raw]))
  };
}

/** Record versions start at 1 and fit a 32-bit integer column; 0 is allowed only where it means "never saved". */
const versionPattern = /^[1-9]\d{0,8}$/;

/**
 * The `version` a form was based on; null when missing or not a whole
 * number (a tampered or truncated form). `allowZero` is for records that
 * exist before their first save (the word filter: 0 is a list never saved).
 */
export function readVersion(form: FormData, options: { readonly allowZero?: boolean } = {}): number | null {
  const text = field(form, 'version');
  if (options.allowZero && text === '0') return 0;
  return versionPattern.test(text) ? Number(text) : null;
}

/** A record id (session, item, speaker, city …) posted by a button's form; '' when it is not one. */
export function readId(form: FormData, name: string): string {
  const text = field(form, name);
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(text) ? text : '';
}
