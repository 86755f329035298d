#!/usr/bin/env node
// `npm test`: types, formatting, lint, unit and integration tests, the production build,
// then browser and whole-process tests. Stops at the first failing step and
// says which one failed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** @param {string} name */
const bin = (name) => `node_modules/.bin/${name}`;

/** @type {[string, string, string[]][]} */
const steps = [
  ['sync SvelteKit types', bin('svelte-kit'), ['sync']],
  ['type check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']],
  ['formatting', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['lint', bin('eslint'), ['.']],
  ['unit and integration tests', bin('vitest'), ['run']],
  ['build', process.execPath, ['scripts/build-if-needed.js', '--force']],
  ['browser and process tests', bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts']]
];

if (!process.env.DATABASE_URL) {
  console.info('note: DATABASE_URL is not set, so PostgreSQL integration tests are skipped (PGlite runs them).');
}
if (!existsSync(chromium)) {
  console.error(
    `Chromium is needed for the browser tests and is not at ${chromium}.\n` +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      '(or set CHROMIUM_PATH to another Chromium binary).'
  );
  process.exit(1);
}

for (const [name, command, args] of steps) {
  const started = Date.now();
  console.info(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.info(`✔ ${name} (${seconds} s)`);
}
console.info('\nAll checks passed.');
