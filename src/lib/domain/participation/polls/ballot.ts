/**
 * What a participant's answer to a poll must be: the poll open, at least one
 * of its options, each once, and no more than the poll allows. One ballot per
 * participant per poll; answering again while the poll is open replaces it.
 */
import { choiceLimit, type Poll } from './poll.js';

export type BallotProblem =
  'poll.closed' | 'poll.no_choice' | 'poll.unknown_option' | 'poll.one_choice_only' | 'poll.too_many_choices';

/** The chosen option ids in the poll's own order, or the reason the ballot is refused. */
export function checkBallot(
  poll: Pick<Poll, 'state' | 'kind' | 'maxChoices' | 'options'>,
  optionIds: readonly string[]
): { ok: true; optionIds: string[] } | { ok: false; problem: BallotProblem } {
  if (poll.state !== 'open') return { ok: false, problem: 'poll.closed' };
  const chosen = new Set(optionIds);
  if (chosen.size === 0) return { ok: false, problem: 'poll.no_choice' };
  const known = new Set(poll.options.map((o) => o.id));
  if ([...chosen].some((id) => !known.has(id))) return { ok: false, problem: 'poll.unknown_option' };
  if (chosen.size > choiceLimit(poll))
    return { ok: false, problem: poll.kind === 'single' ? 'poll.one_choice_only' : 'poll.too_many_choices' };
  return { ok: true, optionIds: poll.options.map((o) => o.id).filter((id) => chosen.has(id)) };
}
