/**
 * The splicer of one stage: Node, not ffmpeg, owns the published playlists.
 * The encoder hands over finished segment files; the splicer numbers them the
 * same in every rendition, publishes the live window, fills silence with the
 * slate so a player never needs a reload, and keeps what recordings need for
 * replays. Everything it knows is in `state.json`, so a restart continues the
 * numbering that players already follow.
 *
 * One queue runs every change in order (segments, slate ticks, on/off air,
 * recordings): files and state are never written by two changes at once.
 */
import { appendFile, copyFile, link, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  LiveWindow,
  masterPlaylist,
  mediaPlaylist,
  type LiveWindowState,
  type PlaylistSegment,
  type WindowSegment
} from '../../domain/broadcast/playlists.js';
import { renditionNames, renditions, segmentSeconds, type RenditionName } from '../../domain/broadcast/renditions.js';
import type { EncodedSegment } from './broadcastPorts.js';
import { broadcastIdPattern, isBroadcastId, replaysFolder, segmentUrl } from './broadcastPaths.js';

/** Time as the splicer sees it; tests pass one they drive. */
export interface SplicerClock {
  now(): Date;
  /** Runs `task` after `ms` milliseconds; returns the function that cancels it. */
  after(ms: number, task: () => void): () => void;
}

export const systemClock: SplicerClock = {
  now: () => new Date(),
  after(ms, task) {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  }
};

/** The "we will be right back" clip of each rendition, already encoded like the source. */
export type SlateClips = Record<RenditionName, { readonly path: string; readonly durationSeconds: number }>;

/** A finished recording: what a replay is made from. */
export interface Recording {
  readonly sessionId: string;
  readonly stageId: string;
  readonly startedAt: Date;
  readonly endedAt: Date;
  /** The longest rendition's total length. */
  readonly durationSeconds: number;
  /** Distinct moments (sequence numbers) in the replay, slate included. */
  readonly segmentCount: number;
  /**
   * Wall-clock time of the replay's first frame (its first PROGRAM-DATE-TIME),
   * null when nothing was recorded: chapter offsets are programme times minus this.
   */
  readonly mediaStartsAt: Date | null;
}

export interface StageSplicerOptions {
  readonly stageId: string;
  /** `<dataDir>/broadcast/<stageId>` (see `stageDir`). Replays go to its sibling `replays/`. */
  readonly dir: string;
  readonly slate: SlateClips;
  readonly log: Logger;
  readonly clock?: SplicerClock;
  /** Segments in a live playlist: 30 one-second segments let a viewer pause or seek back half a minute. */
  readonly windowSegments?: number;
  /** Silence before the slate: past one late segment, before the player's ~3 s buffer runs dry. */
  readonly slateAfterSeconds?: number;
  /** How long a segment stays on disk after it left the window, for players that read late. */
  readonly keepSeconds?: number;
  /** Written into the master playlist's FRAME-RATE when the encoder fixes one. */
  readonly frameRate?: number;
}

export class SplicerError extends Error {
  override readonly name = 'SplicerError';
  constructor(
    readonly code: 'hls.id_invalid' | 'hls.recording_not_found' | 'hls.state_unreadable',
    message: string
  ) {
    super(message);
  }
}

/**
 * `source:<run>` or `slate:<seq>`: a change of origin between two segments is
 * a discontinuity. Every slate segment is its own origin: it is the same clip
 * with the same timestamps each time, and without a discontinuity a player
 * would append it over the previous one instead of after it.
 */
type Origin = string;

// The splicer's own files are read back through schemas too: a state that
// does not parse stops the stage rather than renumbering over cached segments.
const count = z.number().int().nonnegative();

const recordingRangeSchema = z.object({
  fromSeq: count,
  /** Exclusive; null while recording. */
  toSeq: count.nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable()
});
type RecordingRange = z.infer<typeof recordingRangeSchema>;

const storedWindowSchema = z.object({
  discontinuitySequence: count,
  segments: z.array(
    z.object({
      seq: count,
      uri: z.string().min(1),
      durationSeconds: z.number().positive(),
      startsAt: z.iso.datetime(),
      discontinuityBefore: z.boolean()
    })
  ),
  lastOrigin: z.string().nullable()
});
type StoredWindow = z.infer<typeof storedWindowSchema>;

