/**
 * Chapters of a replay from its WebVTT chapters file (one cue per programme
 * item): start, end and title. Parsed here rather than from the <track>'s
 * cues because Chromium loads a chapters track's cues only when it shows it.
 */
export interface Chapter {
  start: number;
  end: number;
  title: string;
}

const timing = /^((?:\d+:)?\d{1,2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}\.\d{3})/;

/** Seconds of a WebVTT timestamp (`hh:mm:ss.ttt` or `mm:ss.ttt`). */
export function vttSeconds(stamp: string): number {
  return stamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** The cues of a WebVTT file, in time order; an empty list when the text is not WebVTT. */
export function parseChapters(vtt: string): Chapter[] {
  const text = vtt.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(text)) return [];
  const chapters: Chapter[] = [];
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((line) => timing.test(line));
    if (at < 0) continue;
    const [, start = '', end = ''] = timing.exec(lines[at]!) || [];
    const raw = lines
      .slice(at + 1)
      .join(' ')
      .replace(/<[^>]*>/g, '');
    const title = decodeEntities(raw).trim();
    if (title) chapters.push({ start: vttSeconds(start), end: vttSeconds(end), title });
  }
  return chapters.sort((a, b) => a.start - b.start);
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f'
};

/** WebVTT's few named character references (the titles end up as text, never as HTML). */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|nbsp|lrm|rlm);/g, (_, name: string) => entities[name] || '');
}

/** Index of the chapter playing at `time` (the last one started), or -1 before the first. */
export function chapterAt(chapters: readonly Chapter[], time: number): number {
  let current = -1;
  chapters.forEach((chapter, index) => {
    if (chapter.start <= time) current = index;
  });
  return current;
}
