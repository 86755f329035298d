/**
 * Broadcast (issue 5): a session's live state as the producer sets it
 * (`scheduled → live → ended`, ADR 016), when it went live and ended; the
 * generation of each stage's stream key (the key itself is derived from the
 * instance secret, never stored, so rotating is one increment); and the
 * replay a session leaves when it ends (one per session).
 */
export const name = '010_broadcast';

export const statements: readonly string[] = [
  `alter table session add column broadcast_state text not null default 'scheduled'
    check (broadcast_state in ('scheduled', 'live', 'ended'))`,
  `alter table session add column went_live_at timestamptz`,
  `alter table session add column ended_at timestamptz`,
  // At most one live session per stage, whatever the application gets wrong.
  `create unique index session_live_on_stage on session (stage_id) where broadcast_state = 'live'`,
  `alter table stage add column stream_key_generation integer not null default 1 check (stream_key_generation >= 1)`,
  `create table replay (
    session_id text primary key references session(id),
    stage_id text not null references stage(id),
    started_at timestamptz not null,
    ended_at timestamptz not null,
    duration_seconds numeric not null check (duration_seconds >= 0),
    created_at timestamptz not null default now(),
    check (ended_at >= started_at)
  )`
];
