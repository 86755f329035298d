/** Where the edition is broadcast, edited in the console (see placeEditRepository.ts). */
import type { Kysely, Selectable } from 'kysely';
import type { ChannelValues } from '../../domain/editing/channelInput.js';
import type { Channel } from '../../domain/programme.js';
import { PlaceEditRepository, type PlaceKind } from './placeEditRepository.js';
import type { ChannelTable, DatabaseSchema } from './schema.js';

export interface VersionedChannel extends Channel {
  readonly version: number;
}

const channels: PlaceKind<VersionedChannel, ChannelValues> = {
  table: 'channel',
  fromRow(raw) {
    const row = raw as unknown as Selectable<ChannelTable>;
    return {
      id: row.id,
      editionId: row.edition_id,
      kind: row.kind,
      name: row.name,
      url: row.url,
      position: row.position,
      version: row.version
    };
  },
  toColumns: (values) => ({ kind: values.kind, name: JSON.stringify(values.name), url: values.url })
};

export type ChannelEditRepository = PlaceEditRepository<VersionedChannel, ChannelValues>;

export function channelEditRepository(db: Kysely<DatabaseSchema>): ChannelEditRepository {
  return new PlaceEditRepository(db, channels);
}
