import { describe, expect, it } from 'vitest';
import {
  instantFromWallTime,
  isKnownZone,
  isoWithOffset,
  localDateIn,
  localTimeIn,
  zoneOffsetMinutes
} from './time.js';

describe('time zones', () => {
  const keynote = new Date('2020-09-23T07:00:00Z'); // 16:00 KST

  it('reads the keynote in Seoul, Los Angeles and Helsinki with their September 2020 DST offsets', () => {
    expect(localTimeIn(keynote, 'Asia/Seoul')).toBe('16:00');
    expect(localTimeIn(keynote, 'America/Los_Angeles')).toBe('00:00'); // PDT, UTC-7
    expect(localDateIn(keynote, 'America/Los_Angeles')).toBe('2020-09-23');
    expect(localTimeIn(keynote, 'Europe/Helsinki')).toBe('10:00'); // EEST, UTC+3
    expect(zoneOffsetMinutes(keynote, 'America/Los_Angeles')).toBe(-420);
    expect(zoneOffsetMinutes(keynote, 'Europe/Helsinki')).toBe(180);
  });

  it('uses the winter offsets outside DST', () => {
    const january = new Date('2021-01-20T07:00:00Z');
    expect(localTimeIn(january, 'America/Los_Angeles')).toBe('23:00');
    expect(localTimeIn(january, 'Europe/Helsinki')).toBe('09:00');
  });

  it('turns host wall time into the right instant', () => {
    expect(instantFromWallTime('2020-09-22', '16:00', 'Asia/Seoul').toISOString()).toBe('2020-09-22T07:00:00.000Z');
    expect(instantFromWallTime('2020-09-22', '16:00', 'America/Los_Angeles').toISOString()).toBe(
      '2020-09-22T23:00:00.000Z'
    );
    expect(instantFromWallTime('2020-12-22', '16:00', 'America/Los_Angeles').toISOString()).toBe(
      '2020-12-23T00:00:00.000Z'
    );
  });

  it('resolves a DST gap forward and a fold to the earlier instant', () => {
    // 2020-03-08 02:30 does not exist in Los Angeles; 03:30 PDT is meant.
    expect(instantFromWallTime('2020-03-08', '02:30', 'America/Los_Angeles').toISOString()).toBe(
      '2020-03-08T10:30:00.000Z'
    );
    // 2020-10-25 03:30 happens twice in Helsinki; the first (EEST) wins.
    expect(instantFromWallTime('2020-10-25', '03:30', 'Europe/Helsinki').toISOString()).toBe(
      '2020-10-25T00:30:00.000Z'
    );
  });

  it('writes ISO 8601 with the offset of the zone', () => {
    expect(isoWithOffset(keynote, 'Asia/Seoul')).toBe('2020-09-23T16:00:00+09:00');
    expect(isoWithOffset(keynote, 'America/Los_Angeles')).toBe('2020-09-23T00:00:00-07:00');
  });

  it('knows real zones and refuses made-up ones without throwing', () => {
    expect(isKnownZone('Asia/Seoul')).toBe(true);
    expect(isKnownZone('UTC')).toBe(true);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownZone('')).toBe(false);
    expect(isKnownZone('<script>')).toBe(false);
  });
});
