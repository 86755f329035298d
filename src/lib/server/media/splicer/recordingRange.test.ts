import { describe, expect, it } from 'vitest';
import { rangeHolds, type RecordingRange } from './recordingRange.js';

const range = (fromSeq: number, toSeq: number | null): RecordingRange => ({
  fromSeq,
  toSeq,
  startedAt: '2026-12-06T10:00:00.000Z',
  endedAt: toSeq === null ? null : '2026-12-06T10:01:00.000Z'
});

describe('rangeHolds', () => {
  it('holds its first segment and not the one at its end', () => {
    expect([3, 4, 5, 6, 7].map((seq) => rangeHolds(range(4, 7), seq))).toEqual([false, true, true, true, false]);
  });

  it('holds every later segment while the recording is open', () => {
    expect([3, 4, 1_000_000].map((seq) => rangeHolds(range(4, null), seq))).toEqual([false, true, true]);
  });

  it('holds nothing when stopped where it started', () => {
    expect(rangeHolds(range(4, 4), 4)).toBe(false);
  });
});
