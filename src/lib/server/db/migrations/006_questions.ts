/**
 * The Q&A of a session: questions, one vote per participant per question,
 * and the session's Q&A settings (pre-moderation). A submission is
 * recognised by (session, participant, idempotency key), so a retry of the
 * same form finds the first question instead of making a second. At most
 * one question per session is pinned (a partial unique index). Votes are
 * counted on the question in the same transaction as the vote row, so
 * rendering a panel never counts rows.
 */
export const name = '006_questions';

export const statements: readonly string[] = [
  `create table question (
    id uuid primary key,
    session_id text not null references session(id) on delete cascade,
    participant_id text not null check (length(participant_id) between 1 and 100),
    idempotency_key uuid not null,
    display_name text check (display_name is null or length(display_name) between 1 and 60),
    text text not null check (length(text) between 1 and 500),
    status text not null check (status in ('pending', 'visible', 'hidden', 'merged')),
    merged_into uuid references question(id),
    is_pinned boolean not null default false,
    is_answered boolean not null default false,
    vote_count integer not null default 0 check (vote_count >= 0),
    asked_at timestamptz not null,
    updated_at timestamptz not null,
    version integer not null default 1,
    unique (session_id, participant_id, idempotency_key),
    check ((status = 'merged') = (merged_into is not null)),
    check (not is_pinned or status = 'visible')
  )`,
  `create index question_session on question (session_id, status, asked_at)`,
  `create unique index question_one_pinned on question (session_id) where is_pinned`,
  `create table question_vote (
    question_id uuid not null references question(id) on delete cascade,
    participant_id text not null check (length(participant_id) between 1 and 100),
    voted_at timestamptz not null,
    primary key (question_id, participant_id)
  )`,
  `create table session_question_settings (
    session_id text primary key references session(id) on delete cascade,
    is_premoderated boolean not null default false,
    version integer not null default 1,
    updated_at timestamptz not null,
    updated_by text
  )`
];
