import { describe, expect, it } from 'vitest';
import { byDate, canMoveDay, dayInputSchema, moveDayInOrder, resolveDay } from './dayInput.js';

const edition = { defaultLocale: 'ko', locales: ['ko', 'en'], startsOn: '2021-09-01', endsOn: '2021-09-03' };
const resolve = (date: string, title: Record<string, string>) =>
  resolveDay(dayInputSchema.parse({ date, title }), edition);

describe('a day as the organiser enters it', () => {
  it('takes a date within the edition and a title in its main language', () => {
    expect(resolve('2021-09-02', { ko: '둘째 날', en: 'Day two' })).toEqual({
      ok: true,
      values: { date: '2021-09-02', title: { ko: '둘째 날', en: 'Day two' } }
    });
  });

  it('refuses a date outside the edition, a missing title and a language the edition does not offer', () => {
    const result = resolve('2021-09-04', { en: 'Day four', ja: '四日目' });
    expect(result.ok ? [] : result.problems.map((p) => p.code).sort()).toEqual([
      'day.locale_not_offered',
      'day.outside_edition',
      'day.title_required'
    ]);
  });

  it('refuses malformed input', () => {
    expect(dayInputSchema.safeParse({ date: '2021-13-01', title: {} }).success).toBe(false);
    expect(dayInputSchema.safeParse({ date: '2021-09-01', title: { ko: 'x'.repeat(201) } }).success).toBe(false);
    expect(dayInputSchema.safeParse({ date: '2021-09-01', title: 'day' }).success).toBe(false);
  });

  it('lists days by date and moves a day only among the days of its date', () => {
    const days = [
      { id: 'c', date: '2021-09-02', position: 0 },
      { id: 'a', date: '2021-09-01', position: 5 },
      { id: 'b', date: '2021-09-02', position: 1 }
    ];
    expect(byDate(days).map((d) => d.id)).toEqual(['a', 'c', 'b']);
    expect(moveDayInOrder(days, 'b', 'up')).toEqual(['a', 'b', 'c']);
    expect(moveDayInOrder(days, 'c', 'up')).toBeNull();
    expect(moveDayInOrder(days, 'b', 'down')).toBeNull();
    expect(moveDayInOrder(days, 'zzz', 'down')).toBeNull();
    // The page offers exactly the moves the rule allows: never across dates.
    expect(['a', 'c', 'b'].map((id) => [canMoveDay(days, id, 'up'), canMoveDay(days, id, 'down')])).toEqual([
      [false, false],
      [false, true],
      [true, false]
    ]);
  });
});
