import { describe, expect, it } from 'vitest';
import { burstText, countNew, NewMessageTally, newMessagesText } from './chatLive.js';

describe('countNew', () => {
  it('counts the ids that were not there before, ignoring ones that scrolled away', () => {
    expect(countNew(['1', '2', '3'], ['2', '3', '4', '5'])).toBe(2);
    expect(countNew(['1', '2'], ['1', '2'])).toBe(0);
    expect(countNew([], ['7'])).toBe(1);
  });
});

describe('NewMessageTally', () => {
  it('adds up new messages until the announcement is spoken', () => {
    const tally = new NewMessageTally();
    expect(tally.add(2)).toBe(2);
    expect(tally.add(3)).toBe(5);
    tally.reset();
    expect(tally.add(1)).toBe(1);
  });
});

describe('newMessagesText', () => {
  it('fills the translated sentence, with its own form for one', () => {
    expect(newMessagesText(1, '{count} new messages', '1 new message')).toBe('1 new message');
    expect(newMessagesText(4, '{count} new messages', '1 new message')).toBe('4 new messages');
    expect(newMessagesText(4, '새 메시지 {count}개', '새 메시지 1개')).toBe('새 메시지 4개');
  });
});

describe('burstText', () => {
  it('shows the known emoji with their counts in the fixed order', () => {
    expect(burstText({ counts: { '❤️': 3, '👏': 12 } })).toBe('👏 12  ❤️ 3');
  });

  it('shows nothing for unknown emoji, odd counts or a malformed burst', () => {
    expect(burstText({ counts: { '<img src=x>': 5, '👏': -1, '🙏': 1.5, '😂': '3' } })).toBeNull();
    for (const data of [null, 'x', {}, { counts: null }, { counts: [] }]) expect(burstText(data)).toBeNull();
  });
});
