import { describe, expect, it } from 'vitest';
import { pollEvents, pollVotedEvent } from './pollEvents.js';

describe('poll events', () => {
  it('announces opening and closing on the session channel, not draft edits', () => {
    expect(
      pollEvents('keynote', [
        { pollId: 'a', what: 'created', version: 1 },
        { pollId: 'a', what: 'changed', version: 2 },
        { pollId: 'b', what: 'closed', version: 4 },
        { pollId: 'a', what: 'opened', version: 3 },
        { pollId: 'a', what: 'deleted', version: 5 }
      ])
    ).toEqual([
      { channel: 'session:keynote', name: 'poll.closed', data: { id: 'b', version: 4 } },
      { channel: 'session:keynote', name: 'poll.opened', data: { id: 'a', version: 3 } }
    ]);
  });

  it('announces a ballot with the tally version', () => {
    expect(pollVotedEvent('keynote', 'a', 7)).toEqual({
      channel: 'session:keynote',
      name: 'poll.voted',
      data: { id: 'a', version: 7 }
    });
  });
});
