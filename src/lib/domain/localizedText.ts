/**
 * Translatable text: one string per locale, with a fallback chain so a reader
 * always sees something, and the page can mark text that is in another
 * language (`lang` attribute) for screen readers.
 */
export type LocalizedText = Readonly<Record<string, string>>;

export interface PickedText {
  readonly text: string;
  /** The locale the text is actually in (may differ from the one asked for). */
  readonly lang: string;
}

/** Picks `locale`, then `fallbackLocale`, then any non-empty translation. */
export function pickText(
  value: LocalizedText | null | undefined,
  locale: string,
  fallbackLocale: string
): PickedText | null {
  if (!value) return null;
  for (const candidate of [locale, fallbackLocale]) {
    const text = value[candidate];
    if (text && text.trim() !== '') return { text, lang: candidate };
  }
  for (const [lang, text] of Object.entries(value)) {
    if (text && text.trim() !== '') return { text, lang };
  }
  return null;
}

/** Same as `pickText`, as a plain string ('' when nothing is there). */
export function textIn(value: LocalizedText | null | undefined, locale: string, fallbackLocale: string): string {
  return pickText(value, locale, fallbackLocale)?.text ?? '';
}

/** Locales of `required` that `value` has no text for. */
export function missingLocales(value: LocalizedText, required: readonly string[]): string[] {
  return required.filter((locale) => !value[locale] || value[locale].trim() === '');
}
