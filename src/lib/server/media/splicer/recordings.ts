/**
 * Recordings → replays on one stage: which stretches of the stage's numbering
 * each session keeps (a session that goes live again continues its replay),
 * the journal of every recorded segment (`<stage dir>/recordings/<session>.jsonl`,
 * appended, a torn last line skipped), and the replay's VOD playlists written
 * from it into the sibling `replays/<session>/`.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { mediaPlaylist, type PlaylistSegment, type WindowSegment } from '../../../domain/broadcast/playlists.js';
import { renditionNames, type RenditionName } from '../../../domain/broadcast/renditions.js';
import { isBroadcastId, replaysFolder, segmentUrl } from '../broadcastPaths.js';
import { stageMasterPlaylist } from './livePlaylists.js';
import { rangeHolds, type RecordingRange } from './recordingRange.js';
import type { SplicerClock } from './splicerClock.js';
import { SplicerError } from './splicerError.js';
import { parseJson, writeAtomically } from './splicerFiles.js';

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

/** One line of a recording's journal: a segment as its replay will list it. */
const journalLineSchema = z.object({
  rendition: z.enum(renditionNames),
  seq: z.number().int().nonnegative(),
  durationSeconds: z.number().positive(),
  startsAt: z.iso.datetime(),
  discontinuityBefore: z.boolean()
});
type JournalLine = z.infer<typeof journalLineSchema>;

export interface RecordingsOptions {
  readonly stageId: string;
  /** The stage's folder; journals go to its `recordings/`. */
  readonly dir: string;
  /** Where replays go: `<dataDir>/broadcast/replays`. */
  readonly replaysDir: string;
  readonly targetDuration: number;
  readonly frameRate: number | undefined;
  readonly clock: SplicerClock;
}

export class Recordings {
  readonly #options: RecordingsOptions;
  /** Per session, the stretches recorded. */
  #ranges = new Map<string, readonly RecordingRange[]>();

  constructor(options: RecordingsOptions) {
    this.#options = options;
  }

  /** Sessions recording now. */
  get open(): string[] {
    return [...this.#ranges].filter(([, ranges]) => ranges.at(-1)?.toSeq === null).map(([id]) => id);
  }

  /** Every session's stretches, for the state file. */
  snapshot(): { sessionId: string; ranges: RecordingRange[] }[] {
    return [...this.#ranges].map(([sessionId, ranges]) => ({ sessionId, ranges: [...ranges] }));
  }

  /** Puts back the stretches the state file kept. */
  restore(recordings: readonly { sessionId: string; ranges: RecordingRange[] }[]): void {
    this.#ranges = new Map(recordings.map((r) => [r.sessionId, r.ranges]));
  }

  /** Whether any recording keeps segment `seq` (retention must not delete it). */
  isRecorded(seq: number): boolean {
    for (const ranges of this.#ranges.values()) {
      if (ranges.some((r) => rangeHolds(r, seq))) return true;
    }
    return false;
  }

  /** Opens a stretch from `fromSeq`; null when the session is recording already. */
  async start(sessionId: string, fromSeq: number): Promise<RecordingRange | null> {
    if (!isBroadcastId(sessionId) || sessionId === replaysFolder)
      throw new SplicerError('hls.id_invalid', `"${sessionId}" cannot name a replay`);
    const ranges = this.#ranges.get(sessionId) ?? [];
    if (ranges.at(-1)?.toSeq === null) return null;
    const range: RecordingRange = {
      fromSeq,
      toSeq: null,
      startedAt: this.#options.clock.now().toISOString(),
      endedAt: null
    };
    this.#ranges.set(sessionId, [...ranges, range]);
    await mkdir(join(this.#options.dir, 'recordings'), { recursive: true });
    return range;
  }

  /** Closes the session's open stretch before `toSeq` and writes its replay playlists (VOD, ended). */
  async stop(sessionId: string, toSeq: number): Promise<Recording> {
    const ranges = this.#ranges.get(sessionId);
    if (!ranges?.length)
      throw new SplicerError(
        'hls.recording_not_found',
        `no recording of session ${sessionId} on stage ${this.#options.stageId}`
      );
    const endedAt = this.#options.clock.now();
    const last = ranges.at(-1) as RecordingRange;
    if (last.toSeq === null) {
      this.#ranges.set(sessionId, [...ranges.slice(0, -1), { ...last, toSeq, endedAt: endedAt.toISOString() }]);
    }
    return this.#writeReplay(sessionId, this.#ranges.get(sessionId) ?? []);
  }

  /** Notes a published segment in the journal of every recording that keeps it. */
  async journal(name: RenditionName, segment: WindowSegment): Promise<void> {
    const line: JournalLine = {
      rendition: name,
      seq: segment.seq,
      durationSeconds: segment.durationSeconds,
      startsAt: segment.startsAt.toISOString(),
      discontinuityBefore: segment.discontinuityBefore
    };
    for (const [sessionId, ranges] of this.#ranges) {
      const range = ranges.find((r) => rangeHolds(r, segment.seq));
      if (!range) continue;
      // Appended, not rewritten: a two-hour recording is thousands of lines, and a torn last line is skipped on read.
      await appendFile(this.#journalPath(sessionId), JSON.stringify(line) + '\n');
      // A rendition that delivered a recorded moment after the stop: the replay is written again to include it.
      if (range.toSeq !== null) await this.#writeReplay(sessionId, ranges);
    }
  }

  #journalPath(sessionId: string): string {
    return join(this.#options.dir, 'recordings', `${sessionId}.jsonl`);
  }

  async #writeReplay(sessionId: string, ranges: readonly RecordingRange[]): Promise<Recording> {
    const { stageId, targetDuration, frameRate, clock } = this.#options;
    const lines = await readJournal(this.#journalPath(sessionId));
    const rangeOf = (seq: number) => ranges.findIndex((r) => rangeHolds(r, seq));
    const dir = join(this.#options.replaysDir, sessionId);
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
          uri: segmentUrl(stageId, name, line.seq),
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
        targetDuration,
        mediaSequence: 0,
        discontinuitySequence: 0,
        segments,
        ended: true,
        kind: 'vod'
      });
      await writeAtomically(join(dir, `${name}.m3u8`), text);
    }
    await writeAtomically(join(dir, 'master.m3u8'), stageMasterPlaylist(frameRate));
    const first = ranges[0] as RecordingRange;
    const lastRange = ranges.at(-1) as RecordingRange;
    return {
      sessionId,
      stageId,
      startedAt: new Date(first.startedAt),
      endedAt: new Date(lastRange.endedAt ?? clock.now().toISOString()),
      durationSeconds: Math.round(longest * 1000) / 1000,
      segmentCount: seqs.size,
      mediaStartsAt
    };
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
