import { describe, expect, it } from 'vitest';
import { channelName, maxChannelNameLength, parseChannel, startingSequence } from './channel.js';

describe('channel names', () => {
  it('reads a session channel and an edition channel', () => {
    expect(parseChannel('session:opening-keynote')).toEqual({
      kind: 'session',
      id: 'opening-keynote',
      name: 'session:opening-keynote'
    });
    expect(parseChannel('edition:seoul-2020')?.kind).toBe('edition');
  });

  it.each([
    '',
    'session:',
    'stage:main',
    'session:Upper',
    'session:-dash',
    'session:a b',
    'session:x:y',
    `session:${'a'.repeat(64)}`,
    'edition:seoul\n'
  ])('refuses %j', (name) => expect(parseChannel(name)).toBeNull());

  it('builds names and refuses ids that are not ids', () => {
    expect(channelName('session', 'abc')).toBe('session:abc');
    expect(() => channelName('edition', 'Not An Id')).toThrow(RangeError);
    expect(`session:${'a'.repeat(63)}`.length).toBe(maxChannelNameLength);
  });

  it('starts a forgotten channel above any sequence it could have reached before', () => {
    const before = startingSequence(Date.parse('2026-01-01T00:00:00Z')) + 999;
    expect(startingSequence(Date.parse('2026-01-01T00:00:00.001Z'))).toBeGreaterThan(before);
    expect(Number.isSafeInteger(startingSequence(Date.parse('2200-01-01T00:00:00Z')))).toBe(true);
  });
});
