import { describe, expect, it } from 'vitest';
import { emptyTally, pollResults, tallyBallots, type Ballot } from './voteCount.js';

const options = [{ id: 'opt-1' }, { id: 'opt-2' }, { id: 'opt-3' }];
const single = { kind: 'single' as const, options };
const multiple = { kind: 'multiple' as const, options };
const ballot = (participantId: string, ...optionIds: string[]): Ballot => ({ participantId, optionIds });
const percents = (r: { options: readonly { percent: number }[] }) => r.options.map((o) => o.percent);
const counts = (r: { options: readonly { count: number }[] }) => r.options.map((o) => o.count);

describe('counting a single-choice poll', () => {
  it('counts one ballot per participant and gives each option its share of the ballots', () => {
    const results = pollResults(
      single,
      tallyBallots([ballot('a', 'opt-1'), ballot('b', 'opt-1'), ballot('c', 'opt-2'), ballot('d', 'opt-1')])
    );
    expect(results.ballots).toBe(4);
    expect(counts(results)).toEqual([3, 1, 0]);
    expect(percents(results)).toEqual([75, 25, 0]);
  });

  it('shows whole percentages that add up to 100 where plain rounding would not', () => {
    const thirds = pollResults(
      single,
      tallyBallots([ballot('a', 'opt-1'), ballot('b', 'opt-2'), ballot('c', 'opt-3')])
    );
    expect(percents(thirds)).toEqual([34, 33, 33]);
    // 1/6, 1/6, 4/6 round to 17 + 17 + 67 = 101 one by one.
    const sixths = pollResults(single, {
      ballots: 6,
      choices: new Map([
        ['opt-1', 1],
        ['opt-2', 1],
        ['opt-3', 4]
      ])
    });
    expect(percents(sixths)).toEqual([17, 16, 67]);
    // 1/7 each of seven … and 2/3 with 1/3: always 100 in total.
    for (const [a, b, c] of [
      [1, 1, 5],
      [2, 1, 0],
      [1, 2, 4],
      [33, 33, 34],
      [1, 0, 0],
      [3, 3, 1]
    ] as const) {
      const total = a + b + c;
      const shown = percents(
        pollResults(single, {
          ballots: total,
          choices: new Map([
            ['opt-1', a],
            ['opt-2', b],
            ['opt-3', c]
          ])
        })
      );
      expect(
        shown.reduce((x, y) => x + y, 0),
        `${a}/${b}/${c}`
      ).toBe(100);
    }
  });
});

describe('counting a multiple-choice poll', () => {
  it('counts each option chosen on a ballot once, and gives its share of the ballots (the sum may pass 100)', () => {
    const results = pollResults(
      multiple,
      tallyBallots([ballot('a', 'opt-1', 'opt-2'), ballot('b', 'opt-2', 'opt-3'), ballot('c', 'opt-2', 'opt-2')])
    );
    expect(results.ballots).toBe(3);
    expect(counts(results)).toEqual([1, 3, 1]);
    expect(percents(results)).toEqual([33, 100, 33]);
  });
});

describe('replaced ballots', () => {
  it('count only the participant’s last ballot', () => {
    const tally = tallyBallots([
      ballot('a', 'opt-1'),
      ballot('b', 'opt-2'),
      ballot('a', 'opt-3'),
      ballot('a', 'opt-2')
    ]);
    expect(tally.ballots).toBe(2);
    const results = pollResults(single, tally);
    expect(counts(results)).toEqual([0, 2, 0]);
    expect(percents(results)).toEqual([0, 100, 0]);
  });

  it('replace every choice of a multiple-choice ballot, not add to it', () => {
    const results = pollResults(multiple, tallyBallots([ballot('a', 'opt-1', 'opt-2'), ballot('a', 'opt-3')]));
    expect(counts(results)).toEqual([0, 0, 1]);
  });
});

describe('a poll nobody answered', () => {
  it('shows 0 % for every option, never NaN', () => {
    for (const poll of [single, multiple]) {
      const results = pollResults(poll, emptyTally);
      expect(results.ballots).toBe(0);
      expect(counts(results)).toEqual([0, 0, 0]);
      expect(percents(results)).toEqual([0, 0, 0]);
    }
    expect(pollResults(single, tallyBallots([]))).toEqual(pollResults(single, emptyTally));
  });

  it('ignores options a tally names that the poll does not have', () => {
    const results = pollResults(single, { ballots: 1, choices: new Map([['opt-9', 1]]) });
    expect(counts(results)).toEqual([0, 0, 0]);
    expect(percents(results).every(Number.isFinite)).toBe(true);
  });
});
