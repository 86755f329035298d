/**
 * Runs the broadcast of every stage: takes the source an ingest server
 * checked (RTMP or browser), starts its encoder, hands the encoder's segments
 * to the stage's splicer (which slates over gaps and keeps recordings), and
 * sends the program to the stage's outside destinations while the stage is on
 * air. Producers' go-live/stop arrive here through `goOnAir`/`goOffAir`.
 *
 * One source per stage at a time: a second encoder pushing to the same stage
 * is refused rather than fighting the first for the output.
 */
import type { Logger } from 'pino';
import type { EncodedSegment, IngestFeed, IngestSink, ProgramFeed } from './broadcastPorts.js';

/** What the broadcaster needs of a running encoder (`StageEncoder`). */
export interface EncoderRun {
  /** Null until the encoder has seen the source's first video frame. */
  readonly path: 'copy' | 'transcode' | null;
  readonly programFeed: ProgramFeed;
  cpuPercent(): number | null;
  onSegment(listener: (segment: EncodedSegment) => void): void;
  onEnd(listener: (reason: string) => void): void;
  stop(): Promise<void>;
}

/** What the broadcaster needs of a stage's splicer (`StageSplicer`). */
export interface SplicerPort {
  addSegment(segment: EncodedSegment): Promise<void>;
  sourceStarted(): Promise<void>;
  sourceEnded(): Promise<void>;
  goOnAir(): Promise<void>;
  goOffAir(): Promise<void>;
  startRecording(sessionId: string): Promise<void>;
  stopRecording(sessionId: string): Promise<Recording | null>;
  close(): Promise<void>;
}

export interface Recording {
  readonly sessionId: string;
  readonly stageId: string;
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly durationSeconds: number;
  readonly segmentCount: number;
}

/** What the broadcaster needs of simulcast (`Simulcast`). */
export interface SimulcastPort {
  attach(stageId: string, feed: ProgramFeed): void;
  detach(stageId: string): void;
}

export interface StageStatus {
  readonly sourceConnected: boolean;
  readonly via: IngestFeed['via'] | null;
  readonly since: Date | null;
  readonly encoderPath: EncoderRun['path'] | null;
  readonly cpuPercent: number | null;
  readonly onAirSessionId: string | null;
}

export interface StageBroadcasterOptions {
  readonly startEncoder: (feed: IngestFeed) => EncoderRun;
  readonly splicerFor: (stageId: string) => SplicerPort;
  readonly simulcast: SimulcastPort;
  readonly log: Logger;
  readonly clock?: () => Date;
}

interface Source {
  readonly feed: IngestFeed;
  readonly encoder: EncoderRun;
  readonly since: Date;
}

interface StageRun {
  readonly splicer: SplicerPort;
  source: Source | null;
  onAirSessionId: string | null;
}

export class StageBroadcaster implements IngestSink {
  readonly #options: StageBroadcasterOptions;
  readonly #stages = new Map<string, StageRun>();
  readonly #clock: () => Date;

  constructor(options: StageBroadcasterOptions) {
    this.#options = options;
    this.#clock = options.clock ?? (() => new Date());
  }

