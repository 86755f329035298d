/**
 * Accounts and access: accounts (password optional, for later single sign-on),
 * roles per edition, sign-in sessions, invitations, password resets, the
 * one-time link for the first administrator, the instance secret that signs
 * links, and sign-in attempts for rate limits shared by every app node.
 * Secrets never rest in the database in a usable form: session tokens and
 * links are stored as SHA-256 hashes.
 */
export const name = '002_accounts';

const roleCheck = `check (role in ('admin', 'producer', 'moderator', 'captioner', 'interpreter', 'speaker'))`;

export const statements: readonly string[] = [
  `create table account (
    id uuid primary key,
    email text not null check (length(email) <= 254),
    display_name text not null check (length(display_name) <= 100),
    password_hash text,
    is_admin boolean not null default false,
    locale text not null default 'en' check (locale in ('ko', 'en')),
    failed_sign_ins integer not null default 0,
    locked_until timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version integer not null default 1
  )`,
  `create unique index account_email on account (lower(email))`,
  `create table account_session (
    id uuid primary key,
    account_id uuid not null references account(id) on delete cascade,
    token_hash text not null unique,
    created_at timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at timestamptz not null
  )`,
  `create index account_session_account on account_session (account_id)`,
  `create table role_grant (
    id uuid primary key,
    account_id uuid not null references account(id) on delete cascade,
    edition_id text not null references edition(id),
    role text not null ${roleCheck},
    granted_by uuid references account(id) on delete set null,
    created_at timestamptz not null,
    unique (account_id, edition_id, role)
  )`,
  `create index role_grant_edition on role_grant (edition_id)`,
  `create table invitation (
    id uuid primary key,
    token_hash text not null unique,
    email text not null check (length(email) <= 254),
    edition_id text not null references edition(id),
    role text not null ${roleCheck},
    locale text not null check (locale in ('ko', 'en')),
    invited_by uuid references account(id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    used_by uuid references account(id) on delete set null
  )`,
  `create index invitation_edition on invitation (edition_id, used_at)`,
  `create table password_reset (
    id uuid primary key,
    token_hash text not null unique,
    account_id uuid not null references account(id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
  )`,
  `create index password_reset_account on password_reset (account_id, created_at)`,
  `create table setup_token (
    id uuid primary key,
    token_hash text not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    used_by uuid references account(id) on delete set null
  )`,
  `create table instance_secret (
    id integer primary key check (id = 1),
    secret text not null,
    created_at timestamptz not null default now()
  )`,
  `create table sign_in_attempt (
    id bigint generated always as identity primary key,
    address text not null,
    email text not null,
    outcome text not null check (outcome in ('failed', 'locked', 'rate_limited', 'succeeded')),
    attempted_at timestamptz not null
  )`,
  `create index sign_in_attempt_address on sign_in_attempt (address, attempted_at)`,
  `create index sign_in_attempt_email on sign_in_attempt (email, attempted_at)`,
  `create index sign_in_attempt_time on sign_in_attempt (attempted_at)`
];
