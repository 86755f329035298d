/**
 * ffmpeg in the roles the broadcast tests need: an encoder in a studio
 * pushing a test pattern with a tone over RTMP (as OBS would), and an outside
 * channel (a local RTMP server standing in for YouTube) that keeps what it
 * receives. Loopback only; `stopAll` kills whatever is still running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const running = new Set<ChildProcess>();

function start(args: string[]): ChildProcess {
  const child = spawn('/usr/bin/ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args], {
    stdio: ['ignore', 'ignore', 'pipe']
  });
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.on('exit', () => running.delete(child));
  Object.defineProperty(child, 'lastWords', { get: () => stderr });
  return child;
}

export interface Encoder {
  readonly process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) and what ffmpeg said last. */
  readonly exited: Promise<{ code: number | null; stderr: string }>;
  stop(): Promise<void>;
}

function encoder(child: ChildProcess): Encoder {
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr: (child as ChildProcess & { lastWords: string }).lastWords }))
  );
  return {
    process: child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
  };
}

/**
 * A 1280x720 test pattern with a 440 Hz tone, H.264 (so the stage takes its
 * copy path) with a keyframe every second, for at most `seconds`.
 */
export function pushTestPattern(url: string, seconds = 600): Encoder {
  return encoder(
    start([
      '-re',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=1280x720:rate=15',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=48000',
      '-t',
      String(seconds),
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-tune',
      'zerolatency',
      '-g',
      '15',
      '-pix_fmt',
      'yuv420p',
      '-b:v',
      '1500k',
      '-c:a',
      'aac',
      '-b:a',
      '96k',
      '-f',
      'flv',
      url
    ])
  );
}

/** An RTMP server on `port` that accepts one publisher and writes what arrives to `file` (FLV, copied). */
export function startOutsideChannel(port: number, streamKey: string, file: string): Encoder {
  return encoder(
    start([
      '-listen',
      '1',
      '-timeout',
      '120',
      '-i',
      `rtmp://127.0.0.1:${port}/live/${streamKey}`,
      '-c',
      'copy',
      '-f',
      'flv',
      '-y',
      file
    ])
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        })
    )
  );
}
