import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentSeconds } from '../../domain/broadcast/renditions.js';
import { bundledFfmpegPath, locateFfmpeg, systemFfmpegPath, type FfmpegBinary } from './ffmpegBinary.js';
import { decodeErrors, ffprobeBeside, probeMedia } from './testing/probeMedia.js';
import { prepareSlate, slateArgs, slatePngPath, type SlateClips } from './slate.js';

const log = pino({ level: 'silent' });
const hasFfmpeg = existsSync(systemFfmpegPath);
if (!hasFfmpeg) console.info(`${systemFfmpegPath} is missing: the slate tests that render are skipped.`);

describe('slate arguments', () => {
  const [hd] = [
    {
      name: '720p',
      video: { width: 1280, height: 720, kbps: 2500 },
      audioKbps: 128,
      codecs: 'avc1.64001f,mp4a.40.2'
    } as const
  ];

  it('falls back to the committed picture when ffmpeg cannot draw text', () => {
    expect(slateArgs(hd, false, null)).toEqual(expect.arrayContaining(['-loop', '1', slatePngPath]));
    expect(existsSync(slatePngPath)).toBe(true);
  });

  it('writes the Korean line only when a Korean font is known', () => {
    expect(slateArgs(hd, true, null).join(' ')).not.toContain('잠시 후');
    expect(slateArgs(hd, true, 'Noto Sans CJK KR').join(' ')).toContain(
      "text='잠시 후 다시 돌아오겠습니다':font='Noto Sans CJK KR'"
    );
  });
});

describe.skipIf(!hasFfmpeg)('prepareSlate', () => {
  let dir: string;
  let ffmpeg: FfmpegBinary;
  let clips: SlateClips;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'madang-slate-'));
    ffmpeg = locateFfmpeg({ env: {} });
    clips = await prepareSlate({ ffmpeg, dir, log });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('renders one second per rendition in the encoder formats', async () => {
    const ffprobe = ffprobeBeside(ffmpeg.path);
    const hd = await probeMedia(ffprobe, clips['720p'].path);
    const sd = await probeMedia(ffprobe, clips['360p'].path);
    const audio = await probeMedia(ffprobe, clips.audio.path);
    expect(hd.streams).toEqual([
      expect.objectContaining({ codec_type: 'video', codec_name: 'h264', profile: 'High', width: 1280, height: 720 }),
      expect.objectContaining({ codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 })
    ]);
    expect(sd.streams[0]).toMatchObject({ codec_name: 'h264', profile: 'Main', width: 640, height: 360 });
    expect(audio.streams).toEqual([
      expect.objectContaining({ codec_type: 'audio', codec_name: 'aac', sample_rate: '48000' })
    ]);
    for (const probed of [hd, sd, audio]) expect(probed.durationSeconds).toBeCloseTo(segmentSeconds, 1);
    expect(clips['720p'].durationSeconds).toBe(segmentSeconds);
    expect(await decodeErrors(ffmpeg.path, clips['720p'].path)).toBe('');
  });

  it('reuses the rendered files on a second call', async () => {
    const before = (await stat(clips['720p'].path)).mtimeMs;
    const again = await prepareSlate({ ffmpeg, dir, log });
    expect(again).toEqual(clips);
    expect((await stat(again['720p'].path)).mtimeMs).toBe(before);
  });

  it('renders anew, and drops the old file, when the arguments change', async () => {
    const changed = await prepareSlate({ ffmpeg, dir, log, koreanFont: () => Promise.resolve('DejaVu Sans') });
    expect(changed['720p'].path).not.toBe(clips['720p'].path);
    expect(existsSync(clips['720p'].path)).toBe(false);
    expect(changed.audio.path).toBe(clips.audio.path);
  });

  it.skipIf(!bundledFfmpegPath())('renders probeable clips with the ffmpeg bundled in node_modules too', async () => {
    const bundled = locateFfmpeg({ env: { FFMPEG_PATH: bundledFfmpegPath()! } });
    const fromBundled = await prepareSlate({ ffmpeg: bundled, dir: join(dir, 'bundled'), log });
    const audio = await probeMedia(ffprobeBeside(ffmpeg.path), fromBundled.audio.path);
    expect(audio.streams).toEqual([expect.objectContaining({ codec_name: 'aac', sample_rate: '48000', channels: 2 })]);
    expect(audio.durationSeconds).toBeCloseTo(segmentSeconds, 1);
  });

  it('renders from the committed picture when this ffmpeg has no drawtext', async () => {
    const withoutText = { ...ffmpeg, features: () => Promise.resolve({ libx264: true, drawtext: false }) };
    const fallback = await prepareSlate({ ffmpeg: withoutText, dir: join(dir, 'no-drawtext'), log });
    const probed = await probeMedia(ffprobeBeside(ffmpeg.path), fallback['360p'].path);
    expect(probed.streams[0]).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
  });
});