  accept(feed: IngestFeed): boolean {
    const stage = this.#stage(feed.stageId);
    if (stage.source) {
      this.#options.log.warn(
        { stage: feed.stageId, refused: feed.description, current: stage.source.feed.description },
        'second source refused: the stage already has one'
      );
      return false;
    }
    let encoder: EncoderRun;
    try {
      encoder = this.#options.startEncoder(feed);
    } catch (error) {
      this.#options.log.error({ err: error, stage: feed.stageId }, 'could not start the stage encoder');
      return false;
    }
    const source: Source = { feed, encoder, since: this.#clock() };
    stage.source = source;
    this.#options.log.info(
      { stage: feed.stageId, via: feed.via, source: feed.description, path: encoder.path },
      'source connected'
    );
    this.#logFailure(stage.splicer.sourceStarted(), feed.stageId, 'splicer did not take the source');
    encoder.onSegment((segment) =>
      this.#logFailure(stage.splicer.addSegment(segment), feed.stageId, 'segment not published')
    );
    encoder.onEnd((reason) => {
      if (stage.source !== source) return;
      stage.source = null;
      this.#options.log.info({ stage: feed.stageId, reason }, 'source gone');
      this.#logFailure(stage.splicer.sourceEnded(), feed.stageId, 'splicer did not take the end of the source');
      if (stage.onAirSessionId) this.#options.simulcast.detach(feed.stageId);
    });
    if (stage.onAirSessionId) this.#options.simulcast.attach(feed.stageId, encoder.programFeed);
    return true;
  }

  /** A producer put a session of this stage live: slate over gaps, record it, send to the outside channels. */
  async goOnAir(stageId: string, sessionId: string): Promise<void> {
    const stage = this.#stage(stageId);
    if (stage.onAirSessionId === sessionId) return;
    if (stage.onAirSessionId) await this.goOffAir(stageId, stage.onAirSessionId);
    stage.onAirSessionId = sessionId;
    await stage.splicer.goOnAir();
    await stage.splicer.startRecording(sessionId);
    if (stage.source) this.#options.simulcast.attach(stageId, stage.source.encoder.programFeed);
    this.#options.log.info({ stage: stageId, session: sessionId }, 'on air');
  }

  /** The producer stopped: outside channels stop, the recording closes and becomes the session's replay. */
  async goOffAir(stageId: string, sessionId: string): Promise<Recording | null> {
    const stage = this.#stages.get(stageId);
    if (!stage || stage.onAirSessionId !== sessionId) return null;
    stage.onAirSessionId = null;
    this.#options.simulcast.detach(stageId);
    const recording = await stage.splicer.stopRecording(sessionId);
    await stage.splicer.goOffAir();
    this.#options.log.info({ stage: stageId, session: sessionId, seconds: recording?.durationSeconds ?? 0 }, 'off air');
    return recording;
  }

  /** The stage's stream key was replaced: an RTMP source came in with the old key and is cut off; a producer's browser (signed in, no key) stays. */
  keyRotated(stageId: string): void {
    const source = this.#stages.get(stageId)?.source;
    if (!source || source.feed.via !== 'rtmp') return;
    this.#options.log.info(
      { stage: stageId, source: source.feed.description },
      'stream key replaced: the encoder using the old key is disconnected'
    );
    source.feed.close('the stream key was replaced');
  }

  stageStatus(stageId: string): StageStatus {
    const stage = this.#stages.get(stageId);
    const source = stage?.source ?? null;
    return {
      sourceConnected: source !== null,
      via: source?.feed.via ?? null,
      since: source?.since ?? null,
      encoderPath: source?.encoder.path ?? null,
      cpuPercent: source?.encoder.cpuPercent() ?? null,
      onAirSessionId: stage?.onAirSessionId ?? null
    };
  }

  /** Encoders running now, for metrics. */
  *encoders(): Iterable<{ stageId: string; encoder: EncoderRun }> {
    for (const [stageId, stage] of this.#stages) if (stage.source) yield { stageId, encoder: stage.source.encoder };
  }

  async close(): Promise<void> {
    const runs = [...this.#stages.entries()];
    this.#stages.clear();
    await Promise.all(
      runs.map(async ([stageId, stage]) => {
        this.#options.simulcast.detach(stageId);
        if (stage.source) {
          stage.source.feed.close('the server is shutting down');
          await stage.source.encoder.stop();
        }
        await stage.splicer.close();
      })
    );
  }

  #logFailure(work: Promise<void>, stageId: string, message: string): void {
    work.catch((error: unknown) => this.#options.log.error({ err: error, stage: stageId }, message));
  }

  #stage(stageId: string): StageRun {
    let stage = this.#stages.get(stageId);
    if (!stage) {
      stage = { splicer: this.#options.splicerFor(stageId), source: null, onAirSessionId: null };
      this.#stages.set(stageId, stage);
    }
    return stage;
  }
}
