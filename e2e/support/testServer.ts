/** Starts e2e/support/serve.ts in its own process and hands back its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TestServer {
  readonly url: string;
  /** The first-administrator link path the server would print (null once an administrator exists). */
  readonly setupPath: string | null;
  /** The RTMP ingest's port when started with MADANG_TEST_RTMP=1, else null. */
  readonly rtmpPort: number | null;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL): nothing is flushed or closed. */
  crash(): Promise<void>;
  /** Starts the server again with the same environment and the same port (so the same URL); use with MADANG_TEST_DATA_DIR to keep data. */
  restart(): Promise<TestServer>;
}

/**
 * A fresh embedded database for one server: a copy of the template globalSetup.ts made
 * (initdb and migrations already done), in `dataDir` when given and still empty, else in a
 * new directory that is removed once the server has exited. Null without a template
 * (e.g. a benchmark run outside vitest): the server then makes its own in memory.
 */
function freshDatabase(dataDir: string | undefined): { dir: string; throwaway: boolean } | null {
  const template = process.env.MADANG_TEST_TEMPLATE_DIR;
  if (!template || !existsSync(template)) return null;
  if (dataDir) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return null;
    cpSync(template, dataDir, { recursive: true });
    return { dir: dataDir, throwaway: false };
  }
  const dir = join(mkdtempSync(join(dirname(dirname(template)), 'madang-e2e-server-')), 'data');
  cpSync(template, dir, { recursive: true });
  return { dir, throwaway: true };
}

/** Timeout for a test that starts a server in its body: the start (up to 120 s on a busy machine, see below) and the test. */
export const startsItsOwnServer = 180_000;

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = freshDatabase(env.MADANG_TEST_DATA_DIR);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/serve.ts'], {
    env: { ...process.env, DATABASE_URL: '', ...env, ...(database ? { MADANG_TEST_DATA_DIR: database.dir } : {}) },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  if (database?.throwaway) {
    child.once('exit', () => rmSync(dirname(database.dir), { recursive: true, force: true }));
  }
  const { url, setupPath, rtmpPort } = await new Promise<{
    url: string;
    setupPath: string | null;
    rtmpPort: number | null;
  }>((resolve, reject) => {
    // Generous: on a busy 2-core machine the embedded database's first start alone can take half a minute.
    const timer = setTimeout(() => reject(new Error('test server did not start within 120 s')), 120_000);
    child.once('exit', (code) => reject(new Error(`test server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: string; setupPath?: string | null; rtmpPort?: number | null };
        if (parsed.url) {
          clearTimeout(timer);
          resolve({ url: parsed.url, setupPath: parsed.setupPath ?? null, rtmpPort: parsed.rtmpPort ?? null });
        }
      } catch {
        // not our line
      }
    });
  });
  const exited = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())
    );
  const server: TestServer = {
    url,
    setupPath,
    rtmpPort,
    stop: () => {
      const done = exited();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }
      return done;
    },
    crash: () => {
      const done = exited();
      child.kill('SIGKILL');
      return done;
    },
    restart: async () => {
      await server.stop();
      return startTestServer({ ...env, MADANG_TEST_PORT: new URL(url).port });
    }
  };
  return server;
}
