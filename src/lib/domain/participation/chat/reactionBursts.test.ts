import { describe, expect, it } from 'vitest';
import { ReactionBursts } from './reactionBursts.js';
import { isReactionKey, reactionEmoji, reactionKeys } from './reactions.js';

describe('ReactionBursts', () => {
  it('counts reactions per session and emoji, and drains one burst per session', () => {
    const bursts = new ReactionBursts();
    bursts.add('keynote', 'clap');
    bursts.add('keynote', 'clap');
    bursts.add('keynote', 'heart');
    bursts.add('panel', 'pray');
    expect(bursts.drain()).toEqual([
      { sessionId: 'keynote', counts: { '👏': 2, '❤️': 1 } },
      { sessionId: 'panel', counts: { '🙏': 1 } }
    ]);
  });

  it('forgets what it drained, so only sessions with new reactions are held (bounded memory)', () => {
    const bursts = new ReactionBursts();
    bursts.add('keynote', 'wow');
    expect(bursts.size).toBe(1);
    bursts.drain();
    expect(bursts.size).toBe(0);
    expect(bursts.drain()).toEqual([]);
    bursts.add('panel', 'laugh');
    expect(bursts.drain()).toEqual([{ sessionId: 'panel', counts: { '😂': 1 } }]);
  });

  it('lists emoji in the fixed order whatever order they came in', () => {
    const bursts = new ReactionBursts();
    for (const key of [...reactionKeys].reverse()) bursts.add('s', key);
    expect(Object.keys(bursts.drain()[0]!.counts)).toEqual(reactionKeys.map((key) => reactionEmoji[key]));
  });
});

describe('reaction keys', () => {
  it('are the six fixed reactions and nothing else', () => {
    expect(Object.values(reactionEmoji)).toEqual(['👏', '❤️', '😂', '😮', '👍', '🙏']);
    expect(isReactionKey('clap')).toBe(true);
    for (const other of ['👏', 'toString', '__proto__', '', null]) expect(isReactionKey(other)).toBe(false);
  });
});
