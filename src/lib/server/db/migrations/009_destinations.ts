/**
 * Outside destinations of a stage (issue 5, simulcast): where its program is
 * relayed besides the forum's own site. The stream key is stored only
 * sealed (AES-256-GCM under a key derived from the instance secret, ADR 015)
 * with its last four characters in clear, so the console can show it masked
 * without unsealing and a dump of this table alone reveals no key.
 * Removing is soft, like other console edits, so the audit log still names
 * what was removed.
 */
export const name = '009_destinations';

export const statements: readonly string[] = [
  `create table destination (
    id text primary key,
    stage_id text not null references stage(id),
    edition_id text not null references edition(id),
    name text not null check (char_length(name) between 1 and 80),
    url text not null check (char_length(url) between 1 and 500 and url ~* '^rtmps?://'),
    stream_key_sealed text not null check (stream_key_sealed like 'v1.%'),
    key_last4 text not null check (char_length(key_last4) between 1 and 4),
    enabled boolean not null default true,
    position integer not null,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz
  )`,
  `create index destination_stage on destination (stage_id, position) where deleted_at is null`,
  `create index destination_edition on destination (edition_id) where deleted_at is null`
];
