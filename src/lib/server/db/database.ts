/**
 * Opens the one database: embedded PGlite under DATA_DIR by default, or a real
 * PostgreSQL when DATABASE_URL is set. Both are driven through Kysely's
 * PostgreSQL dialect, then migrated under an advisory lock.
 */
import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type { DatabaseSchema } from './schema.js';
import { migrate } from './migrate.js';
import { PglitePool } from './pgliteDialect.js';

export type Db = Kysely<DatabaseSchema>;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

const DATE_OID = 1082;
const keepDateAsText = (value: string) => value;

export interface DatabaseLocation {
  /** Directory for the embedded database; `memory://` for a throwaway one. */
  readonly dataDir?: string;
  readonly databaseUrl?: string | null;
}

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const database = location.databaseUrl
    ? await openPostgres(location.databaseUrl)
    : await openPglite(location.dataDir ?? 'memory://');
  try {
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
    parsers: { [DATE_OID]: keepDateAsText }
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool: new PglitePool(pglite) }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

async function openPostgres(url: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID ? keepDateAsText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
    }
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`Cannot reach the database at ${redact(url)}: ${reason}`);
  }
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}
