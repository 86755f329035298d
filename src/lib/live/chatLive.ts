/**
 * The chat panel's part of the live script, as pure logic: how many messages
 * a refreshed panel shows that the reader had not seen (by their
 * `data-live-item` ids), added up until the polite announcement is actually
 * spoken, and the text of a `reaction.burst` (only the six known emoji, whole
 * counts) for the visual burst.
 */

/** Ids in `after` that were not in `before`. */
export function countNew(before: readonly string[], after: readonly string[]): number {
  const seen = new Set(before);
  let count = 0;
  for (const id of after) if (!seen.has(id)) count += 1;
  return count;
}

/** New messages since the last announcement, so "5 new messages" says 5 even when they came in three refreshes. */
export class NewMessageTally {
  private pending = 0;

  add(count: number): number {
    this.pending += count;
    return this.pending;
  }

  /** The announcement was spoken: start counting again. */
  reset(): void {
    this.pending = 0;
  }
}

/** The announcement for `count` new messages from the panel's templates ("{count} new messages", and the one form). */
export function newMessagesText(count: number, many: string, one: string): string {
  return count === 1 ? one : many.replace('{count}', String(count));
}

const knownEmoji = ['👏', '❤️', '😂', '😮', '👍', '🙏'];

/** "👏 12  ❤️ 3" for a burst's data, or null when it carries nothing to show. */
export function burstText(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const counts = (data as { counts?: unknown }).counts;
  if (typeof counts !== 'object' || counts === null) return null;
  const parts: string[] = [];
  for (const emoji of knownEmoji) {
    const count = (counts as Record<string, unknown>)[emoji];
    if (typeof count === 'number' && Number.isInteger(count) && count > 0 && count < 1e7) parts.push(`${emoji} ${count}`);
  }
  return parts.length > 0 ? parts.join('  ') : null;
}
