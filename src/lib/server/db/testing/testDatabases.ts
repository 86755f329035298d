/**
 * For integration tests: the databases a repository test runs against. PGlite
 * always; PostgreSQL too when DATABASE_URL is set, each test run in a fresh,
 * uniquely named database that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../database.js';

export interface TestDatabaseTarget {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

let announced = false;

export function testDatabaseTargets(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [{ name: 'pglite', open: () => openDatabase({ dataDir: 'memory://' }) }];
  const url = process.env.DATABASE_URL;
  if (url) {
    targets.push({ name: 'postgres', open: () => openFreshPostgres(url) });
  } else if (!announced) {
    announced = true;
    console.info('DATABASE_URL is not set: PostgreSQL integration tests are skipped (PGlite tests still run).');
  }
  return targets;
}

async function openFreshPostgres(adminUrl: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const name = `madang_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    }
  };
}
