import { describe, expect, it } from 'vitest';
import { countryName, formatLocalDate, formatTime, formatTimeRange, languageName } from './format.js';

describe('reading dates and times', () => {
  const start = new Date('2020-09-22T07:00:00Z');
  const end = new Date('2020-09-22T09:00:00Z');

  it('shows the first day at 16:00 in Seoul, 00:00 in Los Angeles and 10:00 in Helsinki', () => {
    expect(formatTime(start, 'Asia/Seoul', 'en')).toBe('16:00');
    expect(formatTime(start, 'America/Los_Angeles', 'en')).toBe('00:00');
    expect(formatTime(start, 'Europe/Helsinki', 'en')).toBe('10:00');
  });

  it('adds the date when the viewer is on another calendar day', () => {
    expect(formatTimeRange(start, end, 'Asia/Seoul', 'en', '2020-09-22')).toBe('16:00–18:00');
    // 16:00 KST is midnight in Los Angeles on the same calendar date…
    expect(formatTimeRange(start, end, 'America/Los_Angeles', 'en', '2020-09-22')).toBe('00:00–02:00');
    // …but still the evening before in Honolulu.
    expect(formatTimeRange(start, end, 'Pacific/Honolulu', 'en', '2020-09-22')).toBe('Mon, Sep 21 21:00–23:00');
  });

  it('writes dates in Korean and English', () => {
    expect(formatLocalDate('2020-09-22', 'en')).toBe('Tuesday, September 22, 2020');
    expect(formatLocalDate('2020-09-22', 'ko')).toBe('2020년 9월 22일 화요일');
  });

  it('names languages and countries in the reader’s language', () => {
    expect(languageName('ko', 'en')).toBe('Korean');
    expect(languageName('en', 'ko')).toBe('영어');
    expect(countryName('FI', 'en')).toBe('Finland');
  });
});
