/** The edition's participating cities, edited in the console (see placeEditRepository.ts). */
import type { Kysely, Selectable } from 'kysely';
import type { CityValues } from '../../domain/editing/cityInput.js';
import type { City } from '../../domain/programme.js';
import { PlaceEditRepository, type PlaceKind } from './placeEditRepository.js';
import type { CityTable, DatabaseSchema } from './schema.js';

export interface VersionedCity extends City {
  readonly version: number;
}

const cities: PlaceKind<VersionedCity, CityValues> = {
  table: 'city',
  fromRow(raw) {
    const row = raw as unknown as Selectable<CityTable>;
    return {
      id: row.id,
      editionId: row.edition_id,
      name: row.name,
      country: row.country,
      zone: row.zone,
      summary: row.summary,
      position: row.position,
      isIllustrative: row.is_illustrative,
      version: row.version
    };
  },
  toColumns: (values) => ({
    name: JSON.stringify(values.name),
    summary: JSON.stringify(values.summary),
    country: values.country,
    zone: values.zone,
    is_illustrative: values.isIllustrative
  })
};

export type CityEditRepository = PlaceEditRepository<VersionedCity, CityValues>;

export function cityEditRepository(db: Kysely<DatabaseSchema>): CityEditRepository {
  return new PlaceEditRepository(db, cities);
}
