/**
 * Chat per session (issue 4): messages, who is muted on an edition, slow
 * mode per session and the edition's word filter.
 *
 * A message is unique per (session, participant, idempotency key), so a
 * retried post finds the first one instead of making a second. Deleting is
 * soft (moderators still see what was removed and by whom); the public panel
 * leaves deleted messages out. Lengths are checked here too (in code points,
 * as the domain counts them), so no path can store more than the form allows.
 */
export const name = '008_chat';

export const statements: readonly string[] = [
  `create table chat_message (
    id bigint generated always as identity primary key,
    session_id text not null references session(id),
    participant_id text not null check (length(participant_id) <= 100),
    display_name text not null check (char_length(display_name) between 1 and 40),
    body text not null check (char_length(body) between 1 and 500),
    idempotency_key uuid not null,
    posted_at timestamptz not null default now(),
    deleted_at timestamptz,
    deleted_by text,
    unique (session_id, participant_id, idempotency_key)
  )`,
  `create index chat_message_session on chat_message (session_id, id desc)`,
  `create index chat_message_participant on chat_message (participant_id, id desc)`,
  `create table chat_mute (
    edition_id text not null references edition(id),
    participant_id text not null check (length(participant_id) <= 100),
    muted_at timestamptz not null default now(),
    muted_by text,
    primary key (edition_id, participant_id)
  )`,
  `create table chat_session_settings (
    session_id text primary key references session(id),
    slow_mode_seconds integer not null default 0 check (slow_mode_seconds between 0 and 3600),
    version integer not null default 1,
    updated_at timestamptz not null default now()
  )`,
  `create table word_filter (
    edition_id text primary key references edition(id),
    words text[] not null default '{}',
    version integer not null default 1,
    updated_at timestamptz not null default now()
  )`
];
