/**
 * docs/errors.md is the error catalogue: every code the domain and the
 * services produce is listed there, and the status it gives matches the one
 * table the routes answer with (outcomes.ts). This test reads the code the
 * way a reviewer would — the code lists and unions, `code: '…'` literals,
 * and the keys of the message catalogues — so a new code without a row, or
 * a row that says another status than the table, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorStatus, type ErrorCode } from './outcomes.js';

const root = join(import.meta.dirname, '../../../..');
const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');

/** `| \`code\` | status | …` rows: code → the status column as written. */
function documentedRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const match of doc.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \| ([^|]+?) \|/gm)) {
    const [, code, status] = match as unknown as [string, string, string];
    if (!rows.has(code)) rows.set(code, status);
  }
  return rows;
}

/** Every code the doc names anywhere (rows, and lists in prose). */
const documented = new Set([...doc.matchAll(/`([a-z_]+\.[a-z_]+)`/g)].map((m) => m[1]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name));
}

const codeShape = /'([a-z][a-z_]*\.[a-z][a-z_]*)'/g;

/** Codes as the source states them: code lists, code unions, `code: '…'`, and message catalogue keys. */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (code: string, file: string) => {
    if (!found.has(code)) found.set(code, relative(root, file));
  };
  for (const file of sourceFiles(join(root, 'src/lib'))) {
    const text = readFileSync(file, 'utf8');
    // `export const fooErrorCodes = [ … ]` and `type FooErrorCode = 'a.b' | …` (Code, Problem, Refusal, Error).
    for (const list of text.matchAll(/const \w*Codes = \[([\s\S]*?)\]/g))
      for (const m of list[1]!.matchAll(codeShape)) add(m[1]!, file);
    for (const union of text.matchAll(/type \w*(?:Code|Problem|Refusal|Error)s? =([^;]*);/g))
      for (const m of union[1]!.matchAll(codeShape)) add(m[1]!, file);
    // A code handed over as a value.
    for (const m of text.matchAll(/\bcode(?:: | === |\?\.code === )'([a-z][a-z_]*\.[a-z][a-z_]*)'/g)) add(m[1]!, file);
    // The keys of every `errors: { … }` message catalogue.
    if (file.includes('/i18n/'))
      for (const block of text.matchAll(/errors: \{([\s\S]*?)\n {2,4}\}/g))
        for (const m of block[1]!.matchAll(/^\s+'([a-z][a-z_]*\.[a-z][a-z_]*)':/gm)) add(m[1]!, file);
  }
  return found;
}

describe('the error catalogue (docs/errors.md)', () => {
  it('lists every code of the status table with the same status', () => {
    const rows = documentedRows();
    const disagreements = Object.entries(errorStatus)
      .filter(([code, status]) => rows.get(code) !== String(status))
      .map(([code, status]) => `${code}: table ${status}, docs ${rows.get(code) ?? 'no row'}`);
    expect(disagreements).toEqual([]);
  });

  it('gives every documented HTTP status the table’s status', () => {
    const disagreements = [...documentedRows()]
      .filter(([, status]) => /^\d{3}$/.test(status))
      .filter(([code, status]) => errorStatus[code as ErrorCode] !== Number(status))
      .map(([code, status]) => `${code}: docs ${status}, table ${errorStatus[code as ErrorCode] ?? 'missing'}`);
    expect(disagreements).toEqual([]);
  });

  it('names every error code the source produces', () => {
    const found = codesInSource();
    expect(found.size).toBeGreaterThan(150);
    const missing = [...found].filter(([code]) => !documented.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('finds the codes of the unions and lists it scans', () => {
    const found = codesInSource();
    for (const code of ['auth.forbidden', 'import.not_json', 'day.has_sessions', 'broadcast.stage_busy', 'poll.closed'])
      expect(found.has(code), code).toBe(true);
  });
});
