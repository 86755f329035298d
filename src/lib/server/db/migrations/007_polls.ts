/**
 * Polls of a session, their options, and one ballot per participant per poll
 * (the primary key is the "one vote" rule; answering again replaces the
 * ballot's choices). At most one poll per session is open, enforced by a
 * partial unique index so two moderators opening polls at once cannot both
 * win. `version` counts moderators' changes (optimistic concurrency);
 * `tally_version` counts ballots cast, for the `poll.voted` event.
 * Participant ids are the foundation's (`account:<id>` or `p:<22 chars>`).
 */
export const name = '007_polls';

export const statements: readonly string[] = [
  `create table poll (
    id text primary key,
    edition_id text not null references edition(id),
    session_id text not null references session(id),
    question jsonb not null default '{}',
    kind text not null check (kind in ('single', 'multiple')),
    max_choices integer check (max_choices is null or (kind = 'multiple' and max_choices between 2 and 10)),
    state text not null default 'draft' check (state in ('draft', 'open', 'closed')),
    version integer not null default 1,
    tally_version integer not null default 0,
    created_at timestamptz not null default now(),
    opened_at timestamptz,
    closed_at timestamptz,
    updated_at timestamptz not null default now(),
    updated_by text
  )`,
  `create index poll_session on poll (session_id, created_at)`,
  `create unique index poll_one_open_per_session on poll (session_id) where state = 'open'`,
  `create table poll_option (
    poll_id text not null references poll(id) on delete cascade,
    id text not null check (length(id) <= 20),
    position integer not null,
    label jsonb not null default '{}',
    primary key (poll_id, id)
  )`,
  `create table poll_ballot (
    poll_id text not null references poll(id) on delete cascade,
    participant_id text not null check (length(participant_id) <= 100),
    cast_at timestamptz not null default now(),
    primary key (poll_id, participant_id)
  )`,
  `create table poll_choice (
    poll_id text not null,
    participant_id text not null,
    option_id text not null,
    primary key (poll_id, participant_id, option_id),
    foreign key (poll_id, participant_id) references poll_ballot (poll_id, participant_id) on delete cascade,
    foreign key (poll_id, option_id) references poll_option (poll_id, id) on delete cascade
  )`,
  `create index poll_choice_option on poll_choice (poll_id, option_id)`
];
