import { describe, expect, it } from 'vitest';
import { chapterAt, parseChapters, vttSeconds } from './chapters.js';

const vtt = `WEBVTT

1
00:00:00.000 --> 00:00:04.000
Opening remarks

2
00:00:04.000 --> 00:01:30.500
Keynote: <i>Digital</i> democracy

00:01:30.500 --> 01:02:03.000
Questions &amp; answers
`;

describe('replay chapters', () => {
  it('reads each cue as a chapter with its start, end and title (markup removed)', () => {
    expect(parseChapters(vtt)).toEqual([
      { start: 0, end: 4, title: 'Opening remarks' },
      { start: 4, end: 90.5, title: 'Keynote: Digital democracy' },
      { start: 90.5, end: 3723, title: 'Questions & answers' }
    ]);
  });

  it('accepts CRLF line ends, a byte-order mark and minutes-only timestamps', () => {
    expect(parseChapters('\uFEFFWEBVTT\r\n\r\n00:05.000 --> 00:09.000\r\nPanel\r\n')).toEqual([
      { start: 5, end: 9, title: 'Panel' }
    ]);
    expect(vttSeconds('01:00:01.250')).toBe(3601.25);
  });

  it('gives nothing for a file that is not WebVTT (an error page, say)', () => {
    expect(parseChapters('<html>Not found</html>')).toEqual([]);
    expect(parseChapters('')).toEqual([]);
  });

  it('marks the chapter that has started last as current', () => {
    const chapters = parseChapters(vtt);
    expect(chapterAt(chapters, 0)).toBe(0);
    expect(chapterAt(chapters, 4)).toBe(1);
    expect(chapterAt(chapters, 100)).toBe(2);
    expect(chapterAt([], 100)).toBe(-1);
  });
});
