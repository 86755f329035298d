/**
 * Which ffmpeg the broadcast pipeline runs (issue 5): the one FFMPEG_PATH
 * names, else Debian's (`.ci/run` installs it), else the static binary that
 * the npm package @ffmpeg-installer/ffmpeg ships inside node_modules. Nothing
 * is ever downloaded at run time. One log line says which one runs, and the
 * optional features the slate and the latency bench depend on (libx264,
 * drawtext) are read from the binary itself, once.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';

export type FfmpegSource = 'system' | 'bundled' | 'configured';

export interface FfmpegFeatures {
  /** The H.264 encoder every video rendition is made with. */
  readonly libx264: boolean;
  /** Text burned into video: the slate's words and the bench's clock. */
  readonly drawtext: boolean;
}

export interface FfmpegBinary {
  readonly path: string;
  readonly source: FfmpegSource;
  /** As the binary reports it, e.g. `5.1.9`; `unknown` when it would not say. */
  readonly version: string;
  /** Asks the binary once (`-encoders`, `-filters`); later calls share the answer. */
  features(): Promise<FfmpegFeatures>;
}

export type FfmpegErrorCode = 'media.ffmpeg_missing' | 'media.ffmpeg_path_invalid';

export class FfmpegMissingError extends Error {
  override readonly name = 'FfmpegMissingError';
  constructor(
    readonly code: FfmpegErrorCode,
    message: string
  ) {
    super(message);
  }
}

export const systemFfmpegPath = '/usr/bin/ffmpeg';

export interface LocateFfmpegOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly exists?: (path: string) => boolean;
  readonly log?: Pick<Logger, 'info'>;
  /** Where the npm package keeps its binary; null when the package is not installed. */
  readonly bundledPath?: () => string | null;
  /** The first line of `ffmpeg -version`; injected by tests that use fake paths. */
  readonly readVersion?: (path: string) => string;
}

const sourceNames: Record<FfmpegSource, string> = {
  configured: 'FFMPEG_PATH',
  system: 'Debian',
  bundled: 'the npm package @ffmpeg-installer/ffmpeg'
};

/** Chooses the binary and logs one line naming it; throws `FfmpegMissingError` when there is none. */
export function locateFfmpeg(options: LocateFfmpegOptions = {}): FfmpegBinary {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const { path, source } = choose(env, exists, options.bundledPath ?? bundledFfmpegPath);
  const version = parseVersion((options.readVersion ?? readVersionLine)(path));
  options.log?.info({ ffmpeg: path, source, version }, `using ffmpeg ${version} from ${sourceNames[source]} (${path})`);
  let features: Promise<FfmpegFeatures> | undefined;
  return {
    path,
    source,
    version,
    features: () => (features ??= readFeatures(path))
  };
}

function choose(
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean,
  bundledPath: () => string | null
): { path: string; source: FfmpegSource } {
  const configured = env.FFMPEG_PATH?.trim();
  if (configured) {
    // A path someone set on purpose that is wrong is a mistake to report, not to paper over with another binary.
    if (!exists(configured))
      throw new FfmpegMissingError(
        'media.ffmpeg_path_invalid',
        `FFMPEG_PATH is set to ${configured}, but there is no file there.`
      );
    return { path: configured, source: 'configured' };
  }
  if (exists(systemFfmpegPath)) return { path: systemFfmpegPath, source: 'system' };
  const bundled = bundledPath();
  if (bundled && exists(bundled)) return { path: bundled, source: 'bundled' };
  throw new FfmpegMissingError(
    'media.ffmpeg_missing',
    "ffmpeg is needed for live video and was not found: install Debian's (sudo apt-get install ffmpeg) or keep the npm package @ffmpeg-installer/ffmpeg"
  );
}

/** The binary inside node_modules, or null when the package (or its platform part) is not installed. */
export function bundledFfmpegPath(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const installer = require('@ffmpeg-installer/ffmpeg') as { path?: unknown };
    return typeof installer.path === 'string' ? installer.path : null;
  } catch {
    return null;
  }
}

function readVersionLine(path: string): string {
  try {
    return (
      execFileSync(path, ['-hide_banner', '-version'], {
        encoding: 'utf8',
        timeout: 10_000,
        stdio: ['ignore', 'pipe', 'ignore']
      }).split('\n')[0] ?? ''
    );
  } catch {
    return '';
  }
}

/** `ffmpeg version 5.1.9-0+deb12u1 …` → `5.1.9`; a git build keeps its whole name. */
export function parseVersion(firstLine: string): string {
  const token = /^ffmpeg version (\S+)/.exec(firstLine.trim())?.[1];
  if (!token) return 'unknown';
  return /^\d+(\.\d+)+-/.test(token) ? token.slice(0, token.indexOf('-')) : token;
}

async function readFeatures(path: string): Promise<FfmpegFeatures> {
  const [encoders, filters] = await Promise.all([listOf(path, '-encoders'), listOf(path, '-filters')]);
  return { libx264: /^\s*V\S*\s+libx264\s/m.test(encoders), drawtext: /^\s*\S+\s+drawtext\s/m.test(filters) };
}

function listOf(path: string, flag: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      path,
      ['-hide_banner', flag],
      { encoding: 'utf8', timeout: 10_000, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout) => resolve(error ? '' : stdout)
    );
  });
}
