/**
 * A speaker as an organiser enters them: name, job title, organisation and
 * biography per locale, the city they take part from (one of the edition's,
 * or none), the languages they speak as BCP 47 tags, and whether they join
 * on site or remotely. Checked here so every edge applies the same rules.
 */
import { z } from 'zod';
import type { LocalizedText } from '../localizedText.js';
import { speakerPresences, type SpeakerPresence } from '../programme.js';
import { localizedTextSchema, recordId, type FieldProblem } from './sessionInput.js';

/** Longest texts and lists a speaker takes; the console's form fields name the same numbers. */
export const speakerLimits = {
  name: 200,
  jobTitle: 200,
  organisation: 300,
  bio: 4000,
  languages: 20,
  languageTag: 35
} as const;

export const speakerInputSchema = z.object({
  name: localizedTextSchema(speakerLimits.name),
  jobTitle: localizedTextSchema(speakerLimits.jobTitle),
  organisation: localizedTextSchema(speakerLimits.organisation),
  bio: localizedTextSchema(speakerLimits.bio),
  cityId: recordId.nullable(),
  /** Checked one by one in `resolveSpeaker`, so the problem names the tag that is wrong. */
  languages: z.array(z.string().max(speakerLimits.languageTag)).max(speakerLimits.languages),
  presence: z.enum(speakerPresences),
  isIllustrative: z.boolean()
});
export type SpeakerInput = z.infer<typeof speakerInputSchema>;

export interface SpeakerValues {
  readonly name: LocalizedText;
  readonly jobTitle: LocalizedText;
  readonly organisation: LocalizedText;
  readonly bio: LocalizedText;
  readonly cityId: string | null;
  /** Canonical BCP 47 tags, each once, in the order given. */
  readonly languages: readonly string[];
  readonly presence: SpeakerPresence;
  readonly isIllustrative: boolean;
}

export interface SpeakerFacts {
  readonly defaultLocale: string;
  /** Cities of the edition that are not deleted. */
  readonly cityIds: readonly string[];
}

// language[-script][-region][-variant…]; private use and grandfathered tags are not languages people speak.
const languageTag = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;

/** The canonical form of a BCP 47 language tag (`EN-gb` → `en-GB`), or null when it is not one. */
export function canonicalLanguageTag(tag: string): string | null {
  if (!languageTag.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** Splits what an organiser typed ("ko, en-GB fr") into tags; the order is kept. */
export function splitLanguageTags(text: string): string[] {
  return text.split(/[\s,;]+/).filter((t) => t !== '');
}

/** Checks a parsed input against the edition. */
export function resolveSpeaker(
  input: SpeakerInput,
  facts: SpeakerFacts
): { ok: true; values: SpeakerValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!input.name[facts.defaultLocale])
    problems.push({ field: `name.${facts.defaultLocale}`, code: 'speaker.name_required' });
  if (input.cityId !== null && !facts.cityIds.includes(input.cityId))
    problems.push({ field: 'cityId', code: 'speaker.unknown_city' });
  const languages = input.languages.map(canonicalLanguageTag);
  if (languages.some((tag) => tag === null)) problems.push({ field: 'languages', code: 'speaker.invalid_language' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: {
      name: input.name,
      jobTitle: input.jobTitle,
      organisation: input.organisation,
      bio: input.bio,
      cityId: input.cityId,
      languages: [...new Set(languages as string[])],
      presence: input.presence,
      isIllustrative: input.isIllustrative
    }
  };
}
