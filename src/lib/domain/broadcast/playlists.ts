/**
 * The text of the HLS playlists a stage publishes (RFC 8216): the master
 * playlist naming every rendition, the media playlists of a live window or a
 * replay, and `LiveWindow`, the sliding window that keeps a live playlist's
 * MEDIA-SEQUENCE and DISCONTINUITY-SEQUENCE right as segments fall out.
 * Pure text and arithmetic; the splicer owns the files.
 */
import type { Rendition, RenditionName } from './renditions.js';

/** Peak over average: x264 in VBV mode and the TS muxing overhead stay within ~10% of the nominal rate. */
const peakOverhead = 1.1;

export interface MasterPlaylistOptions {
  /** Frames per second of the video renditions, when the encoder fixes it. */
  readonly frameRate?: number;
}

/**
 * The master playlist: one variant per rendition, video first in the given
 * order, audio-only last, because players (Safari, hls.js before its first
 * bandwidth estimate) start with the first variant listed.
 */
export function masterPlaylist(
  list: readonly Rendition[],
  uriOf: (name: RenditionName) => string,
  options: MasterPlaylistOptions = {}
): string {
  const ordered = [...list.filter((r) => r.video), ...list.filter((r) => !r.video)];
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const rendition of ordered) {
    const averageBps = ((rendition.video?.kbps ?? 0) + rendition.audioKbps) * 1000;
    const attributes = [
      `BANDWIDTH=${Math.round(averageBps * peakOverhead)}`,
      `AVERAGE-BANDWIDTH=${averageBps}`,
      `CODECS="${rendition.codecs}"`
    ];
    if (rendition.video) {
      attributes.push(`RESOLUTION=${rendition.video.width}x${rendition.video.height}`);
      if (options.frameRate) attributes.push(`FRAME-RATE=${options.frameRate.toFixed(3)}`);
    }
    // Not an RFC 8216 attribute of STREAM-INF; clients ignore unknown attributes,
    // and hls.js shows it as the level's name in a quality menu.
    attributes.push(`NAME="${rendition.name}"`);
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, uriOf(rendition.name));
  }
  return lines.join('\n') + '\n';
}

/** One segment as a media playlist lists it. */
export interface PlaylistSegment {
  readonly uri: string;
  readonly durationSeconds: number;
  /** Wall-clock time of the first frame (EXT-X-PROGRAM-DATE-TIME). */
  readonly startsAt: Date;
  /** The encoding changes before this segment (a new encoder run, the slate, the source back). */
  readonly discontinuityBefore: boolean;
}

export interface MediaPlaylist {
  /**
   * Fixed for a live playlist (it must not change while it is live). Raised
   * when a segment's EXTINF rounded to the nearest integer exceeds it (the RFC
   * 8216 §4.3.3.1 rule): a ceiling would turn 1.04 s segments into a target of
   * 2, and hls.js holds three target durations behind the live edge.
   */
  readonly targetDuration: number;
  readonly mediaSequence: number;
  readonly discontinuitySequence: number;
  readonly segments: readonly PlaylistSegment[];
  readonly ended: boolean;
  readonly kind: 'live' | 'vod';
}

/**
 * A media playlist's text. EXT-X-PROGRAM-DATE-TIME goes on every segment, not
 * only after discontinuities: the encoder reports each segment's own start, so
 * each tag is the truth rather than a sum of rounded EXTINFs, and the player's
 * "behind live" indicator and the latency bench read it from any segment.
 * Version 3 is the lowest that allows decimal EXTINF; nothing here needs more.
 */
export function mediaPlaylist(playlist: MediaPlaylist): string {
  const targetDuration = Math.max(
    playlist.targetDuration,
    1,
    ...playlist.segments.map((s) => Math.round(s.durationSeconds))
  );
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${targetDuration}`,
    `#EXT-X-MEDIA-SEQUENCE:${playlist.mediaSequence}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${playlist.discontinuitySequence}`
  ];
  if (playlist.kind === 'vod') lines.push('#EXT-X-PLAYLIST-TYPE:VOD');
  for (const segment of playlist.segments) {
    if (segment.discontinuityBefore) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(
      `#EXT-X-PROGRAM-DATE-TIME:${segment.startsAt.toISOString()}`,
      `#EXTINF:${segment.durationSeconds.toFixed(3)},`,
      segment.uri
    );
  }
  if (playlist.ended) lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/** A segment in a live window, with its stage-wide sequence number. */
export interface WindowSegment extends PlaylistSegment {
  readonly seq: number;
}

/** What a `LiveWindow` persists and is rebuilt from. */
export interface LiveWindowState {
  readonly discontinuitySequence: number;
  readonly segments: readonly WindowSegment[];
}

/**
 * The last `size` segments of one rendition. Segments fall out from the
 * front; each discontinuity that falls out adds one to the discontinuity
 * sequence (§6.2.1), so a player that reloads keeps counting the same way.
 * MEDIA-SEQUENCE is the first segment's own number: the splicer numbers every
 * rendition alike, so the same number is the same moment everywhere.
 */
export class LiveWindow {
  readonly #size: number;
  #discontinuitySequence: number;
  #segments: WindowSegment[];

  constructor(size: number, state: LiveWindowState = { discontinuitySequence: 0, segments: [] }) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`a live window holds at least one segment, not ${size}`);
    this.#size = size;
    this.#discontinuitySequence = state.discontinuitySequence;
    this.#segments = [...state.segments];
  }

  /** Adds the next segment and returns the ones that fell out of the window. */
  append(segment: WindowSegment): WindowSegment[] {
    const last = this.#segments.at(-1);
    if (last && segment.seq <= last.seq) {
      throw new RangeError(`segment ${segment.seq} is not after ${last.seq}; a live window only grows forward`);
    }
    this.#segments.push(segment);
    return this.#dropFront(this.#segments.length - this.#size);
  }

  /** Empties the window (a new broadcast after an ENDLIST); the counts go on. */
  clear(): WindowSegment[] {
    return this.#dropFront(this.#segments.length);
  }

  #dropFront(count: number): WindowSegment[] {
    if (count <= 0) return [];
    const dropped = this.#segments.splice(0, count);
    this.#discontinuitySequence += dropped.filter((s) => s.discontinuityBefore).length;
    return dropped;
  }

  get segments(): readonly WindowSegment[] {
    return this.#segments;
  }

  get lastSeq(): number | null {
    return this.#segments.at(-1)?.seq ?? null;
  }

  /** The media sequence number of the first segment, or `nextSeq` while the window is empty. */
  mediaSequence(nextSeq: number): number {
    return this.#segments[0]?.seq ?? nextSeq;
  }

  get state(): LiveWindowState {
    return { discontinuitySequence: this.#discontinuitySequence, segments: [...this.#segments] };
  }

  /** The window as a live media playlist. */
  playlist(options: { targetDuration: number; nextSeq: number; ended: boolean }): string {
    return mediaPlaylist({
      targetDuration: options.targetDuration,
      mediaSequence: this.mediaSequence(options.nextSeq),
      discontinuitySequence: this.#discontinuitySequence,
      segments: this.#segments,
      ended: options.ended,
      kind: 'live'
    });
  }
}
