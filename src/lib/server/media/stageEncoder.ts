/**
 * One ffmpeg per live source of a stage: the source's bytes go in on stdin
 * (with backpressure), and out come every rendition of `renditions.ts` as
 * MPEG-TS segment files of `segmentSeconds`, plus the program (720p + AAC) as
 * FLV on fd 3 for the outside destinations. Each finished segment is
 * announced with the wall-clock time of its first frame; the renditions cut
 * on the same forced keyframes, so the same moment has the same index in each.
 *
 * When the source is FLV with H.264 already (OBS's usual output) and no
 * larger than 720p, the 720p rendition copies the video as it comes (the
 * cheap path) and only 360p is encoded — provided its keyframes are one
 * segment apart, since a copy can only be cut on the source's own keyframes
 * (OBS: keyframe interval 1 s). An FLV source without audio gets a silent
 * track (`silentAudio.ts`), since every rendition carries audio. ffmpeg's CPU
 * time is read from /proc every few seconds so the console and /metrics can
 * show what each stream costs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import { renditions, segmentSeconds, type Rendition, type RenditionName } from '../../domain/broadcast/renditions.js';
import type { EncodedSegment, IngestFeed } from './broadcastPorts.js';
import { encoderArgs, firstListFd, programFd, type EncoderPath } from './encoderArgs.js';
import type { FfmpegBinary } from './ffmpegBinary.js';
import { FlvTagReader, isKeyframe, isSequenceHeader, videoCodecOf, type FlvTag } from './flv.js';
import { announcesAudio, readFlvMetadata, videoSizeOf } from './flvMetadata.js';
import { createProgramFeed, type ProgramFeedWriter } from './programFeed.js';
import { SilentAudioTrack } from './silentAudio.js';

export type { EncoderPath } from './encoderArgs.js';

export interface EncoderEnd {
  /** `source_ended`: the feed ended and ffmpeg flushed; `stopped`: stop() was called; `failed`: ffmpeg gave up. */
  readonly reason: 'source_ended' | 'stopped' | 'failed';
  /** For a failure: `media.source_not_flv` (the source sent something else) or `media.encoder_failed` (ffmpeg exited with an error). */
  readonly code: 'media.source_not_flv' | 'media.encoder_failed' | null;
  readonly exitCode: number | null;
  /** ffmpeg's last lines of complaint, for the log and a producer-facing status. */
  readonly detail: string;
}

export interface StageEncoderOptions {
  readonly ffmpeg: Pick<FfmpegBinary, 'path'>;
  readonly feed: IngestFeed;
  /** Absolute; segments go to `<workDir>/<rendition>/<n>.ts`. One per source: a new source gets a new folder. */
  readonly workDir: string;
  readonly log: Pick<Logger, 'info' | 'warn' | 'debug'>;
  /** Milliseconds since the epoch; the segments' `startsAt` count from the moment the source's first bytes arrived. */
  readonly clock?: () => number;
  /** How often ffmpeg's CPU time is read. Default 5 s. */
  readonly cpuSampleMs?: number;
  /** How often the CPU figure is logged. Default one minute. */
  readonly cpuLogMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. Default 3 s. */
  readonly killAfterMs?: number;
}

interface StageEncoderEvents {
  segment: [segment: EncodedSegment];
  end: [end: EncoderEnd];
}

/** Bytes of FLV read while looking for the first video tag; past this the source is encoded without peeking further. */
const maxPeekBytes = 4 * 1024 * 1024;
const maxPeekMs = 3_000;
const stderrLinesKept = 20;
/** Linux reports process CPU time in clock ticks; `getconf CLK_TCK` is 100 on every Linux Node runs on. */
const clockTicksPerSecond = 100;

export class StageEncoder extends EventEmitter<StageEncoderEvents> {
  readonly stageId: string;
  /** The program for simulcast; ends when the encoder ends. */
  readonly programFeed: ProgramFeedWriter = createProgramFeed();
  #path: EncoderPath | null = null;
  #child: ChildProcess | null = null;
  #startedAt: number | null = null;
  #stopping = false;
  #ended: EncoderEnd | null = null;
  #exited: Promise<void>;
  #resolveExited!: () => void;
  #stderr: string[] = [];
  #segmentCounts: Record<RenditionName, number> = { '720p': 0, '360p': 0, audio: 0 };
  #lastIndex: Record<RenditionName, number> = { '720p': -1, '360p': -1, audio: -1 };
  #cpuTicks = 0;
  #cpuPercent = 0;
  #timers: NodeJS.Timeout[] = [];
  #stopPeeking: (() => void) | null = null;
  /** Where the source's bytes go: ffmpeg's stdin, or the silent-audio remuxer in front of it. */
  #input: Writable | null = null;
  readonly #options: Required<Omit<StageEncoderOptions, 'clock'>> & { clock: () => number };

