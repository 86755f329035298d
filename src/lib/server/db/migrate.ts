/**
 * Runs pending migrations in one transaction under a transaction-scoped
 * advisory lock, so two app nodes starting together never migrate at once and
 * a failed migration leaves nothing half-applied.
 */
import { sql, type Kysely } from 'kysely';
import { migrations as allMigrations, type Migration } from './migrations/index.js';
import type { DatabaseSchema } from './schema.js';

/** Any constant works; it only has to be the same on every node. */
const MIGRATION_LOCK = 7_245_115;

export async function migrate(
  db: Kysely<DatabaseSchema>,
  migrations: readonly Migration[] = allMigrations
): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`create table if not exists schema_migration (
      name text primary key,
      applied_at timestamptz not null default now()
    )`.execute(tx);
    const done = new Set((await tx.selectFrom('schema_migration').select('name').execute()).map((row) => row.name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      for (const statement of migration.statements) await sql.raw(statement).execute(tx);
      await tx.insertInto('schema_migration').values({ name: migration.name }).execute();
      applied.push(migration.name);
    }
    return applied;
  });
}
