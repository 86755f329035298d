import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RenditionName } from '../../domain/broadcast/renditions.js';
import type { EncodedSegment } from './broadcastPorts.js';
import { systemFfmpegPath } from './ffmpegBinary.js';
import { isKeyframe, isSequenceHeader, type FlvTag } from './flv.js';
import { decodeErrors, ffprobeBeside, probeMedia } from './testing/probeMedia.js';
import { StageEncoder, type EncoderEnd, type StageEncoderOptions } from './stageEncoder.js';
import { testPatternFeed, type TestPatternFeed } from './testing/testPatternFeed.js';

const log = pino({ level: 'silent' });
const ffmpegPath = systemFfmpegPath;
const ffprobe = ffprobeBeside(ffmpegPath);
const hasFfmpeg = existsSync(ffmpegPath);
if (!hasFfmpeg) console.info(`${ffmpegPath} is missing: the stage encoder tests that run ffmpeg are skipped.`);

describe.skipIf(!hasFfmpeg)('stage encoder (real ffmpeg)', { timeout: 60_000 }, () => {
  let dir: string;
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'madang-encoder-'));
    return () => rm(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  function start(feed: TestPatternFeed, name: string, options: Partial<StageEncoderOptions> = {}) {
    const encoder = new StageEncoder({ ffmpeg: { path: ffmpegPath }, feed, workDir: join(dir, name), log, ...options });
    cleanups.push(
      () => feed.close('test over'),
      () => encoder.stop()
    );
    const segments: EncodedSegment[] = [];
    encoder.on('segment', (segment) => segments.push(segment));
    const ended = new Promise<{ end: EncoderEnd; segmentsBefore: number }>((resolve) =>
      encoder.on('end', (end) => resolve({ end, segmentsBefore: segments.length }))
    );
    return { encoder, segments, ended };
  }

  const of = (segments: EncodedSegment[], rendition: RenditionName) =>
    segments.filter((segment) => segment.rendition === rendition);

  it('copies H.264 from OBS into 720p, cuts every rendition on the same seconds, and ends after the last segment', async () => {
    const feed = testPatternFeed({ ffmpegPath, seconds: 4 });
    const lines: string[] = [];
    const capture = pino(
      { level: 'info' },
      new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) })
    );
    const { encoder, segments, ended } = start(feed, 'copy', { cpuSampleMs: 500, cpuLogMs: 1_000, log: capture });
    const program: FlvTag[] = [];
    encoder.programFeed.follow(
      (tag) => program.push(tag),
      () => {}
    );

    const { end, segmentsBefore } = await ended;
    expect(end.reason).toBe('source_ended');
    expect(encoder.path).toBe('copy');
    expect(segmentsBefore).toBe(segments.length);

    for (const rendition of ['720p', '360p', 'audio'] as const) {
      const indexes = of(segments, rendition).map((segment) => segment.index);
      expect(indexes.slice(0, 4), rendition).toEqual([0, 1, 2, 3]);
      for (const segment of of(segments, rendition).slice(0, 3)) expect(segment.durationSeconds).toBeCloseTo(1, 1);
    }
    const [first, second] = of(segments, '360p');
    expect(second!.startsAt.getTime() - first!.startsAt.getTime()).toBeGreaterThan(900);
    expect(second!.startsAt.getTime() - first!.startsAt.getTime()).toBeLessThan(1100);

    const middle = (rendition: RenditionName) => of(segments, rendition)[1]!.path;
    expect((await probeMedia(ffprobe, middle('720p'))).streams[0]).toMatchObject({
      codec_name: 'h264',
      width: 640,
      height: 360
    });
    expect((await probeMedia(ffprobe, middle('360p'))).streams[0]).toMatchObject({
      codec_name: 'h264',
      profile: 'Main',
      width: 640,
      height: 360
    });
    expect((await probeMedia(ffprobe, middle('audio'))).streams.map((stream) => stream.codec_type)).toEqual(['audio']);
    expect(await decodeErrors(ffmpegPath, middle('720p'))).toBe('');

    // The program joins at a keyframe, after the metadata and both codec headers.
    expect(
      program
        .slice(0, 3)
        .map((tag) => tag.type)
        .sort()
    ).toEqual(['audio', 'script', 'video']);
    expect(program.slice(1, 3).every(isSequenceHeader)).toBe(true);
    expect(isKeyframe(program[3]!)).toBe(true);
    expect(program.length).toBeGreaterThan(100);

    expect(encoder.cpuSeconds).toBeGreaterThan(0);
    expect(encoder.cpuPercent).toBeGreaterThan(0);
    expect(encoder.segmentCounts['360p']).toBe(of(segments, '360p').length);
    const logged = lines.map(
      (line) => JSON.parse(line) as { msg: string; path?: string; cpuPercent?: number; stageId?: string }
    );
    expect(logged.map((line) => line.msg)).toContain(
      'stage encoder: copying the source H.264 into 720p, encoding 360p'
    );
    expect(logged.find((line) => line.msg === 'stage encoder cpu')).toMatchObject({
      stageId: 'stage-test',
      path: 'copy',
      cpuPercent: expect.any(Number)
    });
  });

  it('encodes a browser WebM (VP8 + Opus) into 1280x720 and 640x360', async () => {
    const feed = testPatternFeed({ ffmpegPath, seconds: 3, format: 'webm' });
    const { encoder, segments, ended } = start(feed, 'transcode');
    const { end } = await ended;
    expect(end.reason).toBe('source_ended');
    expect(encoder.path).toBe('transcode');
    const hd = (await probeMedia(ffprobe, of(segments, '720p')[1]!.path)).streams;
    expect(hd).toEqual([
      expect.objectContaining({ codec_name: 'h264', profile: 'High', width: 1280, height: 720 }),
      expect.objectContaining({ codec_name: 'aac', sample_rate: '48000', channels: 2 })
    ]);
    expect((await probeMedia(ffprobe, of(segments, '360p')[1]!.path)).streams[0]).toMatchObject({
      width: 640,
      height: 360
    });
    expect(
      of(segments, '720p')
        .map((segment) => segment.index)
        .slice(0, 2)
    ).toEqual(
      of(segments, '360p')
        .map((segment) => segment.index)
        .slice(0, 2)
    );
  });

  it('gives a source without audio (OBS with no audio device) a silent track in every rendition', async () => {
    const feed = testPatternFeed({ ffmpegPath, seconds: 3, audio: false });
    const { encoder, segments, ended } = start(feed, 'no-audio');
    const { end } = await ended;
    expect(end.reason).toBe('source_ended');
    expect(encoder.path).toBe('copy');
    const hd = (await probeMedia(ffprobe, of(segments, '720p')[1]!.path)).streams;
    expect(hd).toEqual([
      expect.objectContaining({ codec_name: 'h264' }),
      expect.objectContaining({ codec_name: 'aac', sample_rate: '48000', channels: 2 })
    ]);
    expect(
      (await probeMedia(ffprobe, of(segments, 'audio')[1]!.path)).streams.map((stream) => stream.codec_type)
    ).toEqual(['audio']);
    expect(of(segments, 'audio').length).toBeGreaterThanOrEqual(2);
    expect(await decodeErrors(ffmpegPath, of(segments, '720p')[1]!.path)).toBe('');
  });

  it('scales a source larger than 720p instead of copying it', async () => {
    const feed = testPatternFeed({ ffmpegPath, seconds: 60, size: '1024x768' });
    const { encoder } = start(feed, 'large');
    const segment = await new Promise<EncodedSegment>((resolve) =>
      encoder.on('segment', (s) => s.rendition === '720p' && resolve(s))
    );
    expect(encoder.path).toBe('transcode');
    expect((await probeMedia(ffprobe, segment.path)).streams[0]).toMatchObject({ width: 1280, height: 720 });
  });

  it('encodes H.264 whose keyframes are 2 s apart, so that segments stay 1 s long', async () => {
    const feed = testPatternFeed({ ffmpegPath, seconds: 60, keyframeSeconds: 2 });
    const { encoder } = start(feed, 'long-gop');
    await new Promise<void>((resolve) => encoder.once('segment', () => resolve()));
    expect(encoder.path).toBe('transcode');
  });

  it('stops ffmpeg on stop(), mid-stream', async () => {
    const feed = testPatternFeed({ ffmpegPath, seconds: 60 });
    const { encoder, ended } = start(feed, 'stop');
    await new Promise<void>((resolve) => encoder.once('segment', () => resolve()));
    const pid = encoder.pid!;
    expect(() => process.kill(pid, 0)).not.toThrow();
    const stoppedAt = Date.now();
    await encoder.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(Date.now() - stoppedAt).toBeLessThan(3_500);
    expect((await ended).end.reason).toBe('stopped');
    expect(encoder.isRunning).toBe(false);
  });

  it('ends with the source when the source is cut rather than ended', async () => {
    const feed = testPatternFeed({ ffmpegPath, seconds: 60 });
    const { encoder, segments, ended } = start(feed, 'cut');
    await new Promise<void>((resolve) => encoder.once('segment', () => resolve()));
    feed.stream.destroy();
    const { end } = await ended;
    expect(end.reason).toBe('source_ended');
    expect(of(segments, '720p').length).toBeGreaterThanOrEqual(1);
  });

  it('reports what ffmpeg said when it fails', async () => {
    const feed = testPatternFeed({ ffmpegPath, seconds: 2 });
    const encoder = new StageEncoder({ ffmpeg: { path: '/bin/false' }, feed, workDir: join(dir, 'false'), log });
    cleanups.push(
      () => feed.close('test over'),
      () => encoder.stop()
    );
    const end = await new Promise<EncoderEnd>((resolve) => encoder.on('end', resolve));
    expect(end).toMatchObject({ reason: 'failed', code: 'media.encoder_failed', exitCode: 1 });
  });

  it('reports a source that is not FLV as failed, without starting ffmpeg', async () => {
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    const feed = { stageId: 's', via: 'rtmp', format: 'flv', stream, description: 'garbage', close: () => {} } as const;
    const encoder = new StageEncoder({ ffmpeg: { path: ffmpegPath }, feed, workDir: join(dir, 'garbage'), log });
    const ended = new Promise<EncoderEnd>((resolve) => encoder.on('end', resolve));
    stream.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    const end = await ended;
    expect(end).toMatchObject({ reason: 'failed', code: 'media.source_not_flv' });
    expect(end.detail).toContain('not FLV');
    expect(encoder.path).toBeNull();
  });
});