  constructor(options: StageEncoderOptions) {
    super();
    if (!isAbsolute(options.workDir) || /[|[\]%\\]/.test(options.workDir)) {
      throw new Error(
        `The encoder's working folder must be an absolute path without | [ ] % or \\: ${options.workDir}`
      );
    }
    this.#options = { cpuSampleMs: 5_000, cpuLogMs: 60_000, killAfterMs: 3_000, clock: Date.now, ...options };
    this.stageId = options.feed.stageId;
    this.#exited = new Promise((resolve) => (this.#resolveExited = resolve));
    this.#begin();
  }

  /** Null until the first video tag of an FLV source has been seen. */
  get path(): EncoderPath | null {
    return this.#path;
  }

  /** CPU seconds ffmpeg has used so far (read every few seconds). */
  get cpuSeconds(): number {
    return this.#cpuTicks / clockTicksPerSecond;
  }

  /** Percent of one core over the last sampling interval. */
  get cpuPercent(): number {
    return this.#cpuPercent;
  }

  get segmentCounts(): Readonly<Record<RenditionName, number>> {
    return this.#segmentCounts;
  }

  /** ffmpeg's process id once started, for logs and diagnostics. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  get isRunning(): boolean {
    return this.#ended === null;
  }

  /** Ends ffmpeg (SIGTERM, SIGKILL after 3 s); resolves once it has exited and 'end' was emitted. */
  async stop(): Promise<void> {
    if (!this.#ended) {
      this.#stopping = true;
      const child = this.#child;
      if (child && child.exitCode === null && child.signalCode === null) {
        if (this.#input) this.#options.feed.stream.unpipe(this.#input);
        child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), this.#options.killAfterMs);
        await this.#exited;
        clearTimeout(kill);
      } else if (!child) {
        this.#finish({ reason: 'stopped', code: null, exitCode: null, detail: '' });
      }
    }
    await this.#exited;
  }

