/**
 * Starting the real process the way a new user does: the demo on first start,
 * data kept across restarts, `--no-demo`, and one clear line (never a stack
 * trace) when the configuration is wrong.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './support/encoders.js';

interface Started {
  url: string | null;
  stdout: string;
  stderr: string;
  code: number | null;
  stop(): Promise<void>;
}

/** Runs `server.ts` until it prints its URL or exits; RTMP on a free port, not 1935 that another run may hold. */
async function startProcess(env: Record<string, string>, args: string[] = []): Promise<Started> {
  const rtmpPort = String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: '0',
      RTMP_PORT: rtmpPort,
      LOG_LEVEL: 'warn',
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve) => {
    // Generous: a first start runs the embedded database's initdb, 20–40 s on a busy 2-core machine.
    const timer = setTimeout(() => resolve({ url: null, stdout, stderr, code: null, stop }), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Madang is running at (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], stdout, stderr, code: null, stop });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ url: null, stdout, stderr, code, stop });
    });
  });
}

const dirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'madang-start-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('a new user starting Madang', () => {
  it('gets the demo forum on first start, and keeps the data across a restart', async () => {
    const dataDir = freshDataDir();
    const first = await startProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    expect(first.url, first.stderr).not.toBeNull();
    expect(first.stdout).toContain('loaded the demo forum');
    const page = await (await fetch(`${first.url}seoul-2020/programme?lang=en`)).text();
    expect(page).toContain('Keynote');
    await first.stop();

    const second = await startProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    expect(second.url, second.stderr).not.toBeNull();
    expect(second.stdout).not.toContain('loaded the demo forum');
    expect((await fetch(`${second.url}seoul-2020`)).status).toBe(200);
    await second.stop();
  }, 300_000);

  it('starts without the demo when asked', async () => {
    const started = await startProcess({ DATA_DIR: freshDataDir() }, ['--no-demo']);
    expect(started.url, started.stderr).not.toBeNull();
    expect((await fetch(`${started.url}seoul-2020`)).status).toBe(404);
    expect(await (await fetch(`${started.url}?lang=en`)).text()).toContain('No forum has been published yet.');
    await started.stop();
  }, 150_000);
});

describe('a wrong configuration', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'a malformed database URL',
      { DATABASE_URL: 'mysql://nowhere' },
      /^madang: Invalid DATABASE_URL: DATABASE_URL must look like postgres:\/\/.*\n$/
    ],
    [
      'an unreachable database',
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/madang' },
      /^madang: Cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:1\/madang: .*\n$/
    ],
    [
      'a port that is not a number',
      { PORT: 'http' },
      /^madang: Invalid PORT: PORT must be a whole number from 0 to 65535\n$/
    ],
    ['a port out of range', { PORT: '99999' }, /^madang: Invalid PORT: PORT must be a whole number from 0 to 65535\n$/]
  ];
  it.each(cases)('gives one clear line and a non-zero exit for %s', async (_name, env, message) => {
    const result = await startProcess({ DATA_DIR: freshDataDir(), ...env });
    expect(result.url).toBeNull();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
