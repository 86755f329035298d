/**
 * Row types of broadcast (migration 010), as Kysely sees them. The columns it
 * adds to `session` and `stage` are declared here and merged into those
 * tables by the intersection in `DatabaseSchema`.
 */
import type { ColumnType } from 'kysely';

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface SessionBroadcastColumns {
  broadcast_state: ColumnType<
    'scheduled' | 'live' | 'ended',
    'scheduled' | 'live' | 'ended' | undefined,
    'scheduled' | 'live' | 'ended'
  >;
  went_live_at: NullableTimestamp;
  ended_at: NullableTimestamp;
}

export interface StageBroadcastColumns {
  stream_key_generation: ColumnType<number, number | undefined, number>;
}

export interface ReplayTable {
  session_id: string;
  stage_id: string;
  started_at: ColumnType<Date, Date | string, Date | string>;
  ended_at: ColumnType<Date, Date | string, Date | string>;
  /** `numeric`: read as a string by both drivers. */
  duration_seconds: ColumnType<string, string | number, string | number>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface BroadcastTables {
  session: SessionBroadcastColumns;
  stage: StageBroadcastColumns;
  replay: ReplayTable;
}
