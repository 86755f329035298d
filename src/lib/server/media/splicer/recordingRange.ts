/**
 * One stretch of a stage's numbering that a session's recording keeps, as
 * `state.json` stores it, and the one test of whether a segment falls in it:
 * the journal, the replay and retention all ask it.
 */
import { z } from 'zod';

export const recordingRangeSchema = z.object({
  fromSeq: z.number().int().nonnegative(),
  /** Exclusive; null while recording. */
  toSeq: z.number().int().nonnegative().nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable()
});
export type RecordingRange = z.infer<typeof recordingRangeSchema>;

/** Whether segment `seq` is in the stretch: from `fromSeq` up to, not including, `toSeq`; open while recording. */
export function rangeHolds(range: RecordingRange, seq: number): boolean {
  return seq >= range.fromSeq && (range.toSeq === null || seq < range.toSeq);
}
