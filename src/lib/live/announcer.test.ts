import { describe, expect, it } from 'vitest';
import { Announcer } from './announcer.js';
import { FakeTimers } from './fakeTimers.js';

describe('announcer', () => {
  it('says the first summary at once and at most one every five seconds after, the latest one', () => {
    const timers = new FakeTimers();
    const said: string[] = [];
    const announcer = new Announcer((text) => said.push(text), timers);
    announcer.announce('1 new question');
    expect(said).toEqual(['1 new question']);
    timers.advance(1_000);
    announcer.announce('2 new questions');
    announcer.announce('3 new questions');
    expect(said).toEqual(['1 new question']);
    timers.advance(3_999);
    expect(said).toEqual(['1 new question']);
    timers.advance(1);
    expect(said).toEqual(['1 new question', '3 new questions']);
    expect(timers.pending).toBe(0);
  });

  it('says a summary at once when the last one was long ago, and ignores empty text', () => {
    const timers = new FakeTimers();
    const said: string[] = [];
    const announcer = new Announcer((text) => said.push(text), timers);
    announcer.announce('');
    announcer.announce('Poll opened');
    timers.advance(60_000);
    announcer.announce('Poll closed');
    expect(said).toEqual(['Poll opened', 'Poll closed']);
  });
});
