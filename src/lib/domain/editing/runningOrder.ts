/**
 * The running order organisers arrange by hand: a day's sessions, a
 * session's items. Moving one entry up or down swaps it with its neighbour;
 * the repositories store the whole new order in one transaction.
 */

export type MoveDirection = 'up' | 'down';

export function isMoveDirection(value: unknown): value is MoveDirection {
  return value === 'up' || value === 'down';
}

/** Entries by their stored position (ties by start, then id, so the order is stable). */
export function byRunningOrder<
  T extends { readonly id: string; readonly position: number; readonly startsAt?: Date | null }
>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      a.position - b.position || (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0) || a.id.localeCompare(b.id)
  );
}

/** The order with `id` moved one place; null when it is not there or already at that end. */
export function moveInOrder(ids: readonly string[], id: string, direction: MoveDirection): string[] | null {
  const from = ids.indexOf(id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const moved = [...ids];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}