const stateSchema = z.object({
  version: z.literal(1),
  nextSeq: count,
  run: count,
  onAir: z.boolean(),
  /** The live playlists carry ENDLIST: the next goOnAir starts empty windows. */
  ended: z.boolean(),
  windows: z.record(z.enum(renditionNames), storedWindowSchema),
  recordings: z.array(
    z.object({ sessionId: z.string().regex(broadcastIdPattern), ranges: z.array(recordingRangeSchema).min(1) })
  )
});
type SplicerState = z.infer<typeof stateSchema>;

/** One line of a recording's journal: a segment as its replay will list it. */
const journalLineSchema = z.object({
  rendition: z.enum(renditionNames),
  seq: count,
  durationSeconds: z.number().positive(),
  startsAt: z.iso.datetime(),
  discontinuityBefore: z.boolean()
});
type JournalLine = z.infer<typeof journalLineSchema>;

const sweepEveryMs = 30_000;

export class StageSplicer {
  readonly stageId: string;
  readonly #dir: string;
  readonly #replaysDir: string;
  readonly #slate: SlateClips;
  readonly #log: Logger;
  readonly #clock: SplicerClock;
  readonly #windowSize: number;
  readonly #slateAfterMs: number;
  readonly #keepMs: number;
  readonly #frameRate: number | undefined;
  readonly #targetDuration: number;
  readonly #slatePeriodMs: number;

  /** Restoring the state; if it fails every change fails, rather than numbering from 0 over published segments. */
  readonly #ready: Promise<void>;
  #queue: Promise<unknown>;
  #nextSeq = 0;
  #run = 0;
  #onAir = false;
  #ended = false;
  #windows = new Map<RenditionName, { window: LiveWindow; lastOrigin: Origin | null }>();
  /** Per session, the stretches recorded: a session that goes live again continues its replay. */
  #recordings = new Map<string, readonly RecordingRange[]>();

  /** This encoder run's index → seq, so one moment has one number in every rendition. */
  #runSeqs = new Map<number, number>();
  #runHighestIndex = -1;
  #runLastIndex = new Map<RenditionName, number>();

  #lastSourceAt = 0;
  #slating = false;
  #cancelWatchdog: (() => void) | null = null;
  #cancelSlateTick: (() => void) | null = null;
  #cancelSweep: (() => void) | null = null;
  #pendingDeletes = new Map<string, number>();
  #closed = false;
  #tempCount = 0;

