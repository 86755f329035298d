/**
 * Participants and polls: answering the open poll (one ballot each, replaced
 * when they answer again, under per-participant and per-address rate limits)
 * and what the public panel shows — the open poll with the participant's
 * current answer, results once they answered or the poll closed, and the
 * last closed poll's results when none is open. Participants are plain ids
 * (`account:<id>`, `p:<…>`); who they are is the edge's business.
 */
import { z } from 'zod';
import { checkBallot, type BallotProblem } from '../../domain/participation/polls/ballot.js';
import { choiceLimit, pollToShow, type Poll } from '../../domain/participation/polls/poll.js';
import { pollResults, type PollResults } from '../../domain/participation/polls/voteCount.js';
import type { PollRepository, PollScope } from '../db/pollRepository.js';
import { takeParticipationAllowance, type RateLimiter, type RateRule } from '../rateLimits/rateLimiter.js';
import type { LivePublishing } from './pollModeration.js';

/** Answering polls: 30 a minute per participant, 300 a minute per address (a classroom or an office behind one NAT). */
export const pollAnswerRules: { readonly perParticipant: RateRule; readonly perAddress: RateRule } = {
  perParticipant: { name: 'poll.answer.participant', limit: 30, windowMs: 60_000 },
  perAddress: { name: 'poll.answer.address', limit: 300, windowMs: 60_000 }
};

const answerSchema = z.object({
  pollId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  optionIds: z.array(z.string().max(20)).max(10)
});

export interface PollAnswer {
  readonly scope: Pick<PollScope, 'sessionId'>;
  readonly participantId: string;
  /** The client's address, for the per-address limit. */
  readonly address: string;
  /** As posted: `{ pollId, optionIds }`. */
  readonly input: unknown;
}

export type PollAnswerResult =
  | { readonly status: 'cast'; readonly poll: Poll }
  | { readonly status: 'refused'; readonly code: BallotProblem }
  | { readonly status: 'invalid' }
  | { readonly status: 'too_fast'; readonly retryAfterMs: number }
  | { readonly status: 'not_found' };

export interface PollPanelView {
  /** The open poll, else the last closed one, else null. */
  readonly poll: (Poll & { readonly choiceLimit: number }) | null;
  /** The participant's current answer to it (empty when none). */
  readonly myChoices: readonly string[];
  /** Shown once the participant answered, and to everyone when the poll is closed. */
  readonly results: PollResults | null;
}

export class PollParticipation {
  constructor(
    private readonly polls: PollRepository,
    private readonly live: LivePublishing & { readonly rateLimiter: RateLimiter }
  ) {}

  async answer(answer: PollAnswer): Promise<PollAnswerResult> {
    const parsed = answerSchema.safeParse(answer.input);
    if (!parsed.success) return { status: 'invalid' };
    const allowance = await takeParticipationAllowance(
      this.live.rateLimiter,
      pollAnswerRules,
      answer.participantId,
      answer.address
    );
    if (!allowance.allowed) return { status: 'too_fast', retryAfterMs: allowance.retryAfterMs };
    const { pollId, optionIds } = parsed.data;
    const outcome = await this.polls.castBallot(answer.scope, pollId, answer.participantId, (poll) =>
      checkBallot(poll, optionIds)
    );
    switch (outcome.status) {
      case 'cast':
        this.live.liveEvents.afterCommit();
        return { status: 'cast', poll: outcome.poll };
      case 'refused':
        return { status: 'refused', code: outcome.problem };
      case 'not_found':
        return { status: 'not_found' };
    }
  }

  /** What the session's public poll panel shows to this participant (null: a reader who never took part). */
  async panel(scope: PollScope, participantId: string | null): Promise<PollPanelView> {
    const poll = pollToShow(await this.polls.listForSession(scope));
    if (!poll) return { poll: null, myChoices: [], results: null };
    const myChoices = participantId ? await this.polls.choicesOf(poll.id, participantId) : [];
    const showResults = poll.state === 'closed' || myChoices.length > 0;
    const results = showResults ? pollResults(poll, await this.polls.tally(poll.id)) : null;
    return { poll: { ...poll, choiceLimit: choiceLimit(poll) }, myChoices, results };
  }
}
