#!/usr/bin/env node
// Builds the web app when the build is missing or older than its sources, so
// `npm start` works right after `npm install` and restarts stay fast.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const output = join(root, 'build', 'handler.js');
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tooling', 'package.json'];

/** @param {string} path @returns {number} */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newest(join(root, s))));
if (builtAt > changedAt && !process.argv.includes('--force')) process.exit(0);

process.stdout.write('Building the web app (first start or sources changed)…\n');
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit'
  }
);
process.exit(result.status ?? 1);
