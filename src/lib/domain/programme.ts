/**
 * The forum's programme as plain data: organisation → series → edition → day →
 * session → programme item, with speakers, cities, stages and channels.
 * Nothing here knows about HTTP, SQL or Svelte.
 */
import type { LocalizedText } from './localizedText.js';

export type PublicationState = 'draft' | 'published';

export const sessionKinds = ['seminar_part', 'conference_session', 'keynote', 'talk_concert', 'break'] as const;
export type SessionKind = (typeof sessionKinds)[number];

export const speakerPresences = ['remote', 'on_site'] as const;
export type SpeakerPresence = (typeof speakerPresences)[number];

export const channelKinds = ['site', 'youtube', 'social', 'other'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export interface Organisation {
  readonly id: string;
  readonly slug: string;
  readonly name: LocalizedText;
  readonly url: string | null;
}

export interface Series {
  readonly id: string;
  readonly organisationId: string;
  readonly slug: string;
  readonly name: LocalizedText;
}

export interface Edition {
  readonly id: string;
  readonly seriesId: string;
  /** URL segment, e.g. `seoul-2020`. */
  readonly slug: string;
  readonly title: LocalizedText;
  readonly theme: LocalizedText;
  readonly summary: LocalizedText;
  /** IANA zone the forum is hosted in; the programme is authored in it. */
  readonly hostZone: string;
  /** Content falls back to this locale when a field lacks the reader's. */
  readonly defaultLocale: string;
  readonly locales: readonly string[];
  /** Local dates in the host zone, `YYYY-MM-DD`. */
  readonly startsOn: string;
  readonly endsOn: string;
  readonly state: PublicationState;
  readonly version: number;
  /** Last change to the edition or anything in it; exports use it as their timestamp. */
  readonly updatedAt: Date;
}

export interface Day {
  readonly id: string;
  readonly editionId: string;
  /** Local date in the host zone, `YYYY-MM-DD`. */
  readonly date: string;
  readonly title: LocalizedText;
  readonly position: number;
}

export interface Stage {
  readonly id: string;
  readonly editionId: string;
  readonly name: LocalizedText;
}

export interface Session {
  readonly id: string;
  readonly editionId: string;
  readonly dayId: string;
  readonly stageId: string | null;
  readonly kind: SessionKind;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /** UTC instants; `zone` is the IANA zone they were entered in. */
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly zone: string;
  readonly position: number;
  readonly state: PublicationState;
  readonly channelIds: readonly string[];
  /** True when the entry is a placeholder, not a documented fact. */
  readonly isIllustrative: boolean;
  readonly version: number;
}

export interface ProgrammeItem {
  readonly id: string;
  readonly sessionId: string;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  readonly position: number;
  readonly speakerIds: readonly string[];
  readonly isIllustrative: boolean;
}

export interface Speaker {
  readonly id: string;
  readonly editionId: string;
  readonly name: LocalizedText;
  /** Job title or role, e.g. "Associate Director". */
  readonly jobTitle: LocalizedText;
  readonly organisation: LocalizedText;
  readonly cityId: string | null;
  readonly bio: LocalizedText;
  readonly photoUrl: string | null;
  /** BCP 47 codes of the languages the speaker speaks. */
  readonly languages: readonly string[];
  readonly presence: SpeakerPresence;
  readonly isIllustrative: boolean;
}

export interface City {
  readonly id: string;
  readonly editionId: string;
  readonly name: LocalizedText;
  /** ISO 3166-1 alpha-2, null when not known. */
  readonly country: string | null;
  /** IANA zone, null when not known. */
  readonly zone: string | null;
  readonly summary: LocalizedText;
  readonly position: number;
  readonly isIllustrative: boolean;
}

export interface Channel {
  readonly id: string;
  readonly editionId: string;
  readonly kind: ChannelKind;
  readonly name: LocalizedText;
  /** Absolute URL; for the forum's own site, its public address. */
  readonly url: string;
  readonly position: number;
}

/** Everything the public pages and exports need about one edition. */
export interface Programme {
  readonly organisation: Organisation;
  readonly series: Series;
  readonly edition: Edition;
  readonly days: readonly Day[];
  readonly stages: readonly Stage[];
  readonly sessions: readonly Session[];
  readonly items: readonly ProgrammeItem[];
  readonly speakers: readonly Speaker[];
  readonly cities: readonly City[];
  readonly channels: readonly Channel[];
}
