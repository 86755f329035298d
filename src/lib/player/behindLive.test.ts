import { describe, expect, it } from 'vitest';
import { behindLiveText, isAtLive, secondsBehindLive } from './behindLive.js';

describe('behind live', () => {
  it('counts whole seconds from the live edge, never below zero', () => {
    expect(secondsBehindLive(112.4, 100)).toBe(12);
    expect(secondsBehindLive(100, 100.6)).toBe(0);
    expect(secondsBehindLive(null, 10)).toBeNull();
    expect(secondsBehindLive(Infinity, 10)).toBeNull();
  });

  it('treats up to four seconds as at live, so "Jump to live" is off right after a jump', () => {
    expect(isAtLive(3)).toBe(true);
    expect(isAtLive(4)).toBe(true);
    expect(isAtLive(5)).toBe(false);
    expect(isAtLive(null)).toBe(true);
  });

  it('says the delay in the page language, in seconds however long', () => {
    expect(behindLiveText('Behind live: {seconds} s', 12)).toBe('Behind live: 12 s');
    expect(behindLiveText('실시간보다 {seconds}초 늦음', 7)).toBe('실시간보다 7초 늦음');
    expect(behindLiveText('Behind live: {seconds} s', 125)).toBe('Behind live: 125 s');
  });
});
