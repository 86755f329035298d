/** Row types of the Q&A (migration 006), as Kysely sees them. */
import type { ColumnType } from 'kysely';
import type { QuestionStatus } from '../../../domain/participation/questions/question.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Flag = ColumnType<boolean, boolean | undefined, boolean>;
type Counter = ColumnType<number, number | undefined, number>;

export interface QuestionTable {
  id: string;
  session_id: string;
  participant_id: string;
  idempotency_key: string;
  display_name: string | null;
  text: string;
  status: QuestionStatus;
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
  is_pinned: Flag;
  is_answered: Flag;
  vote_count: Counter;
  asked_at: Timestamp;
  updated_at: Timestamp;
  version: Counter;
}

export interface QuestionVoteTable {
  question_id: string;
  participant_id: string;
  voted_at: Timestamp;
}

export interface SessionQuestionSettingsTable {
  session_id: string;
  is_premoderated: Flag;
  version: Counter;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface QuestionTables {
  question: QuestionTable;
  question_vote: QuestionVoteTable;
  session_question_settings: SessionQuestionSettingsTable;
}
