/**
 * One attempt at sending a stage's program to one outside destination: an
 * ffmpeg that reads FLV on stdin and copies it (no re-encoding) to the
 * destination's RTMP(S) URL. The relay only reports what happened —
 * connected, failed with a reason, exited — and `Simulcast` turns that into
 * the destination's status and its retries.
 *
 * It must never slow the program or the other relays: tags are written
 * without waiting, and when this ffmpeg stops draining (the destination's
 * network is too slow, or it hangs) and more than 4 s or 8 MiB is queued,
 * the relay is dropped as "too slow" instead of buffering without bound.
 * Before the destination has answered (ffmpeg reads nothing while it
 * connects) the relay skips ahead to a keyframe instead, so a slow
 * handshake is not mistaken for a slow destination.
 * The stream key is part of ffmpeg's output URL, so it is redacted from
 * every stderr line before a line is logged or read for a reason.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { destinationTarget } from '../../../domain/broadcast/destinations/destinationInput.js';
import { failureReasonOf, type FailureReason } from '../../../domain/broadcast/destinations/destinationStatus.js';
import type { ProgramFeed } from '../broadcastPorts.js';
import { encodeFlvTag, flvHeader, isKeyframe, type FlvTag } from '../flv.js';

/** A destination ready to send to: its key already unsealed. */
export interface RelayDestination {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly streamKey: string;
}

/** What the relay needs of a logger (pino's `(fields, message)` shape). */
export interface RelayLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export type RelayReport =
  | { readonly type: 'connected' }
  | { readonly type: 'failed'; readonly reason: FailureReason }
  /** ffmpeg is gone; `reason` null when it ended because the program did or `stop()` was called. */
  | { readonly type: 'exited'; readonly reason: FailureReason | null };

export interface RelayOptions {
  readonly ffmpegPath: string;
  readonly destination: RelayDestination;
  readonly stageId: string;
  readonly feed: ProgramFeed;
  readonly log: RelayLog;
  readonly onReport: (report: RelayReport) => void;
  /** Queue limits before the destination counts as too slow. */
  readonly maxQueuedMilliseconds?: number;
  readonly maxQueuedBytes?: number;
}

const keptStderrLines = 12;
const killGraceMilliseconds = 3000;

export const redactedKey = '[stream key]';

/** `text` with the key (as typed, and percent-encoded as ffmpeg may print it) replaced. */
export function redactKey(text: string, streamKey: string): string {
  let out = text;
  for (const form of new Set([streamKey, encodeURIComponent(streamKey)]))
    if (form !== '') out = out.split(form).join(redactedKey);
  return out;
}

export class DestinationRelay {
  readonly #options: RelayOptions;
  readonly #maxQueuedMilliseconds: number;
  readonly #maxQueuedBytes: number;
  readonly #lines: string[] = [];
  #child: ChildProcess | null = null;
  #unfollow: (() => void) | null = null;
  #connected = false;
  #failed = false;
  #stopping = false;
  #exited = false;
  #tooSlow = false;
  #inputEnded = false;
  #skipping = false;
  #killTimer: NodeJS.Timeout | null = null;
  /** Media time of the newest tag written, and of the newest one ffmpeg's stdin has taken. */
  #writtenTimestamp: number | null = null;
  #flushedTimestamp: number | null = null;

  constructor(options: RelayOptions) {
    this.#options = options;
    this.#maxQueuedMilliseconds = options.maxQueuedMilliseconds ?? 4000;
    this.#maxQueuedBytes = options.maxQueuedBytes ?? 8 * 1024 * 1024;
  }

