/**
 * The seams of the broadcast pipeline (issue 5), so each part is built and
 * tested on its own and wired once (`stageBroadcaster.ts`):
 *
 *   RTMP / browser ingest ──IngestFeed──▶ stage encoder (ffmpeg) ──EncodedSegment──▶ splicer ──▶ HLS files
 *                                                │                                    (slate when the source drops,
 *                                                └──ProgramFeed (FLV)──▶ simulcast relays   recordings → replays)
 */
import type { Readable } from 'node:stream';
import type { RenditionName } from '../../domain/broadcast/renditions.js';
import type { FlvTag } from './flv.js';

/** A live source that arrived for a stage, its key or producer already checked. */
export interface IngestFeed {
  readonly stageId: string;
  readonly via: 'rtmp' | 'browser';
  /** The container of `stream`: RTMP arrives as FLV, a browser's MediaRecorder as WebM. */
  readonly format: 'flv' | 'webm';
  /** The source's bytes; ends when the source disconnects. Pausing it pushes back on the sender. */
  readonly stream: Readable;
  /** For logs: remote address and what the encoder says it is. */
  readonly description: string;
  /** Disconnect the source (a producer stopped the stage, or a second source was refused). */
  close(reason: string): void;
}

/** Where ingest servers hand a checked source. */
export interface IngestSink {
  /** False when the stage already has a live source: the new one is refused and closed by the caller. */
  accept(feed: IngestFeed): boolean;
}

/** The stage a stream key opens; null for a wrong key. */
export interface StreamKeys {
  stageForKey(key: string): Promise<string | null>;
}

/** One finished, closed segment file of one rendition, from the stage encoder. */
export interface EncodedSegment {
  readonly rendition: RenditionName;
  /** Absolute path of the complete MPEG-TS file. */
  readonly path: string;
  readonly durationSeconds: number;
  /** Wall-clock time of the segment's first frame, for EXT-X-PROGRAM-DATE-TIME. */
  readonly startsAt: Date;
  /** The encoder's own count, the same for the same moment in every rendition. */
  readonly index: number;
}

/** The program in FLV (H.264 + AAC), as outside destinations receive it. */
export interface ProgramFeed {
  /**
   * Calls `onTag` with the metadata and codec headers first, then every tag
   * from the next keyframe on, and `onEnd` once when the program stops.
   * Returns the function that stops following.
   */
  follow(onTag: (tag: FlvTag) => void, onEnd: () => void): () => void;
}
