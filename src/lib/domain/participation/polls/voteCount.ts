/**
 * Counting a poll's votes: from ballots to a tally (a later ballot of the
 * same participant replaces the earlier one), and from a tally to results
 * with percentages. The repository computes the same tally in SQL for
 * speed; `tallyBallots` is the rule it is tested against.
 *
 * A percentage is the share of ballots that chose the option. For single
 * choice these add up to 100, and the rounded whole numbers shown are made to
 * add up to 100 too (largest remainder), so the text never says 99 % or
 * 101 % in total. For multiple choice each is rounded on its own: a ballot
 * may choose several options, so their sum is more than 100 by nature.
 */
import type { PollKind, PollOption } from './poll.js';

export interface Ballot {
  readonly participantId: string;
  readonly optionIds: readonly string[];
}

export interface Tally {
  /** How many participants answered (one ballot each). */
  readonly ballots: number;
  /** Option id → ballots that chose it. */
  readonly choices: ReadonlyMap<string, number>;
}

export interface OptionResult {
  readonly id: string;
  readonly count: number;
  /** Whole percent of ballots, 0 when there are none. */
  readonly percent: number;
}

export interface PollResults {
  readonly ballots: number;
  readonly options: readonly OptionResult[];
}

export const emptyTally: Tally = { ballots: 0, choices: new Map() };

/** Ballots in the order they were cast; the last one of each participant counts. */
export function tallyBallots(ballots: Iterable<Ballot>): Tally {
  const latest = new Map<string, readonly string[]>();
  for (const ballot of ballots) latest.set(ballot.participantId, ballot.optionIds);
  const choices = new Map<string, number>();
  for (const optionIds of latest.values()) {
    for (const id of new Set(optionIds)) choices.set(id, (choices.get(id) ?? 0) + 1);
  }
  return { ballots: latest.size, choices };
}

/** The results of each option, in the poll's order; options nobody chose count 0. */
export function pollResults(
  poll: { readonly kind: PollKind; readonly options: readonly Pick<PollOption, 'id'>[] },
  tally: Tally
): PollResults {
  const counts = poll.options.map((o) => tally.choices.get(o.id) ?? 0);
  const percents =
    tally.ballots === 0
      ? counts.map(() => 0)
      : poll.kind === 'single'
        ? roundedToHundred(counts, tally.ballots)
        : counts.map((c) => Math.round((c * 100) / tally.ballots));
  return {
    ballots: tally.ballots,
    options: poll.options.map((o, i) => ({ id: o.id, count: counts[i]!, percent: percents[i]! }))
  };
}

/**
 * Whole percentages of `total` that add up to exactly 100 when the counts do
 * (largest remainder: floor each, then give the missing points to the
 * largest fractions, earlier options first on a tie).
 */
function roundedToHundred(counts: readonly number[], total: number): number[] {
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  const sum = counts.reduce((a, b) => a + b, 0);
  if (sum !== total) return exact.map(Math.round);
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - floors[index]! }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index, remainder } of byRemainder) {
    if (missing <= 0 || remainder === 0) break;
    floors[index]! += 1;
    missing -= 1;
  }
  return floors;
}
