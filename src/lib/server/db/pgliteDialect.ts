/**
 * Lets Kysely's own PostgreSQL dialect drive embedded PGlite, so the embedded
 * database and a real PostgreSQL run the very same compiled SQL. PGlite has a
 * single connection; the pool hands it out to one user at a time so a
 * transaction is never interleaved with another query.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];
const commandPattern = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select)\b/i;

function commandOf(sql: string): Command {
  const match = commandPattern.exec(sql);
  return (match?.[1]?.toUpperCase() ?? 'SELECT') as Command;
}

export class PglitePool implements PostgresPool {
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#queue;
    this.#queue = previous.then(() => released);
    await previous;
    const pglite = this.pglite;
    let isReleased = false;
    const client = {
      async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        const result = await pglite.query<R>(sql, parameters as unknown[]);
        return { command: commandOf(sql), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
      },
      release() {
        if (isReleased) return;
        isReleased = true;
        release();
      }
    };
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#queue;
    await this.pglite.close();
  }
}
