/** Row types of the database, as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely';
import type { LocalizedText } from '../../domain/localizedText.js';
import type { AccountIdentityTables } from './schema/accountIdentities.js';
import type { AccountTables } from './schema/accounts.js';
import type { AuditTables } from './schema/audit.js';
import type { OutboxTables } from './schema/outbox.js';
import type { QuestionTables } from './schema/questions.js';
import type { PollTables } from './schema/polls.js';
import type { ChatTables } from './schema/chat.js';
import type { DestinationTables } from './schema/destinations.js';
import type { BroadcastTables } from './schema/broadcast.js';

type Json = ColumnType<LocalizedText, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns are read as `YYYY-MM-DD` strings (parsers set in database.ts). */
type LocalDate = ColumnType<string, string, string>;
type Flag = ColumnType<boolean, boolean | undefined, boolean>;
type Version = ColumnType<number, number | undefined, number>;
type Deleted = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface SchemaMigrationTable {
  name: string;
  applied_at: ColumnType<Date, string | undefined, never>;
}

export interface OrganisationTable {
  id: string;
  slug: string;
  name: Json;
  url: string | null;
  version: Version;
}

export interface SeriesTable {
  id: string;
  organisation_id: string;
  slug: string;
  name: Json;
  version: Version;
}

export interface EditionTable {
  id: string;
  series_id: string;
  slug: string;
  title: Json;
  theme: Json;
  summary: Json;
  host_zone: string;
  default_locale: string;
  locales: string[];
  starts_on: LocalDate;
  ends_on: LocalDate;
  state: 'draft' | 'published';
  version: Version;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  deleted_at: Deleted;
}

export interface DayTable {
  id: string;
  edition_id: string;
  date: LocalDate;
  title: Json;
  position: number;
  version: Version;
  deleted_at: Deleted;
}

export interface StageTable {
  id: string;
  edition_id: string;
  name: Json;
  version: Version;
  deleted_at: Deleted;
}

export interface ChannelTable {
  id: string;
  edition_id: string;
  kind: 'site' | 'youtube' | 'social' | 'other';
  name: Json;
  url: string;
  position: number;
  version: Version;
  deleted_at: Deleted;
}

export interface SessionTable {
  id: string;
  edition_id: string;
  day_id: string;
  stage_id: string | null;
  kind: 'seminar_part' | 'conference_session' | 'keynote' | 'talk_concert' | 'break';
  title: Json;
  summary: Json;
  starts_at: Timestamp;
  ends_at: Timestamp;
  zone: string;
  position: number;
  state: 'draft' | 'published';
  is_illustrative: Flag;
  version: Version;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Account that made the last change (migration 003). */
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_at: Deleted;
}

export interface SessionChannelTable {
  session_id: string;
  channel_id: string;
}

export interface CityTable {
  id: string;
  edition_id: string;
  name: Json;
  country: string | null;
  zone: string | null;
  summary: Json;
  position: number;
  is_illustrative: Flag;
  version: Version;
  deleted_at: Deleted;
}

export interface SpeakerTable {
  id: string;
  edition_id: string;
  name: Json;
  job_title: Json;
  organisation: Json;
  city_id: string | null;
  bio: Json;
  photo_url: string | null;
  languages: string[];
  presence: 'remote' | 'on_site';
  is_illustrative: Flag;
  version: Version;
  deleted_at: Deleted;
}

export interface ProgrammeItemTable {
  id: string;
  session_id: string;
  title: Json;
  summary: Json;
  starts_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  ends_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  position: number;
  is_illustrative: Flag;
  version: Version;
  deleted_at: Deleted;
}

export interface ProgrammeItemSpeakerTable {
  programme_item_id: string;
  speaker_id: string;
  position: number;
}

/** Tables of the programme (migration 001). Later features add their own table maps beside this one. */
export interface ProgrammeTables {
  schema_migration: SchemaMigrationTable;
  organisation: OrganisationTable;
  series: SeriesTable;
  edition: EditionTable;
  day: DayTable;
  stage: StageTable;
  channel: ChannelTable;
  session: SessionTable;
  session_channel: SessionChannelTable;
  city: CityTable;
  speaker: SpeakerTable;
  programme_item: ProgrammeItemTable;
  programme_item_speaker: ProgrammeItemSpeakerTable;
}

/** Every table, as one Kysely database type; each feature's tables live in their own map. */
export type DatabaseSchema = ProgrammeTables &
  AccountTables &
  AuditTables &
  AccountIdentityTables &
  OutboxTables &
  QuestionTables &
  PollTables &
  ChatTables &
  DestinationTables &
  BroadcastTables;

// Generated is re-exported for later tables with serial keys.
export type { Generated };
