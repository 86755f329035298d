/**
 * The outbox: live events written in the same transaction as the change they
 * announce, so an event exists exactly when its change committed. The relay
 * publishes unpublished rows in id order and deletes published rows after an
 * hour, so the table stays small.
 */
export const name = '005_outbox';

export const statements: readonly string[] = [
  `create table outbox_event (
    id bigint generated always as identity primary key,
    channel text not null,
    name text not null,
    data jsonb not null default '{}',
    created_at timestamptz not null default now(),
    published_at timestamptz
  )`,
  `create index outbox_event_unpublished on outbox_event (id) where published_at is null`,
  `create index outbox_event_published on outbox_event (published_at) where published_at is not null`
];
