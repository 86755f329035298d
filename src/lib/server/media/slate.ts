/**
 * The "we will be right back" slate the splicer plays while a stage's source
 * is away: one MPEG-TS segment per rendition, exactly `segmentSeconds` long,
 * encoded with the encoder's own arguments (`renditionEncoding.ts`) so a
 * player decodes it after an EXT-X-DISCONTINUITY without a reload. Rendered
 * once per machine into `<dir>/slate/`; the file name carries a hash of the
 * ffmpeg arguments and version, so a change of wording, codec or binary
 * renders anew and an unchanged one is reused. Written to a temporary name
 * and renamed, so a crash never leaves half a slate.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { renditions, segmentSeconds, type Rendition, type RenditionName } from '../../domain/broadcast/renditions.js';
import type { FfmpegBinary } from './ffmpegBinary.js';
import { audioEncodingArgs, audioSampleRate, scaleFilter, videoEncodingArgs } from './renditionEncoding.js';

export type SlateClips = Record<RenditionName, { readonly path: string; readonly durationSeconds: number }>;

export interface PrepareSlateOptions {
  readonly ffmpeg: Pick<FfmpegBinary, 'path' | 'version' | 'features'>;
  /** The media working directory; the slate goes into its `slate/` folder. */
  readonly dir: string;
  readonly log: Pick<Logger, 'info' | 'warn'>;
  /** A font family that has Hangul, or null; defaults to asking fontconfig (`fc-list :lang=ko`). */
  readonly koreanFont?: () => Promise<string | null>;
}

export class SlateError extends Error {
  override readonly name = 'SlateError';
  readonly code = 'media.slate_failed';
}

/** Dark navy with white text: a contrast ratio near 14:1, well past WCAG AA. */
const background = '0x1d2b53';
/** Players cope with a frame-rate change at a discontinuity; 30 fps is what most sources send. */
const frameRate = 30;
const english = 'We will be right back';
const korean = '잠시 후 다시 돌아오겠습니다';
/** Used when this ffmpeg has no drawtext (a static build without it): the same words, drawn once with Debian's ffmpeg. */
export const slatePngPath = fileURLToPath(new URL('./assets/slate.png', import.meta.url));

export async function prepareSlate(options: PrepareSlateOptions): Promise<SlateClips> {
  const features = await options.ffmpeg.features();
  if (!features.libx264)
    throw new SlateError(`This ffmpeg (${options.ffmpeg.path}) has no libx264 encoder, which live video needs.`);
  const font = features.drawtext ? await (options.koreanFont ?? koreanFontFamily)() : null;
  const folder = join(options.dir, 'slate');
  await mkdir(folder, { recursive: true });
  const clips: Partial<SlateClips> = {};
  for (const rendition of renditions) {
    const args = slateArgs(rendition, features.drawtext, font);
    const hash = createHash('sha256')
      .update(JSON.stringify([options.ffmpeg.version, args]))
      .digest('hex')
      .slice(0, 12);
    const name = `${rendition.name}-${hash}.ts`;
    const path = join(folder, name);
    if (!(await isFile(path))) {
      await render(options.ffmpeg.path, args, path);
      await removeStale(folder, rendition.name, name);
      options.log.info(
        { rendition: rendition.name, path, drawtext: features.drawtext, korean: font !== null },
        'slate rendered'
      );
    }
    clips[rendition.name] = { path, durationSeconds: segmentSeconds };
  }
  return clips as SlateClips;
}

/** The ffmpeg arguments for one rendition's slate, without the output file. */
export function slateArgs(rendition: Rendition, drawtext: boolean, koreanFont: string | null): string[] {
  // Near-silence (pink noise at -80 dBFS) rather than digital zeros: older AAC encoders (the bundled 2018
  // ffmpeg) turn pure silence into empty frames that a prober cannot even recognise as audio.
  const audio = ['-f', 'lavfi', '-i', `anoisesrc=r=${audioSampleRate}:a=0.0001:c=pink`];
  const common = ['-t', String(segmentSeconds), '-f', 'mpegts'];
  if (!rendition.video) return [...audio, '-map', '0:a', ...audioEncodingArgs(rendition), ...common];
  const { width, height } = rendition.video;
  const video = drawtext
    ? ['-f', 'lavfi', '-i', `color=c=${background}:s=${width}x${height}:r=${frameRate}`]
    : ['-loop', '1', '-framerate', String(frameRate), '-i', slatePngPath];
  const filter = drawtext ? textFilter(height, koreanFont) : scaleFilter(rendition);
  return [
    ...video,
    ...audio,
    '-map',
    '0:v',
    '-map',
    '1:a',
    '-vf',
    filter,
    '-r',
    String(frameRate),
    ...videoEncodingArgs(rendition),
    ...audioEncodingArgs(rendition),
    ...common
  ];
}

function textFilter(height: number, koreanFont: string | null): string {
  const size = Math.round(height / 10);
  const line = (text: string, font: string, y: string) =>
    `drawtext=text='${text}':font='${font.replace(/[':\\]/g, '\\$&')}':fontcolor=white:fontsize=${size}:x=(w-text_w)/2:y=${y}`;
  if (!koreanFont) return `${line(english, 'Sans', '(h-text_h)/2')},format=yuv420p`;
  return `${line(english, 'Sans', `h/2-${Math.round(size * 1.2)}`)},${line(korean, koreanFont, `h/2+${Math.round(size * 0.2)}`)},format=yuv420p`;
}

function render(ffmpeg: string, args: string[], path: string): Promise<void> {
  const partial = `${path}.${process.pid}.partial`;
  return new Promise((resolve, reject) => {
    execFile(
      ffmpeg,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args, partial],
      { timeout: 60_000 },
      (error, _stdout, stderr) => {
        if (error) {
          void rm(partial, { force: true });
          reject(
            new SlateError(
              `ffmpeg could not render the slate: ${stderr.trim().split('\n').slice(-3).join(' / ') || error.message}`
            )
          );
          return;
        }
        rename(partial, path).then(resolve, reject);
      }
    );
  });
}

async function removeStale(folder: string, renditionName: string, keep: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (name !== keep && name.startsWith(`${renditionName}-`) && name.endsWith('.ts'))
      await rm(join(folder, name), { force: true });
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The first font family fontconfig knows with Korean coverage, or null (no CJK font installed). */
export function koreanFontFamily(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('fc-list', [':lang=ko', 'family'], { encoding: 'utf8', timeout: 10_000 }, (error, stdout) => {
      const family = error ? undefined : stdout.split('\n')[0]?.split(',')[0]?.trim();
      resolve(family ? family : null);
    });
  });
}
