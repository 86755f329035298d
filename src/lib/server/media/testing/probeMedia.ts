/**
 * What a media file holds, as ffprobe reads it: the streams with their codec,
 * profile and size, and the duration. Tests use it to check segments the way
 * a player would see them; the latency bench uses it too.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';

export interface ProbedStream {
  readonly codec_type: 'video' | 'audio' | string;
  readonly codec_name: string;
  readonly profile?: string;
  readonly width?: number;
  readonly height?: number;
  readonly sample_rate?: string;
  readonly channels?: number;
}

export interface ProbedMedia {
  readonly streams: readonly ProbedStream[];
  /** From the first packet's start to the last one's end: MPEG-TS has no duration field, and ffprobe's estimate from the bitrate is wrong for audio-only files. */
  readonly durationSeconds: number;
}

/** ffprobe beside the ffmpeg in use (Debian ships both in /usr/bin). */
export function ffprobeBeside(ffmpegPath: string): string {
  return join(dirname(ffmpegPath), 'ffprobe');
}

export function probeMedia(ffprobe: string, path: string): Promise<ProbedMedia> {
  const args = [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_type,codec_name,profile,width,height,sample_rate,channels:packet=pts_time,duration_time',
    '-of',
    'json',
    path
  ];
  return new Promise((resolve, reject) => {
    execFile(ffprobe, args, { encoding: 'utf8', timeout: 15_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`ffprobe ${path}: ${stderr || error.message}`));
      const parsed = JSON.parse(stdout) as {
        streams?: ProbedStream[];
        packets?: { pts_time?: string; duration_time?: string }[];
      };
      let first = Infinity;
      let last = -Infinity;
      for (const packet of parsed.packets ?? []) {
        const start = Number(packet.pts_time);
        if (!Number.isFinite(start)) continue;
        first = Math.min(first, start);
        last = Math.max(last, start + (Number(packet.duration_time) || 0));
      }
      resolve({ streams: parsed.streams ?? [], durationSeconds: last > first ? last - first : 0 });
    });
  });
}

/** Decodes the whole file; resolves with ffmpeg's complaints (empty when it decoded cleanly). */
export function decodeErrors(ffmpeg: string, path: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      ffmpeg,
      ['-hide_banner', '-nostdin', '-v', 'error', '-i', path, '-f', 'null', '-'],
      { encoding: 'utf8', timeout: 30_000 },
      (error, _stdout, stderr) => resolve(error ? `${stderr}${error.message}` : stderr.trim())
    );
  });
}
