/**
 * Once per `vitest run --config vitest.e2e.config.ts`, before any file:
 *
 * - the embedded database template (see dataTemplate.ts), named to test
 *   servers by `MADANG_TEST_TEMPLATE_DIR`; each server starts on its own copy;
 * - when `REDIS_URL` is set, a private Redis per worker (`MADANG_E2E_REDIS_URLS`,
 *   one URL per worker; workerEnv.ts hands each worker its own as `REDIS_URL`).
 *   The app's real-time keys and pub/sub channels have one fixed name, so two
 *   test servers on one Redis would hear each other's events and viewers;
 *   files running side by side, or another checkout's tests on the same
 *   machine, must not.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eWorkers } from './workers.js';

/** Memory-backed when the machine has it: every server writes its database here. */
export const scratchRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

const redisServers: ChildProcess[] = [];
let templateRoot: string | null = null;

export async function setup(): Promise<void> {
  const started = Date.now();
  templateRoot = mkdtempSync(join(scratchRoot, 'madang-e2e-template-'));
  const dir = join(templateRoot, 'data');
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'e2e/support/dataTemplate.ts', dir], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: '' }
  });
  if (made.status !== 0) throw new Error(`could not make the test database template (exit ${made.status})`);
  process.env.MADANG_TEST_TEMPLATE_DIR = dir;

  if (process.env.REDIS_URL) {
    if (spawnSync('redis-server', ['--version']).status !== 0) {
      throw new Error(
        'REDIS_URL is set, and the browser tests then give each worker its own Redis: redis-server is needed on PATH ' +
          '(sudo apt-get install -y redis-server), or unset REDIS_URL.'
      );
    }
    const urls: string[] = [];
    for (let i = 0; i < e2eWorkers; i += 1) urls.push(await startRedis());
    process.env.MADANG_E2E_REDIS_URLS = urls.join(' ');
  }
  console.info(
    `e2e setup: database template${process.env.REDIS_URL ? ' and Redis per worker' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
}

export async function teardown(): Promise<void> {
  await Promise.all(
    redisServers.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        })
    )
  );
  if (templateRoot) rmSync(templateRoot, { recursive: true, force: true });
}

async function startRedis(): Promise<string> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  );
  redisServers.push(child);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`redis-server on port ${port} exited with ${code}:\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready to accept connections/i.test(output)) resolve();
    });
  });
  child.stdout!.resume();
  return `redis://127.0.0.1:${port}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
