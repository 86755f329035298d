/**
 * The fixed set of emoji reactions. Forms post a plain ASCII key
 * (`reaction=clap`), never the emoji itself, so the one lookup here is the
 * whole validation; the key also names the reaction's accessible label.
 */

export const reactionKeys = ['clap', 'heart', 'laugh', 'wow', 'thumbsUp', 'pray'] as const;
export type ReactionKey = (typeof reactionKeys)[number];

export const reactionEmoji: Readonly<Record<ReactionKey, string>> = {
  clap: '👏',
  heart: '❤️',
  laugh: '😂',
  wow: '😮',
  thumbsUp: '👍',
  pray: '🙏'
};

export type Reaction = (typeof reactionEmoji)[ReactionKey];

export function isReactionKey(value: unknown): value is ReactionKey {
  return typeof value === 'string' && (reactionKeys as readonly string[]).includes(value);
}

/** Counts per emoji, as `reaction.burst` carries them: `{ "👏": 12, … }`. */
export type ReactionCounts = Readonly<Record<string, number>>;
