/** Row types of chat (migration 008), as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ChatMessageTable {
  /** bigint identity: read as a string. */
  id: Generated<string>;
  session_id: string;
  participant_id: string;
  display_name: string;
  body: string;
  idempotency_key: string;
  posted_at: Timestamp;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ChatMuteTable {
  edition_id: string;
  participant_id: string;
  muted_at: Timestamp;
  muted_by: string | null;
}

export interface ChatSessionSettingsTable {
  session_id: string;
  slow_mode_seconds: number;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface WordFilterTable {
  edition_id: string;
  words: ColumnType<string[], string[] | undefined, string[]>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface ChatTables {
  chat_message: ChatMessageTable;
  chat_mute: ChatMuteTable;
  chat_session_settings: ChatSessionSettingsTable;
  word_filter: WordFilterTable;
}
