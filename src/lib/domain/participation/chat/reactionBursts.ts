/**
 * Reactions are not stored per click: each node counts them per session for
 * one second and then publishes one `reaction.burst` per session with the
 * counts. This is that count. It only holds sessions that had a reaction
 * since the last drain, so its size is bounded by the sessions active in
 * one second, not by every session ever reacted to.
 */
import { reactionEmoji, type ReactionCounts, type ReactionKey } from './reactions.js';

export interface ReactionBurst {
  readonly sessionId: string;
  readonly counts: ReactionCounts;
}

export class ReactionBursts {
  readonly #pending = new Map<string, Map<ReactionKey, number>>();

  add(sessionId: string, reaction: ReactionKey): void {
    let counts = this.#pending.get(sessionId);
    if (!counts) {
      counts = new Map();
      this.#pending.set(sessionId, counts);
    }
    counts.set(reaction, (counts.get(reaction) ?? 0) + 1);
  }

  /** Sessions holding counts now. */
  get size(): number {
    return this.#pending.size;
  }

  /** The counts since the last drain, one burst per session (emoji in the fixed order), and forgets them. */
  drain(): ReactionBurst[] {
    const bursts: ReactionBurst[] = [];
    for (const [sessionId, counts] of this.#pending) {
      const ordered = (Object.keys(reactionEmoji) as ReactionKey[]).filter((key) => counts.has(key));
      bursts.push({
        sessionId,
        counts: Object.fromEntries(ordered.map((key) => [reactionEmoji[key], counts.get(key)!]))
      });
    }
    this.#pending.clear();
    return bursts;
  }
}
