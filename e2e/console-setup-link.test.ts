/**
 * Story: whoever starts Madang for the first time finds, right under the
 * address it prints, a one-time link to create the first administrator. The
 * same link is printed again on a restart until it is used; afterwards no
 * link is printed at all.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ConsoleClient } from './support/consoleClient.js';
import { freePort } from './support/encoders.js';

interface Started {
  url: string;
  stdout: string;
  stop(): Promise<void>;
}

const running: (() => Promise<void>)[] = [];

/** Runs `server.ts` until it has printed its address (and the line after it, if any); RTMP on a free port, not 1935 that another run may hold. */
async function start(env: Record<string, string>): Promise<Started> {
  const rtmpPort = String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: '0',
      RTMP_PORT: rtmpPort,
      LOG_LEVEL: 'error',
      ...env
    },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  let stdout = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  running.push(stop);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within 90 s:\n${stdout}`)), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Madang is running at (http:\/\/\S+)\/\n/.exec(stdout);
      if (match?.[1]) {
        // The setup line, when there is one, is written in the same tick as the address.
        setTimeout(() => {
          clearTimeout(timer);
          resolve({ url: match[1]!, stdout, stop });
        }, 200);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${stdout}`)));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'madang-setup-'));
afterAll(async () => {
  await Promise.all(running.map((stop) => stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

const setupLine = /^First administrator: open (\S+) to create the account$/m;

it('prints a one-time link for the first administrator until it is used', async () => {
  const first = await start({ DATA_DIR: dataDir });
  const printed = setupLine.exec(first.stdout)?.[1];
  expect(printed, first.stdout).toMatch(
    new RegExp(`^${first.url.replace(/[.]/g, '\\.')}/console/setup/[0-9a-f-]{36}\\.\\d+\\.[\\w-]{43}$`)
  );
  await first.stop();

  const second = await start({ DATA_DIR: dataDir, PUBLIC_URL: 'https://forum.example.org' });
  const again = setupLine.exec(second.stdout)?.[1];
  expect(new URL(again!).pathname).toBe(new URL(printed!).pathname);
  expect(again!.startsWith('https://forum.example.org/console/setup/')).toBe(true);

  // Behind its public address, a browser's forms carry that origin.
  const admin = new ConsoleClient(second.url, { origin: 'https://forum.example.org' });
  const created = await admin.submit(new URL(printed!).pathname, {
    email: 'first@example.org',
    displayName: 'First Admin',
    password: 'orange kettle under the bridge'
  });
  expect(created.location).toBe('/console');
  await second.stop();

  const third = await start({ DATA_DIR: dataDir });
  expect(third.stdout).not.toMatch(/First administrator/);
  await third.stop();
});
