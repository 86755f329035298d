import { describe, expect, it } from 'vitest';
import type { ProgrammeItem } from '../programme.js';
import { chaptersOf, chaptersVtt, escapeVtt, vttTime } from './chapters.js';

const startedAt = new Date('2020-09-23T06:58:00Z');
const minute = 60;

function item(position: number, title: Record<string, string>, startsAt?: string, endsAt?: string): ProgrammeItem {
  return {
    id: `item-${position}`,
    sessionId: 'd2-keynote',
    title,
    summary: {},
    startsAt: startsAt ? new Date(startsAt) : null,
    endsAt: endsAt ? new Date(endsAt) : null,
    position,
    speakerIds: [],
    isIllustrative: false
  };
}

describe('replay chapters', () => {
  it('starts each timed item at its time relative to the recording, clamped to it', () => {
    const items = [
      item(1, { en: 'Welcome' }, '2020-09-23T06:55:00Z'),
      item(2, { en: 'Keynote' }, '2020-09-23T07:05:00Z'),
      item(3, { en: 'Panel' }, '2020-09-23T07:40:00Z')
    ];
    expect(chaptersOf(items, { startedAt, durationSeconds: 60 * minute }, 'en', 'ko')).toEqual([
      { start: 0, end: 7 * minute, title: 'Welcome' },
      { start: 7 * minute, end: 42 * minute, title: 'Keynote' },
      { start: 42 * minute, end: 60 * minute, title: 'Panel' }
    ]);
  });

  it('drops items wholly outside the recording', () => {
    const items = [
      item(1, { en: 'Before' }, '2020-09-23T06:00:00Z'),
      item(2, { en: 'During' }, '2020-09-23T06:50:00Z'),
      item(3, { en: 'After' }, '2020-09-23T09:00:00Z')
    ];
    expect(chaptersOf(items, { startedAt, durationSeconds: 10 * minute }, 'en', 'ko')).toEqual([
      { start: 0, end: 10 * minute, title: 'During' }
    ]);
  });

  it('shares the recording equally among items without times, in running order', () => {
    const items = [item(2, { en: 'Second' }), item(1, { en: 'First' }), item(3, { en: 'Third' })];
    expect(
      chaptersOf(items, { startedAt, durationSeconds: 30 * minute }, 'en', 'ko').map((c) => [c.start, c.end, c.title])
    ).toEqual([
      [0, 10 * minute, 'First'],
      [10 * minute, 20 * minute, 'Second'],
      [20 * minute, 30 * minute, 'Third']
    ]);
  });

  it('gives untimed items the time after a timed item’s end, or shares with a timed item that has no end', () => {
    const withEnd = [
      item(1, { en: 'Keynote' }, '2020-09-23T06:58:00Z', '2020-09-23T07:18:00Z'),
      item(2, { en: 'Q&A' }),
      item(3, { en: 'Music' })
    ];
    expect(chaptersOf(withEnd, { startedAt, durationSeconds: 40 * minute }, 'en', 'ko').map((c) => c.start)).toEqual([
      0,
      20 * minute,
      30 * minute
    ]);
    const withoutEnd = [
      item(1, { en: 'Keynote' }, '2020-09-23T06:58:00Z'),
      item(2, { en: 'Q&A' }),
      item(3, { en: 'Break' }, '2020-09-23T07:28:00Z')
    ];
    expect(
      chaptersOf(withoutEnd, { startedAt, durationSeconds: 40 * minute }, 'en', 'ko').map((c) => [c.start, c.end])
    ).toEqual([
      [0, 15 * minute],
      [15 * minute, 30 * minute],
      [30 * minute, 40 * minute]
    ]);
  });

  it('titles chapters in the reader’s language, falling back to the edition’s', () => {
    const items = [item(1, { ko: '개회사', en: 'Opening' }), item(2, { ko: '기조연설' })];
    expect(chaptersOf(items, { startedAt, durationSeconds: 120 }, 'en', 'ko').map((c) => c.title)).toEqual([
      'Opening',
      '기조연설'
    ]);
    expect(chaptersOf(items, { startedAt, durationSeconds: 120 }, 'ko', 'ko').map((c) => c.title)).toEqual([
      '개회사',
      '기조연설'
    ]);
  });

  it('writes WebVTT with HH:MM:SS.mmm times and escaped cue text', () => {
    const vtt = chaptersVtt([
      { start: 0, end: 61.5, title: 'Cities <&> people' },
      { start: 61.5, end: 3725.25, title: 'A --> B' }
    ]);
    expect(vtt).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:01:01.500\nCities &lt;&amp;&gt; people\n\n2\n00:01:01.500 --> 01:02:05.250\nA --&gt; B\n'
    );
    expect(vttTime(0.0004)).toBe('00:00:00.000');
    expect(escapeVtt('a<b')).toBe('a&lt;b');
    expect(chaptersVtt([])).toBe('WEBVTT\n');
  });

  it('keeps a title on one line, since a blank line would end the cue', () => {
    expect(
      chaptersOf([item(1, { en: 'Two\n\nlines' })], { startedAt, durationSeconds: 10 }, 'en', 'en')[0]?.title
    ).toBe('Two lines');
  });
});
