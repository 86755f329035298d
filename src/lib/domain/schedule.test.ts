import { describe, expect, it } from 'vitest';
import type { Session } from './programme.js';
import { nowAndNext, sessionStateAt } from './schedule.js';

function session(id: string, startsAt: string, endsAt: string): Session {
  return {
    id,
    editionId: 'e',
    dayId: 'd',
    stageId: null,
    kind: 'conference_session',
    title: { en: id },
    summary: {},
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    zone: 'Asia/Seoul',
    position: 0,
    state: 'published',
    channelIds: [],
    isIllustrative: false,
    version: 1
  };
}

describe('the clock and the programme', () => {
  const keynote = session('keynote', '2020-09-23T07:00:00Z', '2020-09-23T07:30:00Z');
  const cases = session('cases', '2020-09-23T07:30:00Z', '2020-09-23T08:30:00Z');

  it('knows a session is scheduled, live, then ended (end is exclusive)', () => {
    expect(sessionStateAt(keynote, new Date('2020-09-23T06:59:59Z'))).toBe('scheduled');
    expect(sessionStateAt(keynote, new Date('2020-09-23T07:00:00Z'))).toBe('live');
    expect(sessionStateAt(keynote, new Date('2020-09-23T07:30:00Z'))).toBe('ended');
  });

  it('says what is on now and what comes next', () => {
    const during = nowAndNext([cases, keynote], new Date('2020-09-23T07:10:00Z'));
    expect(during.now.map((s) => s.id)).toEqual(['keynote']);
    expect(during.next?.id).toBe('cases');
    const before = nowAndNext([cases, keynote], new Date('2020-09-01T00:00:00Z'));
    expect(before.now).toEqual([]);
    expect(before.next?.id).toBe('keynote');
    const after = nowAndNext([cases, keynote], new Date('2021-01-01T00:00:00Z'));
    expect(after.next).toBeNull();
  });
});
