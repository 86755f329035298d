/** Row types of polls, their options, ballots and choices (migration 007), as Kysely sees them. */
import type { ColumnType } from 'kysely';
import type { LocalizedText } from '../../../domain/localizedText.js';
import type { PollKind, PollState } from '../../../domain/participation/polls/poll.js';

type Json = ColumnType<LocalizedText, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Counter = ColumnType<number, number | undefined, number>;

export interface PollTable {
  id: string;
  edition_id: string;
  session_id: string;
  question: Json;
  kind: PollKind;
  max_choices: number | null;
  state: ColumnType<PollState, PollState | undefined, PollState>;
  version: Counter;
  tally_version: Counter;
  created_at: Timestamp;
  opened_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  updated_at: Timestamp;
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PollOptionTable {
  poll_id: string;
  id: string;
  position: number;
  label: Json;
}

export interface PollBallotTable {
  poll_id: string;
  participant_id: string;
  cast_at: Timestamp;
}

export interface PollChoiceTable {
  poll_id: string;
  participant_id: string;
  option_id: string;
}

export interface PollTables {
  poll: PollTable;
  poll_option: PollOptionTable;
  poll_ballot: PollBallotTable;
  poll_choice: PollChoiceTable;
}
