import { describe, expect, it } from 'vitest';
import {
  datePart,
  isCalendarDate,
  parseDateTime,
  parseDuration,
  parseTimeOfDay,
  parseUtcInstant
} from './frabTimes.js';

describe('reading schedule dates and times strictly', () => {
  it('knows a calendar date from a look-alike', () => {
    expect(['2024-02-29', '2024-03-31', '1999-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2023-02-29', '2024-06-31', '2024-13-01', '0024-01-01', '30.03.2024'].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false
    ]);
    expect(datePart('2024-03-30T10:00:00+01:00')).toBe('2024-03-30');
    expect(datePart('2024-03-30 10:00')).toBeNull();
  });

  it('reads times of day as frab writes them, and nothing past 23:59', () => {
    expect(['9:00', '09:00', '23:59', '10:30:00'].map(parseTimeOfDay)).toEqual(['09:00', '09:00', '23:59', '10:30']);
    expect(['24:00', '25:00', '12:60', '1200', ''].map(parseTimeOfDay)).toEqual([null, null, null, null, null]);
  });

  it('reads durations in hours and minutes, never negative', () => {
    expect(['00:45', '1:30', '48:00', '00:30:00'].map(parseDuration)).toEqual([45, 90, 2880, 30]);
    expect(['-00:30', '00:75', '90', '1h'].map(parseDuration)).toEqual([null, null, null, null]);
  });

  it('reads a date and time by its offset, or in the zone when it has none', () => {
    const iso = (value: string) => parseDateTime(value, 'Europe/Berlin')?.toISOString();
    expect(iso('2024-03-30T10:00:00+01:00')).toBe('2024-03-30T09:00:00.000Z');
    expect(iso('2024-03-31T10:00:00+0200')).toBe('2024-03-31T08:00:00.000Z');
    expect(iso('2024-03-31T10:00:00Z')).toBe('2024-03-31T10:00:00.000Z');
    // No offset: Berlin wall time, summer time from 31 March 03:00.
    expect(iso('2024-03-30T10:00:00')).toBe('2024-03-30T09:00:00.000Z');
    expect(iso('2024-03-31T10:00')).toBe('2024-03-31T08:00:00.000Z');
    expect(['2024-03-30T25:00:00+01:00', '2024-02-30T10:00:00Z', '2024-03-30', 'soon'].map(iso)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined
    ]);
  });

  it('reads UTC instants only as toISOString writes them', () => {
    expect(parseUtcInstant('2020-09-22T07:00:00.000Z')?.getTime()).toBe(Date.UTC(2020, 8, 22, 7));
    expect(parseUtcInstant('2020-02-30T07:00:00.000Z')).toBeNull();
    expect(parseUtcInstant('2020-09-22T07:00:00Z')).toBeNull();
  });
});
