/**
 * The audit log: who changed what and when, per record and per edition.
 * Entries are only ever inserted; `changes` holds the changed fields as
 * `{ field: { from, to } }` so a reader sees the difference, not two dumps.
 */
export const name = '003_audit';

export const statements: readonly string[] = [
  `create table audit_entry (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    account_id text,
    edition_id text,
    record_type text not null,
    record_id text not null,
    action text not null check (action in ('create', 'update', 'delete', 'restore', 'publish', 'unpublish', 'move', 'reorder', 'import')),
    changes jsonb not null default '{}'
  )`,
  `create index audit_entry_record on audit_entry (record_type, record_id, id desc)`,
  `create index audit_entry_edition on audit_entry (edition_id, id desc)`,
  `alter table session add column updated_by text`,
  `alter table speaker add column updated_at timestamptz not null default now()`,
  `alter table speaker add column updated_by text`
];
