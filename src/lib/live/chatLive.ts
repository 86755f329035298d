/**
 * The chat panel's part of the live script, as pure logic kept small (the
 * script's budget is 8 KiB): how many messages a refreshed panel shows that
 * the reader had not seen (by their `data-live-item` ids), and the text of a
 * `reaction.burst` for the visual burst (positive counts only; it is set as
 * text, never as markup).
 */

/** Ids in `after` that were not in `before`. */
export function countNew(before: readonly string[], after: readonly string[]): number {
  return after.filter((id) => before.indexOf(id) < 0).length;
}

/** "👏 12  ❤️ 3" for a burst's data, or '' when it carries nothing to show. */
export function burstText(data: unknown): string {
  const counts = (data && (data as { counts?: unknown }).counts) || {};
  return Object.keys(counts)
    .filter((emoji) => ((counts as Record<string, number>)[emoji] as number) > 0)
    .map((emoji) => `${emoji} ${(counts as Record<string, number>)[emoji]}`)
    .join('  ');
}
