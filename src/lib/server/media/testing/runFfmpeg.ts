/**
 * For tests: Debian's ffmpeg run to completion, bounded in time, with what it
 * printed. Every process started is killed by `killFfmpegProcesses` (call it
 * in afterEach), so a failing test never leaves an encoder running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const ffmpegPath = '/usr/bin/ffmpeg';
export const hasFfmpeg = existsSync(ffmpegPath);

export interface FfmpegResult {
  readonly code: number | null;
  readonly stderr: string;
  readonly stdout: Buffer;
}

const running = new Set<ChildProcess>();

/** Runs ffmpeg with `args` (after -hide_banner -nostdin), feeding `input` on stdin when given. */
export function runFfmpeg(args: string[], input?: Buffer, timeoutMs = 20_000): Promise<FfmpegResult> {
  const child = spawn(ffmpegPath, ['-hide_banner', '-nostdin', ...args], {
    stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe']
  });
  running.add(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  let stderr = '';
  const stdout: Buffer[] = [];
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
  if (input) {
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(input);
  }
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, stderr, stdout: Buffer.concat(stdout) });
    })
  );
}

/** Decodes `bytes` of the given container to nowhere; a clean decode prints nothing at level error. */
export function decodeWithFfmpeg(format: 'flv' | 'webm', bytes: Buffer): Promise<FfmpegResult> {
  return runFfmpeg(['-v', 'error', '-f', format, '-i', 'pipe:0', '-f', 'null', '-'], bytes);
}

export function killFfmpegProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
