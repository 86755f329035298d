import { describe, expect, it } from 'vitest';
import { readSlowModeSeconds, slowModeWaitSeconds } from './slowMode.js';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s));

describe('slowModeWaitSeconds', () => {
  it('is 0 when slow mode is off or the participant has not sent anything', () => {
    expect(slowModeWaitSeconds(at(0), at(1), 0)).toBe(0);
    expect(slowModeWaitSeconds(null, at(1), 30)).toBe(0);
  });

  it('counts the seconds left, rounded up, and 0 once the interval has passed', () => {
    expect(slowModeWaitSeconds(at(0), at(0), 30)).toBe(30);
    expect(slowModeWaitSeconds(at(0), new Date(at(10).getTime() + 500), 30)).toBe(20);
    expect(slowModeWaitSeconds(at(0), new Date(at(29).getTime() + 1), 30)).toBe(1);
    expect(slowModeWaitSeconds(at(0), at(30), 30)).toBe(0);
    expect(slowModeWaitSeconds(at(0), at(45), 30)).toBe(0);
  });
});

describe('readSlowModeSeconds', () => {
  it('reads whole seconds from 0 to 3600', () => {
    expect(readSlowModeSeconds('0')).toBe(0);
    expect(readSlowModeSeconds(' 30 ')).toBe(30);
    expect(readSlowModeSeconds('3600')).toBe(3600);
  });

  it('refuses anything else', () => {
    for (const raw of ['', '-1', '3601', '1.5', '1e3', 'ten', '99999', null, 30])
      expect(readSlowModeSeconds(raw)).toBeNull();
  });
});
