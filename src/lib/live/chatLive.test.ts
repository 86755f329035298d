import { describe, expect, it } from 'vitest';
import { burstText, countNew } from './chatLive.js';

describe('countNew', () => {
  it('counts the ids that were not there before, ignoring ones that scrolled away', () => {
    expect(countNew(['1', '2', '3'], ['2', '3', '4', '5'])).toBe(2);
    expect(countNew(['1', '2'], ['1', '2'])).toBe(0);
    expect(countNew([], ['7'])).toBe(1);
  });
});

describe('burstText', () => {
  it('shows each emoji with its count, in the order the burst lists them', () => {
    expect(burstText({ counts: { '👏': 12, '❤️': 3 } })).toBe('👏 12  ❤️ 3');
  });

  it('shows nothing for counts that are not positive numbers, or a malformed burst', () => {
    expect(burstText({ counts: { '👏': -1, '🙏': 0, '😂': 'many', '😮': null } })).toBe('');
    for (const data of [null, 'x', {}, { counts: null }, { counts: [] }]) expect(burstText(data)).toBe('');
  });
});
