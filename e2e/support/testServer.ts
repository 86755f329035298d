/** Starts e2e/support/serve.ts in its own process and hands back its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface TestServer {
  readonly url: string;
  /** The first-administrator link path the server would print (null once an administrator exists). */
  readonly setupPath: string | null;
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/serve.ts'], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  const { url, setupPath } = await new Promise<{ url: string; setupPath: string | null }>((resolve, reject) => {
    // Generous: on a busy 2-core machine the embedded database's first start alone can take half a minute.
    const timer = setTimeout(() => reject(new Error('test server did not start within 120 s')), 120_000);
    child.once('exit', (code) => reject(new Error(`test server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: string; setupPath?: string | null };
        if (parsed.url) {
          clearTimeout(timer);
          resolve({ url: parsed.url, setupPath: parsed.setupPath ?? null });
        }
      } catch {
        // not our line
      }
    });
  });
  return {
    url,
    setupPath,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      })
  };
}
