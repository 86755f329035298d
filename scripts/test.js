#!/usr/bin/env node
// `npm test`: types, formatting, lint, unit and integration tests, the production build,
// then browser and whole-process tests. Stops after the first stage with a failing step
// and says which step failed.
//
// Steps of one stage run at the same time (the 2-core machines this runs on
// are otherwise idle while one single-threaded checker runs): the first step's
// output streams as it comes, the others' is held and printed, under their
// name, once the stage is over, so no two outputs interleave.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** @param {string} name */
const bin = (name) => `node_modules/.bin/${name}`;

/** @typedef {[name: string, command: string, args: string[]]} Step */

/** @type {Step[][]} */
const stages = [
  [['sync SvelteKit types', bin('svelte-kit'), ['sync']]],
  [
    ['type check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']],
    ['lint', bin('eslint'), ['.']],
    ['formatting', bin('prettier'), ['--check', '--log-level', 'warn', '.']]
  ],
  // The build is what the browser tests need; it does not touch what the unit tests read.
  [
    ['unit and integration tests', bin('vitest'), ['run']],
    ['build', process.execPath, ['scripts/build-if-needed.js', '--force']]
  ],
  [['browser and process tests', bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts']]]
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

/**
 * @param {Step} step
 * @param {boolean} live print the output as it comes (else held and handed back)
 * @returns {Promise<{ name: string, status: number, seconds: string, output: string }>}
 */
function run([name, command, args], live) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: live ? process.env : { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    /** @param {number} status */
    const done = (status) => resolve({ name, status, seconds: ((Date.now() - started) / 1000).toFixed(1), output });
    child.once('error', (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.once('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const allStarted = Date.now();
for (const stage of stages) {
  console.info(`\n▶ ${stage.map(([name]) => name).join(' ‖ ')}`);
  const results = await Promise.all(stage.map((step, index) => run(step, index === 0)));
  for (const [index, result] of results.entries()) {
    if (index > 0 && result.output.trim() !== '') console.info(`\n── ${result.name} ──\n${result.output.trimEnd()}`);
  }
  for (const result of results) {
    if (result.status === 0) console.info(`✔ ${result.name} (${result.seconds} s)`);
  }
  const failed = results.filter((result) => result.status !== 0);
  if (failed.length > 0) {
    for (const result of failed) console.error(`\n✖ ${result.name} failed after ${result.seconds} s`);
    process.exit(failed[0]?.status || 1);
  }
}
console.info(`\nAll checks passed in ${((Date.now() - allStarted) / 1000).toFixed(0)} s.`);
