import { describe, expect, it } from 'vitest';
import { ChannelHistory } from './channelHistory.js';

const entry = (seq: number, at = 1_000) => ({ seq, at });
const seqs = (entries: { seq: number }[] | null) => entries?.map((e) => e.seq) ?? null;

function historyOf(
  from: number,
  to: number,
  maxEntries = 100,
  maxAgeMs = 60_000
): ChannelHistory<{ seq: number; at: number }> {
  const history = new ChannelHistory<{ seq: number; at: number }>({ maxEntries, maxAgeMs });
  for (let seq = from; seq <= to; seq += 1) history.append(entry(seq, seq));
  return history;
}

describe('channel history', () => {
  it('gives exactly what a client missed, in order', () => {
    const history = historyOf(1, 10);
    expect(seqs(history.after(7, 100))).toEqual([8, 9, 10]);
    expect(seqs(history.after(0, 100))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(history.after(10, 100)).toEqual([]);
  });

  it('keeps only the newest entries when full, and says when a gap is older', () => {
    const history = historyOf(1, 25, 10);
    expect(history.size).toBe(10);
    expect(history.oldest()?.seq).toBe(16);
    expect(seqs(history.after(15, 100))).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(history.after(14, 100)).toBeNull();
  });

  it('forgets entries older than the age limit', () => {
    const history = historyOf(1, 10, 100, 5);
    // at = seq; at time 12 anything before 7 is too old.
    expect(history.after(6, 12)).toEqual([entry(7, 7), entry(8, 8), entry(9, 9), entry(10, 10)]);
    expect(history.after(5, 12)).toBeNull();
    history.prune(1_000);
    expect(history.size).toBe(0);
    expect(history.after(10, 1_000)).toBeNull();
  });

  it('refuses a position ahead of the newest entry (the channel was reset)', () => {
    expect(historyOf(1, 3).after(4, 10)).toBeNull();
  });

  it('starts afresh when the sequence jumps, and refuses to go back', () => {
    const history = historyOf(1, 3);
    history.append(entry(50));
    expect(history.size).toBe(1);
    expect(history.after(3, 10)).toBeNull();
    expect(() => history.append(entry(50))).toThrow(RangeError);
  });
});