  #begin(): void {
    const { feed } = this.#options;
    if (feed.format === 'webm') {
      this.#startedAt = this.#options.clock();
      this.#spawn('transcode', [], 'a browser source (WebM)');
      return;
    }
    // Peek at the first video tag to learn the codec, keeping every byte read so ffmpeg still gets the whole stream.
    const peeked: Buffer[] = [];
    let peekedBytes = 0;
    const reader = new FlvTagReader();
    // Audio counts as there when a tag of it arrived or the metadata announces it (a decision can come before the first audio tag).
    let hasAudio = false;
    const decide = (path: EncoderPath, why: string) => {
      if (this.#path || this.#ended) return;
      feed.stream.pause();
      this.#stopPeeking?.();
      this.#stopPeeking = null;
      this.#spawn(path, peeked, why, hasAudio);
    };
    const onData = (chunk: Buffer) => {
      this.#startedAt ??= this.#options.clock();
      peeked.push(chunk);
      peekedBytes += chunk.length;
      reader.write(chunk);
      if (peekedBytes > maxPeekBytes) decide('transcode', 'no video in the first 4 MiB');
    };
    const onEnd = () => decide('transcode', 'the source ended while being inspected');
    const inspect = copyInspection();
    reader.on('data', (tag: FlvTag) => {
      if (tag.type === 'audio' || announcesAudio(readFlvMetadata(tag))) hasAudio = true;
      const verdict = inspect(tag);
      if (verdict) decide(verdict.path, verdict.why);
    });
    reader.on('error', (error) => {
      this.#finish({
        reason: 'failed',
        code: 'media.source_not_flv',
        exitCode: null,
        detail: `The source is not valid FLV: ${error.message}`
      });
    });
    feed.stream.on('data', onData);
    feed.stream.on('end', onEnd);
    this.#stopPeeking = () => {
      feed.stream.off('data', onData);
      feed.stream.off('end', onEnd);
      reader.destroy();
    };
  }

  /** FLV in, FLV with a silent AAC track out, into `stdin`; a source that stops being FLV ends ffmpeg's input. */
  #withSilentAudio(stdin: Writable): Writable {
    const reader = new FlvTagReader();
    const silent = new SilentAudioTrack();
    reader.on('error', (error) => {
      this.#options.log.warn(
        { stageId: this.stageId, err: error },
        'stage encoder: the source stopped being valid FLV'
      );
      silent.end();
    });
    reader.pipe(silent).pipe(stdin);
    this.#options.log.info({ stageId: this.stageId }, 'stage encoder: the source has no audio; adding silence');
    return reader;
  }

  /** `hasAudio` false: an FLV source without audio, given a silent track (`SilentAudioTrack`). */
  #spawn(path: EncoderPath, peeked: Buffer[], why: string, hasAudio = true): void {
    if (this.#stopping) {
      this.#finish({ reason: 'stopped', code: null, exitCode: null, detail: '' });
      return;
    }
    const { feed, workDir, log } = this.#options;
    this.#path = path;
    this.#startedAt ??= this.#options.clock();
    for (const rendition of renditions) mkdirSync(join(workDir, rendition.name), { recursive: true });
    log.info(
      { stageId: this.stageId, path, why, via: feed.via, source: feed.description },
      path === 'copy'
        ? 'stage encoder: copying the source H.264 into 720p, encoding 360p'
        : 'stage encoder: encoding every rendition'
    );
    const child = spawn(this.#options.ffmpeg.path, encoderArgs({ path, input: feed.format, workDir }), {
      stdio: ['pipe', 'ignore', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe']
    });
    this.#child = child;
    const stdin = child.stdin!;
    // ffmpeg may exit before reading everything (it failed, or was stopped): an EPIPE here is expected, not a crash.
    stdin.on('error', (error) => log.debug({ stageId: this.stageId, err: error }, 'stage encoder stdin closed'));
    const input = hasAudio ? stdin : this.#withSilentAudio(stdin);
    this.#input = input;
    for (const chunk of peeked) input.write(chunk);
    if (feed.stream.readableEnded || feed.stream.destroyed) input.end();
    else {
      feed.stream.pipe(input);
      // pipe() ends stdin only on a clean end; a source that is cut (socket reset, destroyed) must end it too,
      // or ffmpeg would wait for bytes that never come instead of flushing its last segments.
      const endInput = () => {
        feed.stream.unpipe(input);
        if (!input.writableEnded) input.end();
      };
      feed.stream.once('error', endInput);
      feed.stream.once('close', endInput);
    }

    const stderr = createInterface({ input: child.stderr! });
    stderr.on('line', (line) => {
      this.#stderr.push(line);
      if (this.#stderr.length > stderrLinesKept) this.#stderr.shift();
      log.debug({ stageId: this.stageId, ffmpeg: line }, 'ffmpeg');
    });

    const program = (child.stdio[programFd] as Readable).pipe(new FlvTagReader());
    program.on('data', (tag: FlvTag) => this.programFeed.write(tag));
    program.on('error', (error) =>
      log.warn({ stageId: this.stageId, err: error }, 'stage encoder: unreadable program feed')
    );

    const listsRead = renditions.map((rendition, i) =>
      this.#readSegmentList(rendition, child.stdio[firstListFd + i] as Readable)
    );
    const exited = new Promise<{ code: number | null }>((resolve) => child.on('exit', (code) => resolve({ code })));
    child.on('error', (error) => {
      // spawn itself failed (binary gone): there will be no 'exit'.
      this.#stderr.push(error.message);
      this.#finish({ reason: 'failed', code: 'media.encoder_failed', exitCode: null, detail: error.message });
    });
    this.#startCpuSampling(child);
    void Promise.all([exited, ...listsRead]).then(([{ code }]) => {
      const reason = this.#stopping ? 'stopped' : code === 0 ? 'source_ended' : 'failed';
      const failed = reason === 'failed';
      this.#finish({
        reason,
        code: failed ? 'media.encoder_failed' : null,
        exitCode: code,
        detail: failed ? this.#stderr.join('\n') : ''
      });
    });
  }

  #readSegmentList(rendition: Rendition, list: Readable): Promise<void> {
    const lines = createInterface({ input: list });
    lines.on('line', (line) => {
      const segment = this.#segmentOf(rendition, line);
      if (!segment) return;
      this.#segmentCounts[rendition.name] += 1;
      this.emit('segment', segment);
    });
    return new Promise((resolve) => lines.on('close', resolve));
  }

  /** A line of ffmpeg's CSV segment list, `name,start,end` (seconds from the first frame), written once the file is closed. */
  #segmentOf(rendition: Rendition, line: string): EncodedSegment | null {
    const match = /^"?([^",]+)"?,([\d.]+),([\d.]+)$/.exec(line.trim());
    if (!match) return null;
    const start = Number(match[2]);
    const end = Number(match[3]);
    // The nearest boundary names the moment; never repeat an index even if a copied source keyframes oddly.
    const index = Math.max(Math.round(start / segmentSeconds), this.#lastIndex[rendition.name] + 1);
    this.#lastIndex[rendition.name] = index;
    return {
      rendition: rendition.name,
      path: join(this.#options.workDir, rendition.name, match[1]!),
      durationSeconds: Math.max(0, end - start),
      startsAt: new Date(this.#startedAt! + Math.round(start * 1000)),
      index
    };
  }

  #startCpuSampling(child: ChildProcess): void {
    const { log, cpuSampleMs, cpuLogMs } = this.#options;
    let lastTicks = 0;
    let lastAt = performance.now();
    const sample = async () => {
      const ticks = await cpuTicksOf(child.pid);
      if (ticks === null) return;
      const now = performance.now();
      this.#cpuPercent = ((ticks - lastTicks) / clockTicksPerSecond / ((now - lastAt) / 1000)) * 100;
      this.#cpuTicks = ticks;
      lastTicks = ticks;
      lastAt = now;
    };
    const sampler = setInterval(() => void sample(), cpuSampleMs);
    const logger = setInterval(
      () =>
        log.info(
          {
            stageId: this.stageId,
            path: this.#path,
            cpuPercent: Math.round(this.#cpuPercent * 10) / 10,
            cpuSeconds: this.cpuSeconds
          },
          'stage encoder cpu'
        ),
      cpuLogMs
    );
    sampler.unref();
    logger.unref();
    this.#timers.push(sampler, logger);
  }

  #finish(end: EncoderEnd): void {
    if (this.#ended) return;
    this.#ended = end;
    for (const timer of this.#timers) clearInterval(timer);
    this.#stopPeeking?.();
    const { log, feed } = this.#options;
    const stdin = this.#child?.stdin;
    if (stdin) feed.stream.unpipe(stdin as Writable);
    this.programFeed.end();
    const fields = {
      stageId: this.stageId,
      path: this.#path,
      reason: end.reason,
      exitCode: end.exitCode,
      cpuSeconds: this.cpuSeconds
    };
    if (end.reason === 'failed') log.warn({ ...fields, detail: end.detail }, 'stage encoder failed');
    else log.info(fields, 'stage encoder ended');
    this.emit('end', end);
    this.#resolveExited();
  }
}

/**
 * Reads an FLV source's first tags and says whether its H.264 can be the 720p
 * rendition as it is: only if it is no larger than 720p (a 1080p OBS output
 * would otherwise reach viewers who chose 720p) and its keyframes are one
 * segment apart (a copied stream can only be cut on its own keyframes, and
 * 2 s segments would put the glass-to-glass time past 4 s). Waiting for the
 * second keyframe delays only the start: the copy catches up at once.
 */
function copyInspection(): (tag: FlvTag) => { path: EncoderPath; why: string } | null {
  const hd = renditions.find((rendition) => rendition.name === '720p')!.video!;
  const segmentMs = segmentSeconds * 1000;
  let size: { width: number; height: number } | null = null;
  let firstKeyframeAt: number | null = null;
  return (tag) => {
    if (tag.type === 'script') size = videoSizeOf(readFlvMetadata(tag)) ?? size;
    if (tag.type !== 'video') {
      return tag.timestamp > maxPeekMs
        ? { path: 'transcode', why: `no video in the first ${maxPeekMs / 1000} s` }
        : null;
    }
    const codec = videoCodecOf(tag);
    if (codec !== 'h264') return { path: 'transcode', why: `the source's video is ${codec}, not H.264` };
    if (size && (size.width > hd.width || size.height > hd.height)) {
      return {
        path: 'transcode',
        why: `the source is ${size.width}x${size.height}, larger than ${hd.width}x${hd.height}`
      };
    }
    if (isSequenceHeader(tag)) return null;
    if (firstKeyframeAt === null) {
      if (isKeyframe(tag)) firstKeyframeAt = tag.timestamp;
      return null;
    }
    const apart = tag.timestamp - firstKeyframeAt;
    // A quarter segment of slack covers 29.97 fps and encoders that place keyframes a frame late.
    if (isKeyframe(tag) && apart <= segmentMs * 1.25)
      return { path: 'copy', why: `H.264 with keyframes ${apart} ms apart` };
    if (apart > segmentMs * 1.25)
      return {
        path: 'transcode',
        why: `the source's keyframes are more than ${segmentSeconds} s apart (set the encoder's keyframe interval to ${segmentSeconds} s for the copy path)`
      };
    return null;
  };
}

/** utime + stime of a process, in clock ticks (proc(5)); null where there is no /proc or the process is gone. */
async function cpuTicksOf(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
