/**
 * What the splicer persists in `<stage dir>/state.json`, so a restart
 * continues the numbering players already follow: the next sequence number,
 * the encoder run, on air and ended, the live windows and the recordings'
 * stretches. Read back through a schema: a state that does not parse stops
 * the stage rather than renumbering over cached segments.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { renditionNames, type RenditionName } from '../../../domain/broadcast/renditions.js';
import { broadcastIdPattern } from '../broadcastPaths.js';
import type { RenditionWindow } from './livePlaylists.js';
import { recordingRangeSchema, type RecordingRange } from './recordingRange.js';
import { SplicerError } from './splicerError.js';
import { parseJson, writeAtomically } from './splicerFiles.js';

const count = z.number().int().nonnegative();

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

/** The splicer's state as it works with it (dates as dates). */
export interface SplicerState {
  readonly nextSeq: number;
  readonly run: number;
  readonly onAir: boolean;
  readonly ended: boolean;
  readonly windows: Record<RenditionName, RenditionWindow>;
  readonly recordings: { sessionId: string; ranges: RecordingRange[] }[];
}

const stateFile = (dir: string) => join(dir, 'state.json');

export async function saveState(dir: string, state: SplicerState): Promise<void> {
  const windows = {} as Record<RenditionName, StoredWindow>;
  for (const name of renditionNames) {
    const { state: window, lastOrigin } = state.windows[name];
    windows[name] = {
      discontinuitySequence: window.discontinuitySequence,
      segments: window.segments.map((s) => ({ ...s, startsAt: s.startsAt.toISOString() })),
      lastOrigin
    };
  }
  const stored: z.infer<typeof stateSchema> = {
    version: 1,
    nextSeq: state.nextSeq,
    run: state.run,
    onAir: state.onAir,
    ended: state.ended,
    windows,
    recordings: state.recordings
  };
  await writeAtomically(stateFile(dir), JSON.stringify(stored));
}

/** The saved state; null when there is none yet. Throws `hls.state_unreadable` when the file does not parse. */
export async function loadState(dir: string): Promise<SplicerState | null> {
  const path = stateFile(dir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return null;
  }
  const parsed = stateSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    const reason = parsed.error.issues[0]
      ? `${parsed.error.issues[0].path.join('.') || 'the file'}: ${parsed.error.issues[0].message}`
      : 'not JSON';
    throw new SplicerError(
      'hls.state_unreadable',
      `${path} cannot be read (${reason}); nothing is published on this stage until it is repaired or moved aside (numbering then continues after the segments on disk, but recordings it listed are no longer protected)`
    );
  }
  const state = parsed.data;
  const windows = {} as Record<RenditionName, RenditionWindow>;
  for (const name of renditionNames) {
    const stored = state.windows[name];
    windows[name] = {
      state: {
        discontinuitySequence: stored.discontinuitySequence,
        segments: stored.segments.map((s) => ({ ...s, startsAt: new Date(s.startsAt) }))
      },
      lastOrigin: stored.lastOrigin
    };
  }
  return {
    nextSeq: state.nextSeq,
    run: state.run,
    onAir: state.onAir,
    ended: state.ended,
    windows,
    recordings: state.recordings
  };
}