  constructor(options: StageSplicerOptions) {
    if (!isBroadcastId(options.stageId) || options.stageId === replaysFolder) {
      throw new SplicerError('hls.id_invalid', `"${options.stageId}" cannot name a stage's broadcast folder`);
    }
    this.stageId = options.stageId;
    this.#dir = options.dir;
    this.#replaysDir = join(dirname(options.dir), replaysFolder);
    this.#slate = options.slate;
    this.#log = options.log.child({ stageId: options.stageId, part: 'splicer' });
    this.#clock = options.clock ?? systemClock;
    this.#windowSize = options.windowSegments ?? 30;
    this.#slateAfterMs = (options.slateAfterSeconds ?? 2.5) * 1000;
    this.#keepMs = (options.keepSeconds ?? 300) * 1000;
    this.#frameRate = options.frameRate;
    const slateDurations = renditionNames.map((name) => options.slate[name].durationSeconds);
    // Fixed for the life of the stage: a live playlist's target duration must not change.
    this.#targetDuration = Math.max(Math.round(segmentSeconds), ...slateDurations.map((d) => Math.round(d)), 1);
    this.#slatePeriodMs = Math.max(...slateDurations) * 1000;
    for (const name of renditionNames)
      this.#windows.set(name, { window: new LiveWindow(this.#windowSize), lastOrigin: null });
    this.#ready = this.#restore();
    this.#queue = this.#ready.catch((error: unknown) =>
      this.#log.error({ err: error }, 'could not restore the splicer state')
    );
  }

  /** The stage went live (a producer's go-live, or a source arrived): from now on silence shows the slate. */
  goOnAir(): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#onAir) return;
      this.#onAir = true;
      if (this.#ended) {
        // A new broadcast after ENDLIST: players start afresh, the numbers go on.
        for (const [name, entry] of this.#windows) this.#forget(name, entry.window.clear());
        this.#ended = false;
      }
      this.#lastSourceAt = this.#clock.now().getTime();
      this.#armWatchdog();
      await this.#writeMaster();
      for (const name of renditionNames) await this.#writeLivePlaylist(name);
      await this.#saveState();
      this.#log.info('stage on air');
    });
  }

  /** The stage stopped: the slate stops and the live playlists end (ENDLIST), so players stop cleanly. */
  goOffAir(): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#onAir) return;
      this.#onAir = false;
      this.#stopSlate();
      this.#cancelWatchdog?.();
      this.#cancelWatchdog = null;
      this.#ended = true;
      for (const name of renditionNames) await this.#writeLivePlaylist(name);
      await this.#saveState();
      this.#log.info('stage off air');
    });
  }

  /** A new encoder run begins (a source arrived): its segment indices start again, after a discontinuity. */
  sourceStarted(): Promise<void> {
    return this.#enqueue(async () => {
      this.#beginRun();
      await this.#saveState();
      this.#log.info({ run: this.#run }, 'source started');
    });
  }

  /**
   * The source went away. The slate still waits `slateAfterSeconds` from the
   * last segment: the encoder flushes its last one after the source ends.
   */
  sourceEnded(): Promise<void> {
    return this.#enqueue(() => {
      this.#log.info({ run: this.#run }, 'source ended');
      if (this.#onAir && !this.#slating) this.#armWatchdog();
    });
  }

  /** Publishes one finished segment from the encoder; the file is moved into the stage's folder. */
  addSegment(segment: EncodedSegment): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#onAir) {
        // Nothing is published off air: after an ENDLIST a playlist must not grow.
        this.#log.debug({ rendition: segment.rendition, index: segment.index }, 'segment off air dropped');
        await rm(segment.path, { force: true });
        return;
      }
      const seq = this.#seqFor(segment);
      const entry = this.#entry(segment.rendition);
      const lastSeq = entry.window.lastSeq;
      if (seq === null || (lastSeq !== null && seq <= lastSeq)) {
        this.#log.warn({ rendition: segment.rendition, index: segment.index, seq, lastSeq }, 'late segment dropped');
        await rm(segment.path, { force: true });
        return;
      }
      if (lastSeq !== null && seq > lastSeq + 1) {
        // The rendition skipped a moment the others have: its numbering is off until the gap leaves the window.
        this.#log.warn({ rendition: segment.rendition, seq, lastSeq }, 'segment missing in one rendition');
      }
      await moveFile(segment.path, this.#segmentPath(segment.rendition, seq));
      this.#lastSourceAt = this.#clock.now().getTime();
      if (this.#slating) {
        this.#stopSlate();
        this.#log.info({ seq }, 'source back; slate stopped');
      }
      this.#armWatchdog();
      await this.#publish(segment.rendition, {
        seq,
        uri: `../segments/${segment.rendition}/${seq}.ts`,
        durationSeconds: segment.durationSeconds,
        startsAt: segment.startsAt,
        origin: `source:${this.#run}`
      });
    });
  }

  /** Starts keeping every segment of this stage for a session's replay; again after a stop, the replay continues. */
  startRecording(sessionId: string): Promise<void> {
    return this.#enqueue(async () => {
      if (!isBroadcastId(sessionId) || sessionId === replaysFolder)
        throw new SplicerError('hls.id_invalid', `"${sessionId}" cannot name a replay`);
      const ranges = this.#recordings.get(sessionId) ?? [];
      if (ranges.at(-1)?.toSeq === null) return;
      const range: RecordingRange = {
        fromSeq: this.#nextSeq,
        toSeq: null,
        startedAt: this.#clock.now().toISOString(),
        endedAt: null
      };
      this.#recordings.set(sessionId, [...ranges, range]);
      await mkdir(join(this.#dir, 'recordings'), { recursive: true });
      await this.#saveState();
      this.#log.info({ sessionId, fromSeq: range.fromSeq }, 'recording started');
    });
  }

  /** Stops a session's recording and writes its replay playlists (VOD, ended). */
  stopRecording(sessionId: string): Promise<Recording> {
    return this.#enqueue(async () => {
      const ranges = this.#recordings.get(sessionId);
      if (!ranges?.length)
        throw new SplicerError(
          'hls.recording_not_found',
          `no recording of session ${sessionId} on stage ${this.stageId}`
        );
      const endedAt = this.#clock.now();
      const last = ranges.at(-1) as RecordingRange;
      if (last.toSeq === null) {
        this.#recordings.set(sessionId, [
          ...ranges.slice(0, -1),
          { ...last, toSeq: this.#nextSeq, endedAt: endedAt.toISOString() }
        ]);
      }
      const recording = await this.#writeReplay(sessionId, this.#recordings.get(sessionId) ?? []);
      await this.#saveState();
      this.#log.info({ ...recording }, 'recording stopped; replay written');
      return recording;
    });
  }

  /** What the lead's metrics and console show. */
  get status(): { onAir: boolean; slating: boolean; nextSeq: number; recording: string[] } {
    return {
      onAir: this.#onAir,
      slating: this.#slating,
      nextSeq: this.#nextSeq,
      recording: [...this.#recordings].filter(([, ranges]) => ranges.at(-1)?.toSeq === null).map(([id]) => id)
    };
  }

  /** Resolves when every change queued so far, and every change those queued, is written (tests; shutdown). */
  async flush(): Promise<void> {
    for (let queue = this.#queue; ; queue = this.#queue) {
      await queue;
      if (queue === this.#queue) return;
    }
  }

  /** Stops every timer and waits for the last change to be written. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#stopSlate();
    this.#cancelWatchdog?.();
    this.#cancelSweep?.();
    this.#cancelWatchdog = this.#cancelSweep = null;
    await this.flush();
  }

  #enqueue<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.#queue.then(() => this.#ready).then(work);
    this.#queue = result.catch((error: unknown) => this.#log.error({ err: error }, 'splicer change failed'));
    return result;
  }

  /** A change nobody waits for (timers): its failure is logged by the queue. */
  #background(work: () => void | Promise<void>): Promise<void> {
    return this.#enqueue(work).catch(() => undefined);
  }

  #entry(name: RenditionName) {
    return this.#windows.get(name) as { window: LiveWindow; lastOrigin: Origin | null };
  }

  #segmentPath(name: RenditionName, seq: number): string {
    return join(this.#dir, 'segments', name, `${seq}.ts`);
  }

  #beginRun(): void {
    this.#run += 1;
    this.#runSeqs.clear();
    this.#runHighestIndex = -1;
    this.#runLastIndex.clear();
  }

  /**
   * The stage-wide number of an encoder segment: the first rendition to
   * deliver an index gives it the next number, the others find it. Indices a
   * rendition skipped still get numbers, so order is kept; an index a
   * rendition already passed means the encoder restarted without telling.
   */
  #seqFor(segment: EncodedSegment): number | null {
    const last = this.#runLastIndex.get(segment.rendition);
    if (last !== undefined && segment.index <= last) {
      this.#log.warn(
        { rendition: segment.rendition, index: segment.index, last },
        'encoder index went back; a new run'
      );
      this.#beginRun();
    }
    this.#runLastIndex.set(segment.rendition, segment.index);
    const known = this.#runSeqs.get(segment.index);
    if (known !== undefined) return known;
    if (this.#runHighestIndex >= 0 && segment.index < this.#runHighestIndex) return null;
    const from = this.#runHighestIndex < 0 ? segment.index : this.#runHighestIndex + 1;
    for (let index = from; index <= segment.index; index += 1) this.#runSeqs.set(index, this.#nextSeq++);
    this.#runHighestIndex = segment.index;
    for (const index of this.#runSeqs.keys())
      if (index < segment.index - 4 * this.#windowSize) this.#runSeqs.delete(index);
    return this.#runSeqs.get(segment.index) as number;
  }

  async #publish(
    name: RenditionName,
    added: Omit<WindowSegment, 'discontinuityBefore'> & { origin: Origin }
  ): Promise<void> {
    const entry = this.#entry(name);
    const { origin, ...rest } = added;
    const segment: WindowSegment = {
      ...rest,
      discontinuityBefore: entry.lastOrigin !== null && entry.lastOrigin !== origin
    };
    this.#forget(name, entry.window.append(segment));
    entry.lastOrigin = origin;
    await this.#writeLivePlaylist(name);
    await this.#journal(name, segment);
    await this.#saveState();
  }

  // ——— slate ———

  #armWatchdog(): void {
    this.#cancelWatchdog?.();
    if (this.#closed) return;
    const due = this.#lastSourceAt + this.#slateAfterMs - this.#clock.now().getTime();
    this.#cancelWatchdog = this.#clock.after(Math.max(0, due), () => {
      this.#cancelWatchdog = null;
      void this.#background(() => this.#startSlateIfSilent());
    });
  }

  #startSlateIfSilent(): void {
    if (!this.#onAir || this.#slating || this.#closed) return;
    const silentMs = this.#clock.now().getTime() - this.#lastSourceAt;
    if (silentMs < this.#slateAfterMs) return this.#armWatchdog();
    this.#slating = true;
    this.#log.info({ silentSeconds: silentMs / 1000 }, 'source silent; slate on');
    const startedAt = this.#clock.now().getTime();
    // Each tick is scheduled against the slate's start, not the last tick, so timer lateness never adds up.
    const tick = (count: number): void => {
      this.#cancelSlateTick = null;
      void this.#background(async () => {
        if (!this.#slating || this.#closed) return;
        try {
          await this.#insertSlate();
        } finally {
          // A failed tick (a slate file gone) must not end the slate: the next one may work, and the source stops it.
          if (this.#slating && !this.#closed) {
            const due = startedAt + (count + 1) * this.#slatePeriodMs - this.#clock.now().getTime();
            this.#cancelSlateTick = this.#clock.after(Math.max(0, due), () => tick(count + 1));
          }
        }
      });
    };
    tick(0);
  }

  #stopSlate(): void {
    this.#slating = false;
    this.#cancelSlateTick?.();
    this.#cancelSlateTick = null;
  }

  async #insertSlate(): Promise<void> {
    const seq = this.#nextSeq++;
    const startsAt = this.#clock.now();
    for (const name of renditionNames) {
      await linkFile(this.#slate[name].path, this.#segmentPath(name, seq));
      await this.#publish(name, {
        seq,
        uri: `../segments/${name}/${seq}.ts`,
        durationSeconds: this.#slate[name].durationSeconds,
        startsAt,
        origin: `slate:${seq}`
      });
    }
  }

  // ——— files ———

  async #writeMaster(): Promise<void> {
    await this.#writeAtomically(
      join(this.#dir, 'live', 'master.m3u8'),
      masterPlaylist(renditions, (name) => `${name}.m3u8`, { frameRate: this.#frameRate })
    );
  }

  /**
   * An empty window has no playlist at all: a 404 (never cached) makes hls.js
   * retry the load, where an empty playlist is an error it may give up on.
   * The slate fills the window within `slateAfterSeconds` of going on air.
   */
  async #writeLivePlaylist(name: RenditionName): Promise<void> {
    const path = join(this.#dir, 'live', `${name}.m3u8`);
    const window = this.#entry(name).window;
    if (window.segments.length === 0) return void (await rm(path, { force: true }));
    await this.#writeAtomically(
      path,
      window.playlist({ targetDuration: this.#targetDuration, nextSeq: this.#nextSeq, ended: this.#ended })
    );
  }

  /** Write beside, then rename: a reader opens either the old whole file or the new whole file. */
  async #writeAtomically(path: string, text: string): Promise<void> {
    const temp = `${path}.${process.pid}.${++this.#tempCount}.tmp`;
    await writeFile(temp, text);
    await rename(temp, path);
  }

  async #journal(name: RenditionName, segment: WindowSegment): Promise<void> {
    const line: JournalLine = {
      rendition: name,
      seq: segment.seq,
      durationSeconds: segment.durationSeconds,
      startsAt: segment.startsAt.toISOString(),
      discontinuityBefore: segment.discontinuityBefore
    };
    for (const [sessionId, ranges] of this.#recordings) {
      const range = ranges.find((r) => segment.seq >= r.fromSeq && (r.toSeq === null || segment.seq < r.toSeq));
      if (!range) continue;
      // Appended, not rewritten: a two-hour recording is thousands of lines, and a torn last line is skipped on read.
      await appendFile(this.#journalPath(sessionId), JSON.stringify(line) + '\n');
      // A rendition that delivered a recorded moment after the stop: the replay is written again to include it.
      if (range.toSeq !== null) await this.#writeReplay(sessionId, ranges);
    }
  }

  #journalPath(sessionId: string): string {
    return join(this.#dir, 'recordings', `${sessionId}.jsonl`);
  }

  async #writeReplay(sessionId: string, ranges: readonly RecordingRange[]): Promise<Recording> {
    const lines = await readJournal(this.#journalPath(sessionId));
    const rangeOf = (seq: number) => ranges.findIndex((r) => seq >= r.fromSeq && (r.toSeq === null || seq < r.toSeq));
    const dir = join(this.#replaysDir, sessionId);
    await mkdir(dir, { recursive: true });
    let longest = 0;
    let mediaStartsAt: Date | null = null;
    const seqs = new Set<number>();
    for (const name of renditionNames) {
      const kept = lines.filter((l) => l.rendition === name && rangeOf(l.seq) >= 0).sort((a, b) => a.seq - b.seq);
      const segments: PlaylistSegment[] = kept.map((line, at) => {
        const previous = kept[at - 1];
        seqs.add(line.seq);
        return {
          uri: segmentUrl(this.stageId, name, line.seq),
          durationSeconds: line.durationSeconds,
          startsAt: new Date(line.startsAt),
          // A replay begins clean; a pause between two recorded stretches is a discontinuity.
          discontinuityBefore:
            previous !== undefined && (line.discontinuityBefore || rangeOf(previous.seq) !== rangeOf(line.seq))
        };
      });
      longest = Math.max(
        longest,
        segments.reduce((sum, s) => sum + s.durationSeconds, 0)
      );
      const first = segments[0]?.startsAt;
      if (first && (!mediaStartsAt || first < mediaStartsAt)) mediaStartsAt = first;
      const text = mediaPlaylist({
        targetDuration: this.#targetDuration,
        mediaSequence: 0,
        discontinuitySequence: 0,
        segments,
        ended: true,
        kind: 'vod'
      });
      await this.#writeAtomically(join(dir, `${name}.m3u8`), text);
    }
    await this.#writeAtomically(
      join(dir, 'master.m3u8'),
      masterPlaylist(renditions, (name) => `${name}.m3u8`, { frameRate: this.#frameRate })
    );
    const first = ranges[0] as RecordingRange;
    const lastRange = ranges.at(-1) as RecordingRange;
    return {
      sessionId,
      stageId: this.stageId,
      startedAt: new Date(first.startedAt),
      endedAt: new Date(lastRange.endedAt ?? this.#clock.now().toISOString()),
      durationSeconds: Math.round(longest * 1000) / 1000,
      segmentCount: seqs.size,
      mediaStartsAt
    };
  }

  // ——— retention ———

  #isRecorded(seq: number): boolean {
    for (const ranges of this.#recordings.values()) {
      if (ranges.some((r) => seq >= r.fromSeq && (r.toSeq === null || seq < r.toSeq))) return true;
    }
    return false;
  }

  /** Segments that left the window: deleted after `keepSeconds` unless a recording keeps them. */
  #forget(name: RenditionName, dropped: readonly WindowSegment[]): void {
    const deleteAt = this.#clock.now().getTime() + this.#keepMs;
    for (const segment of dropped) {
      if (!this.#isRecorded(segment.seq)) this.#pendingDeletes.set(this.#segmentPath(name, segment.seq), deleteAt);
    }
  }

  #armSweep(): void {
    if (this.#closed) return;
    this.#cancelSweep = this.#clock.after(sweepEveryMs, () => {
      void this.#background(() => this.#sweep()).then(() => this.#armSweep());
    });
  }

  async #sweep(): Promise<void> {
    const now = this.#clock.now().getTime();
    for (const [path, at] of this.#pendingDeletes) {
      if (at > now) continue;
      this.#pendingDeletes.delete(path);
      await rm(path, { force: true });
    }
  }

  // ——— state ———

  async #saveState(): Promise<void> {
    const windows = {} as Record<RenditionName, StoredWindow>;
    for (const [name, { window, lastOrigin }] of this.#windows) {
      const { discontinuitySequence, segments } = window.state;
      windows[name] = {
        discontinuitySequence,
        segments: segments.map((s) => ({ ...s, startsAt: s.startsAt.toISOString() })),
        lastOrigin
      };
    }
    const state: SplicerState = {
      version: 1,
      nextSeq: this.#nextSeq,
      run: this.#run,
      onAir: this.#onAir,
      ended: this.#ended,
      windows,
      recordings: [...this.#recordings].map(([sessionId, ranges]) => ({ sessionId, ranges: [...ranges] }))
    };
    await this.#writeAtomically(join(this.#dir, 'state.json'), JSON.stringify(state));
  }

  async #restore(): Promise<void> {
    await Promise.all(renditionNames.map((name) => mkdir(join(this.#dir, 'segments', name), { recursive: true })));
    await mkdir(join(this.#dir, 'live'), { recursive: true });
    let text: string | null = null;
    try {
      text = await readFile(join(this.#dir, 'state.json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== null) {
      const state = parseState(text, join(this.#dir, 'state.json'));
      this.#nextSeq = state.nextSeq;
      // A restart ends the encoder too: whatever comes next is a new run.
      this.#run = state.run + 1;
      this.#onAir = state.onAir;
      this.#ended = state.ended;
      for (const name of renditionNames) {
        const stored = state.windows[name];
        const windowState: LiveWindowState = {
          discontinuitySequence: stored.discontinuitySequence,
          segments: stored.segments.map((s) => ({ ...s, startsAt: new Date(s.startsAt) }))
        };
        this.#windows.set(name, {
          window: new LiveWindow(this.#windowSize, windowState),
          lastOrigin: stored.lastOrigin
        });
      }
      this.#recordings = new Map(state.recordings.map((r) => [r.sessionId, r.ranges]));
      this.#log.info({ nextSeq: this.#nextSeq, onAir: this.#onAir }, 'splicer state restored');
    }
    await this.#scheduleOrphans();
    if (this.#onAir) {
      // Whatever the source was doing, players get the slate until it returns.
      this.#lastSourceAt = this.#clock.now().getTime();
      this.#armWatchdog();
      await this.#writeMaster();
    }
    this.#armSweep();
  }

  /**
   * After a restart the delete timers are gone: segments outside every window
   * and recording get a fresh delay. Numbering also goes past every file on
   * disk: segment URLs are cached as immutable, so a number is never reused.
   */
  async #scheduleOrphans(): Promise<void> {
    const deleteAt = this.#clock.now().getTime() + this.#keepMs;
    for (const name of renditionNames) {
      const inWindow = new Set(this.#entry(name).window.segments.map((s) => s.seq));
      for (const file of await readdir(join(this.#dir, 'segments', name))) {
        const match = /^(\d+)\.ts$/.exec(file);
        if (!match) continue;
        const seq = Number(match[1]);
        this.#nextSeq = Math.max(this.#nextSeq, seq + 1);
        if (!inWindow.has(seq) && !this.#isRecorded(seq))
          this.#pendingDeletes.set(join(this.#dir, 'segments', name, file), deleteAt);
      }
    }
  }
}

async function readJournal(path: string): Promise<JournalLine[]> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const lines: JournalLine[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    // A line torn by a crash mid-append: that one segment is left out of the replay.
    const parsed = journalLineSchema.safeParse(parseJson(line));
    if (parsed.success) lines.push(parsed.data);
  }
  return lines;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseState(text: string, path: string): SplicerState {
  const parsed = stateSchema.safeParse(parseJson(text));
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues[0]
    ? `${parsed.error.issues[0].path.join('.') || 'the file'}: ${parsed.error.issues[0].message}`
    : 'not JSON';
  throw new SplicerError(
    'hls.state_unreadable',
    `${path} cannot be read (${reason}); nothing is published on this stage until it is repaired or moved aside (numbering then continues after the segments on disk, but recordings it listed are no longer protected)`
  );
}

/** Rename, or copy and delete when the encoder writes on another file system. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await unlink(from);
  }
}

/** A hard link costs no space for the slate's hundreds of repeats; a copy where links are not allowed. */
async function linkFile(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    await copyFile(from, to);
  }
}
