/**
 * The splicer of one stage: Node, not ffmpeg, owns the published playlists.
 * The encoder hands over finished segment files; the splicer numbers them the
 * same in every rendition, publishes the live window, fills silence with the
 * slate so a player never needs a reload, and keeps what recordings need for
 * replays. Everything it knows is in `state.json`, so a restart continues the
 * numbering that players already follow.
 *
 * This file owns the public interface and the order of changes: one queue
 * runs every change in order (segments, slate ticks, on/off air, recordings),
 * so files and state are never written by two changes at once. The parts it
 * composes each own one job: `segmentNumbering.ts` (numbers),
 * `livePlaylists.ts` (live windows and playlists), `slateInserter.ts` (the
 * slate), `recordings.ts` (recordings → replays), `segmentRetention.ts`
 * (deleting old segments) and `splicerState.ts` (state.json).
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import type { WindowSegment } from '../../../domain/broadcast/playlists.js';
import { renditionNames, segmentSeconds, type RenditionName } from '../../../domain/broadcast/renditions.js';
import type { EncodedSegment } from '../broadcastPorts.js';
import { isBroadcastId, replaysFolder } from '../broadcastPaths.js';
import type { SlateClips } from '../slate.js';
import { LivePlaylists, type Origin } from './livePlaylists.js';
import { Recordings, type Recording } from './recordings.js';
import { SegmentNumbering } from './segmentNumbering.js';
import { SegmentRetention } from './segmentRetention.js';
import { SlateInserter } from './slateInserter.js';
import { systemClock, type SplicerClock } from './splicerClock.js';
import { SplicerError } from './splicerError.js';
import { liveSegmentUri, moveFile, segmentPath, segmentsDir } from './splicerFiles.js';
import { loadState, saveState } from './splicerState.js';

export type { Recording } from './recordings.js';
export type { SlateClips } from '../slate.js';
export { systemClock, type SplicerClock } from './splicerClock.js';
export { SplicerError } from './splicerError.js';

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

export class StageSplicer {
  readonly stageId: string;
  readonly #dir: string;
  readonly #log: Logger;
  readonly #clock: SplicerClock;
  readonly #numbering: SegmentNumbering;
  readonly #live: LivePlaylists;
  readonly #recordings: Recordings;
  readonly #retention: SegmentRetention;
  readonly #slate: SlateInserter;

  /** Restoring the state; if it fails every change fails, rather than numbering from 0 over published segments. */
  readonly #ready: Promise<void>;
  #queue: Promise<unknown>;
  #onAir = false;
  #ended = false;

  constructor(options: StageSplicerOptions) {
    if (!isBroadcastId(options.stageId) || options.stageId === replaysFolder) {
      throw new SplicerError('hls.id_invalid', `"${options.stageId}" cannot name a stage's broadcast folder`);
    }
    this.stageId = options.stageId;
    this.#dir = options.dir;
    this.#log = options.log.child({ stageId: options.stageId, part: 'splicer' });
    this.#clock = options.clock ?? systemClock;
    const windowSegments = options.windowSegments ?? 30;
    const slateDurations = renditionNames.map((name) => options.slate[name].durationSeconds);
    // Fixed for the life of the stage: a live playlist's target duration must not change.
    const targetDuration = Math.max(Math.round(segmentSeconds), ...slateDurations.map((d) => Math.round(d)), 1);
    const background = (work: () => void | Promise<void>) => this.#background(work);
    this.#numbering = new SegmentNumbering({ windowSegments, log: this.#log });
    this.#live = new LivePlaylists({ dir: this.#dir, windowSegments, targetDuration, frameRate: options.frameRate });
    this.#recordings = new Recordings({
      stageId: this.stageId,
      dir: this.#dir,
      replaysDir: join(dirname(options.dir), replaysFolder),
      targetDuration,
      frameRate: options.frameRate,
      clock: this.#clock
    });
    this.#retention = new SegmentRetention({
      dir: this.#dir,
      clock: this.#clock,
      keepMs: (options.keepSeconds ?? 300) * 1000,
      isRecorded: (seq) => this.#recordings.isRecorded(seq),
      background
    });
    this.#slate = new SlateInserter({
      dir: this.#dir,
      slate: options.slate,
      clock: this.#clock,
      slateAfterMs: (options.slateAfterSeconds ?? 2.5) * 1000,
      log: this.#log,
      isOnAir: () => this.#onAir,
      takeSeq: () => this.#numbering.take(),
      publish: (name, added) => this.#publish(name, added),
      background
    });
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
        for (const name of renditionNames) this.#retention.forget(name, this.#live.clear(name));
        this.#ended = false;
      }
      this.#slate.watchFromNow();
      await this.#live.writeMaster();
      for (const name of renditionNames) await this.#writeLive(name);
      await this.#saveState();
      this.#log.info('stage on air');
    });
  }

  /** The stage stopped: the slate stops and the live playlists end (ENDLIST), so players stop cleanly. */
  goOffAir(): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#onAir) return;
      this.#onAir = false;
      this.#slate.halt();
      this.#ended = true;
      for (const name of renditionNames) await this.#writeLive(name);
      await this.#saveState();
      this.#log.info('stage off air');
    });
  }

  /** A new encoder run begins (a source arrived): its segment indices start again, after a discontinuity. */
  sourceStarted(): Promise<void> {
    return this.#enqueue(async () => {
      this.#numbering.beginRun();
      await this.#saveState();
      this.#log.info({ run: this.#numbering.run }, 'source started');
    });
  }

  /**
   * The source went away. The slate still waits `slateAfterSeconds` from the
   * last segment: the encoder flushes its last one after the source ends.
   */
  sourceEnded(): Promise<void> {
    return this.#enqueue(() => {
      this.#log.info({ run: this.#numbering.run }, 'source ended');
      if (this.#onAir) this.#slate.sourceEnded();
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
      const seq = this.#numbering.seqFor(segment.rendition, segment.index);
      const lastSeq = this.#live.lastSeq(segment.rendition);
      if (seq === null || (lastSeq !== null && seq <= lastSeq)) {
        this.#log.warn({ rendition: segment.rendition, index: segment.index, seq, lastSeq }, 'late segment dropped');
        await rm(segment.path, { force: true });
        return;
      }
      if (lastSeq !== null && seq > lastSeq + 1) {
        // The rendition skipped a moment the others have: its numbering is off until the gap leaves the window.
        this.#log.warn({ rendition: segment.rendition, seq, lastSeq }, 'segment missing in one rendition');
      }
      await moveFile(segment.path, segmentPath(this.#dir, segment.rendition, seq));
      this.#slate.sourceArrived(seq);
      await this.#publish(segment.rendition, {
        seq,
        uri: liveSegmentUri(segment.rendition, seq),
        durationSeconds: segment.durationSeconds,
        startsAt: segment.startsAt,
        origin: `source:${this.#numbering.run}`
      });
    });
  }

  /** Starts keeping every segment of this stage for a session's replay; again after a stop, the replay continues. */
  startRecording(sessionId: string): Promise<void> {
    return this.#enqueue(async () => {
      const range = await this.#recordings.start(sessionId, this.#numbering.nextSeq);
      if (!range) return;
      await this.#saveState();
      this.#log.info({ sessionId, fromSeq: range.fromSeq }, 'recording started');
    });
  }

  /** Stops a session's recording and writes its replay playlists (VOD, ended). */
  stopRecording(sessionId: string): Promise<Recording> {
    return this.#enqueue(async () => {
      const recording = await this.#recordings.stop(sessionId, this.#numbering.nextSeq);
      await this.#saveState();
      this.#log.info({ ...recording }, 'recording stopped; replay written');
      return recording;
    });
  }

  /** What the lead's metrics and console show. */
  get status(): { onAir: boolean; slating: boolean; nextSeq: number; recording: string[] } {
    return {
      onAir: this.#onAir,
      slating: this.#slate.isSlating,
      nextSeq: this.#numbering.nextSeq,
      recording: this.#recordings.open
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
    this.#slate.close();
    this.#retention.close();
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

  /** One segment into one rendition: the live window and playlist, the recordings' journals, the state. */
  async #publish(
    name: RenditionName,
    added: Omit<WindowSegment, 'discontinuityBefore'> & { origin: Origin }
  ): Promise<void> {
    const { segment, dropped } = this.#live.append(name, added);
    this.#retention.forget(name, dropped);
    await this.#writeLive(name);
    await this.#recordings.journal(name, segment);
    await this.#saveState();
  }

  #writeLive(name: RenditionName): Promise<void> {
    return this.#live.writeLive(name, { nextSeq: this.#numbering.nextSeq, ended: this.#ended });
  }

  async #saveState(): Promise<void> {
    await saveState(this.#dir, {
      nextSeq: this.#numbering.nextSeq,
      run: this.#numbering.run,
      onAir: this.#onAir,
      ended: this.#ended,
      windows: this.#live.snapshot(),
      recordings: this.#recordings.snapshot()
    });
  }

  async #restore(): Promise<void> {
    await Promise.all(renditionNames.map((name) => mkdir(segmentsDir(this.#dir, name), { recursive: true })));
    await this.#live.prepare();
    const state = await loadState(this.#dir);
    if (state !== null) {
      // A restart ends the encoder too: whatever comes next is a new run.
      this.#numbering.restore(state.nextSeq, state.run + 1);
      this.#onAir = state.onAir;
      this.#ended = state.ended;
      this.#live.restore(state.windows);
      this.#recordings.restore(state.recordings);
      this.#log.info({ nextSeq: this.#numbering.nextSeq, onAir: this.#onAir }, 'splicer state restored');
    }
    // Numbering also goes past every file on disk: segment URLs are cached as immutable, so a number is never reused.
    await this.#retention.scheduleOrphans(
      (name) => new Set(this.#live.segments(name).map((s) => s.seq)),
      (seq) => this.#numbering.passSeq(seq)
    );
    if (this.#onAir) {
      // Whatever the source was doing, players get the slate until it returns.
      this.#slate.watchFromNow();
      await this.#live.writeMaster();
    }
    this.#retention.start();
  }
}
