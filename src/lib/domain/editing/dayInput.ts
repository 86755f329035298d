/**
 * A day of an edition as an organiser enters it: its date (inside the
 * edition's dates) and its title per locale. Days are listed by date; days
 * that share a date keep the order the organiser gave them.
 */
import { z } from 'zod';
import type { LocalizedText } from '../localizedText.js';
import type { FieldProblem } from './sessionInput.js';
import { localizedTextSchema } from './sessionInput.js';
import { localDate } from './editionInput.js';

export const dayTextLimits = { title: 200 } as const;

export const dayInputSchema = z.object({
  date: localDate,
  title: localizedTextSchema(dayTextLimits.title)
});
export type DayInput = z.infer<typeof dayInputSchema>;

export interface DayValues {
  readonly date: string;
  readonly title: LocalizedText;
}

/** A day as the console edits it: the programme's day plus its version. */
export interface EditableDay {
  readonly id: string;
  readonly editionId: string;
  readonly date: string;
  readonly title: LocalizedText;
  readonly position: number;
  readonly version: number;
}

export interface DayEditionFacts {
  readonly defaultLocale: string;
  readonly locales: readonly string[];
  readonly startsOn: string;
  readonly endsOn: string;
}

export function resolveDay(
  input: DayInput,
  edition: DayEditionFacts
): { ok: true; values: DayValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!input.title[edition.defaultLocale])
    problems.push({ field: `title.${edition.defaultLocale}`, code: 'day.title_required' });
  if (Object.keys(input.title).some((locale) => !edition.locales.includes(locale)))
    problems.push({ field: 'title', code: 'day.locale_not_offered' });
  if (input.date < edition.startsOn || input.date > edition.endsOn)
    problems.push({ field: 'date', code: 'day.outside_edition' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, values: { date: input.date, title: input.title } };
}

/** Days in the order they are listed: by date, then by the organiser's order within a date. */
export function byDate<T extends { readonly date: string; readonly position: number }>(days: readonly T[]): T[] {
  return [...days].sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position);
}

/** Whether the day has a neighbour on its own date that way: the days page offers the move only then. */
export function canMoveDay<T extends { readonly id: string; readonly date: string; readonly position: number }>(
  days: readonly T[],
  dayId: string,
  direction: 'up' | 'down'
): boolean {
  return moveDayInOrder(days, dayId, direction) !== null;
}

/**
 * Moves a day one place among the days that share its date; null when it
 * has no such neighbour that way (days on other dates stay in date order).
 */
export function moveDayInOrder<T extends { readonly id: string; readonly date: string; readonly position: number }>(
  days: readonly T[],
  dayId: string,
  direction: 'up' | 'down'
): string[] | null {
  const ordered = byDate(days);
  const index = ordered.findIndex((d) => d.id === dayId);
  const other = index + (direction === 'up' ? -1 : 1);
  if (index < 0 || other < 0 || other >= ordered.length || ordered[other]!.date !== ordered[index]!.date) return null;
  const ids = ordered.map((d) => d.id);
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  return ids;
}
