import { describe, expect, it } from 'vitest';
import { checkBallot } from './ballot.js';
import type { Poll } from './poll.js';

const options = [
  { id: 'opt-1', label: { en: 'Yes' } },
  { id: 'opt-2', label: { en: 'No' } },
  { id: 'opt-3', label: { en: 'Maybe' } }
];
const poll = (overrides: Partial<Pick<Poll, 'state' | 'kind' | 'maxChoices'>> = {}) => ({
  state: 'open' as const,
  kind: 'single' as const,
  maxChoices: null,
  options,
  ...overrides
});

describe('a ballot', () => {
  it('is accepted with one known option for single choice', () => {
    expect(checkBallot(poll(), ['opt-2'])).toEqual({ ok: true, optionIds: ['opt-2'] });
  });

  it('is refused when the poll is not open (a draft or a closed poll)', () => {
    expect(checkBallot(poll({ state: 'closed' }), ['opt-1'])).toEqual({ ok: false, problem: 'poll.closed' });
    expect(checkBallot(poll({ state: 'draft' }), ['opt-1'])).toEqual({ ok: false, problem: 'poll.closed' });
  });

  it('needs a choice, and only the poll’s own options', () => {
    expect(checkBallot(poll(), [])).toEqual({ ok: false, problem: 'poll.no_choice' });
    expect(checkBallot(poll(), ['opt-9'])).toEqual({ ok: false, problem: 'poll.unknown_option' });
  });

  it('has one choice for single choice', () => {
    expect(checkBallot(poll(), ['opt-1', 'opt-2'])).toEqual({ ok: false, problem: 'poll.one_choice_only' });
  });

  it('has up to the limit for multiple choice, each option once, in the poll’s order', () => {
    expect(checkBallot(poll({ kind: 'multiple' }), ['opt-3', 'opt-1', 'opt-3', 'opt-2'])).toEqual({
      ok: true,
      optionIds: ['opt-1', 'opt-2', 'opt-3']
    });
    expect(checkBallot(poll({ kind: 'multiple', maxChoices: 2 }), ['opt-3', 'opt-1'])).toEqual({
      ok: true,
      optionIds: ['opt-1', 'opt-3']
    });
    expect(checkBallot(poll({ kind: 'multiple', maxChoices: 2 }), ['opt-1', 'opt-2', 'opt-3'])).toEqual({
      ok: false,
      problem: 'poll.too_many_choices'
    });
  });
});
