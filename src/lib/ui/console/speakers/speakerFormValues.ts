/**
 * What the console's speaker form holds: plain strings as the browser posts
 * them (translatable fields per locale, languages as typed), so a form that
 * failed is shown again exactly as it was sent.
 */
import type { LocalizedText } from '$lib/domain/localizedText';
import type { Speaker } from '$lib/domain/programme';

export interface SpeakerFormValues {
  readonly name: LocalizedText;
  readonly jobTitle: LocalizedText;
  readonly organisation: LocalizedText;
  readonly bio: LocalizedText;
  /** '' for no city. */
  readonly cityId: string;
  /** As typed: tags separated by commas. */
  readonly languages: string;
  readonly presence: string;
  readonly isIllustrative: boolean;
  readonly version: string;
}

export const translatableSpeakerFields = ['name', 'jobTitle', 'organisation', 'bio'] as const;

export const emptySpeakerForm: SpeakerFormValues = {
  name: {},
  jobTitle: {},
  organisation: {},
  bio: {},
  cityId: '',
  languages: '',
  presence: 'on_site',
  isIllustrative: false,
  version: ''
};

export function speakerFormValues(speaker: Speaker & { readonly version: number }): SpeakerFormValues {
  return {
    name: speaker.name,
    jobTitle: speaker.jobTitle,
    organisation: speaker.organisation,
    bio: speaker.bio,
    cityId: speaker.cityId ?? '',
    languages: speaker.languages.join(', '),
    presence: speaker.presence,
    isIllustrative: speaker.isIllustrative,
    version: String(speaker.version)
  };
}

/** The element id of a field a problem names: `name.ko` → `name-ko`, `languages.3` → `languages`. */
export function speakerFieldId(field: string): string {
  const [name = '', rest] = field.split('.', 2);
  return (translatableSpeakerFields as readonly string[]).includes(name) && rest !== undefined
    ? `${name}-${rest}`
    : name;
}
