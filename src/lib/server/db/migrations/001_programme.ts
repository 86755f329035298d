/**
 * The programme: organisation → series → edition → day → session → item,
 * with speakers, cities, stages and channels. Translatable fields are jsonb
 * objects keyed by locale. Instants are timestamptz plus the IANA zone they
 * were entered in. Records people edit carry `version` for optimistic
 * concurrency and `deleted_at` for soft delete.
 */
export const name = '001_programme';

export const statements: readonly string[] = [
  `create table organisation (
    id text primary key,
    slug text not null unique,
    name jsonb not null default '{}',
    url text,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table series (
    id text primary key,
    organisation_id text not null references organisation(id),
    slug text not null unique,
    name jsonb not null default '{}',
    version integer not null default 1
  )`,
  `create table edition (
    id text primary key,
    series_id text not null references series(id),
    slug text not null unique,
    title jsonb not null default '{}',
    theme jsonb not null default '{}',
    summary jsonb not null default '{}',
    host_zone text not null,
    default_locale text not null,
    locales text[] not null,
    starts_on date not null,
    ends_on date not null,
    state text not null default 'draft' check (state in ('draft', 'published')),
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz,
    check (ends_on >= starts_on)
  )`,
  `create table day (
    id text primary key,
    edition_id text not null references edition(id),
    date date not null,
    title jsonb not null default '{}',
    position integer not null,
    version integer not null default 1,
    deleted_at timestamptz
  )`,
  `create index day_edition on day (edition_id, position)`,
  `create table stage (
    id text primary key,
    edition_id text not null references edition(id),
    name jsonb not null default '{}',
    version integer not null default 1,
    deleted_at timestamptz
  )`,
  `create table channel (
    id text primary key,
    edition_id text not null references edition(id),
    kind text not null check (kind in ('site', 'youtube', 'social', 'other')),
    name jsonb not null default '{}',
    url text not null,
    position integer not null,
    version integer not null default 1,
    deleted_at timestamptz
  )`,
  `create table session (
    id text primary key,
    edition_id text not null references edition(id),
    day_id text not null references day(id),
    stage_id text references stage(id),
    kind text not null check (kind in ('seminar_part', 'conference_session', 'keynote', 'talk_concert', 'break')),
    title jsonb not null default '{}',
    summary jsonb not null default '{}',
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    zone text not null,
    position integer not null,
    state text not null default 'draft' check (state in ('draft', 'published')),
    is_illustrative boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    deleted_at timestamptz,
    check (ends_at > starts_at)
  )`,
  `create index session_edition on session (edition_id, starts_at)`,
  `create table session_channel (
    session_id text not null references session(id),
    channel_id text not null references channel(id),
    primary key (session_id, channel_id)
  )`,
  `create table city (
    id text primary key,
    edition_id text not null references edition(id),
    name jsonb not null default '{}',
    country text,
    zone text,
    summary jsonb not null default '{}',
    position integer not null,
    is_illustrative boolean not null default false,
    version integer not null default 1,
    deleted_at timestamptz
  )`,
  `create table speaker (
    id text primary key,
    edition_id text not null references edition(id),
    name jsonb not null default '{}',
    job_title jsonb not null default '{}',
    organisation jsonb not null default '{}',
    city_id text references city(id),
    bio jsonb not null default '{}',
    photo_url text,
    languages text[] not null default '{}',
    presence text not null check (presence in ('remote', 'on_site')),
    is_illustrative boolean not null default false,
    version integer not null default 1,
    deleted_at timestamptz
  )`,
  `create index speaker_edition on speaker (edition_id)`,
  `create table programme_item (
    id text primary key,
    session_id text not null references session(id),
    title jsonb not null default '{}',
    summary jsonb not null default '{}',
    starts_at timestamptz,
    ends_at timestamptz,
    position integer not null,
    is_illustrative boolean not null default false,
    version integer not null default 1,
    deleted_at timestamptz
  )`,
  `create index programme_item_session on programme_item (session_id, position)`,
  `create table programme_item_speaker (
    programme_item_id text not null references programme_item(id),
    speaker_id text not null references speaker(id),
    position integer not null,
    primary key (programme_item_id, speaker_id)
  )`
];
