import { describe, expect, it } from 'vitest';
import { changedFields } from './audit.js';

describe('what changed', () => {
  it('lists only the fields that differ, with before and after', () => {
    const before = {
      title: { en: 'Keynote', ko: '기조연설' },
      startsAt: new Date('2020-09-23T07:00:00Z'),
      kind: 'keynote'
    };
    const after = {
      title: { ko: '기조연설', en: 'Opening keynote' },
      startsAt: new Date('2020-09-23T07:00:00Z'),
      kind: 'keynote'
    };
    expect(changedFields(before, after)).toEqual({
      title: { from: { en: 'Keynote', ko: '기조연설' }, to: { en: 'Opening keynote', ko: '기조연설' } }
    });
  });

  it('sees no change when key order or Date objects differ but values do not', () => {
    expect(
      changedFields(
        { a: { x: 1, y: 2 }, at: new Date('2020-01-01T00:00:00Z') },
        { a: { y: 2, x: 1 }, at: new Date('2020-01-01T00:00:00.000Z') }
      )
    ).toEqual({});
  });
});
