/**
 * A replay's chapters: one WebVTT cue per programme item of the session,
 * timed relative to the start of the recording, so players can list and
 * jump to "Opening remarks", "Case: Helsinki"… Titles are in the reader's
 * language with the edition's fallback.
 */
import { textIn } from '../localizedText.js';
import type { ProgrammeItem } from '../programme.js';

export interface Chapter {
  /** Seconds from the start of the recording. */
  readonly start: number;
  readonly end: number;
  readonly title: string;
}

export interface ChapterRecording {
  readonly startedAt: Date;
  readonly durationSeconds: number;
}

/**
 * Chapters for `items` (any order; running order is their position). An item
 * with a start time begins there, clamped to the recording. Items without
 * times share the remaining time in running order: a run of them splits
 * equally the time from the end of the timed item before it (or the start of
 * the recording) to the start of the timed item after it (or the end of the
 * recording); when the timed item before has no end time, it joins that
 * share. Each chapter ends where the next begins, the last at the end;
 * chapters left with no time (items wholly outside the recording) are dropped.
 */
export function chaptersOf(
  items: readonly ProgrammeItem[],
  recording: ChapterRecording,
  locale: string,
  fallbackLocale: string
): Chapter[] {
  const duration = Math.max(0, recording.durationSeconds);
  const ordered = [...items].sort((a, b) => a.position - b.position);
  const clamp = (seconds: number) => Math.min(duration, Math.max(0, seconds));
  const offset = (date: Date) => clamp((date.getTime() - recording.startedAt.getTime()) / 1000);
  const starts: number[] = new Array<number>(ordered.length).fill(0);

  let index = 0;
  let previousEnd = 0;
  let carried: number | null = null; // an untimed-end timed item waiting to join the next share
  while (index < ordered.length) {
    const item = ordered[index] as ProgrammeItem;
    if (item.startsAt) {
      // Never before the item ahead of it in running order.
      const start = Math.max(offset(item.startsAt), index > 0 ? (starts[index - 1] as number) : 0);
      const ownEnd = item.endsAt ? offset(item.endsAt) : null;
      const hasEnd = ownEnd !== null && ownEnd > start;
      starts[index] = start;
      carried = hasEnd ? null : index;
      previousEnd = hasEnd ? ownEnd : start;
      index += 1;
      continue;
    }
    let runEnd = index;
    while (runEnd < ordered.length && !ordered[runEnd]?.startsAt) runEnd += 1;
    const next = ordered[runEnd];
    const windowEnd = next?.startsAt ? Math.max(offset(next.startsAt), previousEnd) : duration;
    const sharers = carried !== null ? [carried, ...range(index, runEnd)] : range(index, runEnd);
    const windowStart = carried !== null ? (starts[carried] as number) : previousEnd;
    const share = (windowEnd - windowStart) / sharers.length;
    sharers.forEach((position, n) => {
      starts[position] = windowStart + share * n;
    });
    carried = null;
    previousEnd = windowEnd;
    index = runEnd;
  }

  const chapters: Chapter[] = [];
  ordered.forEach((item, i) => {
    const start = starts[i] as number;
    const end = i + 1 < ordered.length ? (starts[i + 1] as number) : duration;
    if (end - start <= 0.0005) return;
    chapters.push({
      start,
      end,
      title: textIn(item.title, locale, fallbackLocale).replace(/\s+/g, ' ').trim() || `${i + 1}`
    });
  });
  return chapters;
}

/** The chapters as a WebVTT file (`text/vtt`). */
export function chaptersVtt(chapters: readonly Chapter[]): string {
  const cues = chapters.map(
    (chapter, i) => `${i + 1}\n${vttTime(chapter.start)} --> ${vttTime(chapter.end)}\n${escapeVtt(chapter.title)}\n`
  );
  return ['WEBVTT\n', ...cues].join('\n');
}

/** `HH:MM:SS.mmm`, hours kept to two digits at least. */
export function vttTime(seconds: number): string {
  const ms = Math.round(Math.max(0, seconds) * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const rest = ms % 1000;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(rest, 3)}`;
}

/** Cue text is markup in WebVTT: `&`, `<` and `>` must be character references. */
export function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