  get #fields() {
    return {
      stage: this.#options.stageId,
      destination: this.#options.destination.id,
      destinationName: this.#options.destination.name
    };
  }

  start(): void {
    const { ffmpegPath, destination } = this.#options;
    const args = [
      '-hide_banner',
      '-loglevel',
      'warning',
      '-nostats',
      // Progress on fd 3: the first muxed packet proves the destination accepted the publish.
      '-progress',
      'pipe:3',
      '-analyzeduration',
      '1000000',
      '-f',
      'flv',
      '-i',
      'pipe:0',
      '-c',
      'copy',
      // A network output cannot be seeked back to patch duration and size into the header.
      '-flvflags',
      'no_duration_filesize',
      '-f',
      'flv',
      destinationTarget(destination.url, destination.streamKey)
    ];
    this.#options.log.info({ ...this.#fields, url: destination.url }, 'simulcast relay starting');
    const child = spawn(ffmpegPath, args, { stdio: ['pipe', 'ignore', 'pipe', 'pipe'] });
    this.#child = child;
    child.on('error', (error) => {
      this.#lines.push(redactKey(error.message, destination.streamKey));
      this.#finish(null);
    });
    child.on('close', (code) => this.#finish(code));
    const stdin = child.stdin as Writable;
    // EPIPE when ffmpeg exits first; its exit is what reports the failure.
    stdin.on('error', () => {});
    readLines(child.stderr as Readable, (line) => this.#stderrLine(line));
    readLines(child.stdio[3] as Readable, (line) => this.#progressLine(line));
    stdin.write(flvHeader());
    this.#unfollow = this.#options.feed.follow(
      (tag) => this.#write(tag),
      () => {
        this.#unfollow = null;
        this.#inputEnded = true;
        this.#endInput();
      }
    );
  }

  /** Stops sending: ffmpeg finishes what it has, and is killed if it does not exit within 3 s. */
  stop(): void {
    if (this.#stopping || this.#exited) return;
    this.#stopping = true;
    this.#unfollow?.();
    this.#unfollow = null;
    this.#endInput();
  }

  #endInput(): void {
    const child = this.#child;
    if (!child || this.#exited) return;
    child.stdin?.end();
    this.#killTimer ??= setTimeout(() => child.kill('SIGKILL'), killGraceMilliseconds);
  }

  #write(tag: FlvTag): void {
    const stdin = this.#child?.stdin;
    if (!stdin || this.#exited || this.#tooSlow || stdin.writableEnded) return;
    if (this.#skipping) {
      // Before the destination answers ffmpeg reads nothing; rather than queue, rejoin at a keyframe once it does.
      if (!isKeyframe(tag) || this.#isOverLimit(stdin, tag.timestamp)) return;
      this.#skipping = false;
    }
    this.#writtenTimestamp = tag.timestamp;
    this.#flushedTimestamp ??= tag.timestamp;
    stdin.write(encodeFlvTag(tag), () => {
      this.#flushedTimestamp = tag.timestamp;
    });
    if (!this.#isOverLimit(stdin, tag.timestamp)) return;
    if (this.#connected)
      this.#dropTooSlow(stdin.writableLength, tag.timestamp - (this.#flushedTimestamp ?? tag.timestamp));
    else this.#skipping = true;
  }

  #isOverLimit(stdin: Writable, timestamp: number): boolean {
    const queuedBytes = stdin.writableLength;
    const queuedMilliseconds = timestamp - (this.#flushedTimestamp ?? timestamp);
    return queuedBytes > 0 && (queuedBytes > this.#maxQueuedBytes || queuedMilliseconds > this.#maxQueuedMilliseconds);
  }

  #dropTooSlow(queuedBytes: number, queuedMilliseconds: number): void {
    this.#tooSlow = true;
    this.#failed = true;
    this.#options.log.warn(
      { ...this.#fields, queuedBytes, queuedMilliseconds },
      'simulcast relay dropped: the destination is too slow'
    );
    this.#report({ type: 'failed', reason: 'too_slow' });
    this.#unfollow?.();
    this.#unfollow = null;
    // SIGKILL: a stuck (or stopped) process would never act on SIGTERM, and what it holds is lost anyway.
    this.#child?.kill('SIGKILL');
  }

  #stderrLine(raw: string): void {
    const line = redactKey(raw, this.#options.destination.streamKey);
    this.#lines.push(line);
    if (this.#lines.length > keptStderrLines) this.#lines.shift();
    this.#options.log.warn({ ...this.#fields, ffmpeg: line }, 'simulcast relay ffmpeg');
    const reason = failureReasonOf([line]);
    if (reason !== 'unknown' && !this.#failed && !this.#stopping) {
      this.#failed = true;
      this.#report({ type: 'failed', reason });
    }
  }

  #progressLine(line: string): void {
    const match = /^out_time_us=(\d+)$/.exec(line.trim());
    if (match && Number(match[1]) > 0 && !this.#connected && !this.#failed) {
      this.#connected = true;
      this.#options.log.info(this.#fields, 'simulcast relay live');
      this.#report({ type: 'connected' });
    }
  }

  #finish(code: number | null): void {
    if (this.#exited) return;
    this.#exited = true;
    if (this.#killTimer) clearTimeout(this.#killTimer);
    this.#unfollow?.();
    this.#unfollow = null;
    // Exiting cleanly is only normal when the program ended; a destination that hangs up mid-program is a failure.
    const ended = this.#stopping || (this.#inputEnded && code === 0 && !this.#failed);
    const reason: FailureReason | null = this.#tooSlow ? 'too_slow' : ended ? null : failureReasonOf(this.#lines);
    this.#options.log.info({ ...this.#fields, code, reason }, 'simulcast relay exited');
    this.#report({ type: 'exited', reason });
  }

  #report(report: RelayReport): void {
    this.#options.onReport(report);
  }
}

function readLines(stream: Readable, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split(/\r?\n|\r/);
    pending = lines.pop() ?? '';
    // A runaway line without a newline is cut rather than kept growing.
    if (pending.length > 4096) pending = pending.slice(-4096);
    for (const line of lines) if (line.trim() !== '') onLine(line);
  });
  stream.on('error', () => {});
}
