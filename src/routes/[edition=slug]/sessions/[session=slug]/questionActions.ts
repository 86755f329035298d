// The session page's Q&A actions: ask a question, upvote or withdraw a vote. Without JavaScript they redirect back
// to the panel with a notice, or show the form again with its problems; from the live script (`x-madang-live: 1`)
// they answer data. Either way the question is stored before the answer goes out.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { AskFormProblem } from '$lib/domain/participation/questions/questionPanel';
import { parseQuestionSort } from '$lib/domain/participation/questions/questionOrder';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import { wantsLiveAnswer } from '$lib/server/http/wantsLiveAnswer';
import { participantOf } from '$lib/server/http/participants';
import { field } from '$lib/server/http/formFields';
import { questionNoticeParam, questionSortParam } from '$lib/server/services/questionsPanel';
import { retryAfterSeconds } from '$lib/server/rateLimits/rateLimiter';
import { tooFastCode, tooFastMessage } from '$lib/server/http/tooFast';

type Event = RequestEvent<{ edition: string; session: string }>;

async function postedForm(event: Event): Promise<FormData> {
  try {
    return await event.request.formData();
  } catch {
    return new FormData();
  }
}

/** Back to the panel on the session page, in the order the reader had chosen. */
function panelPath(event: Event, form: FormData, notice: string, anchor: string): string {
  const sort = parseQuestionSort(field(form, 'sort'));
  const query = new URLSearchParams({
    ...(sort === 'time' ? { [questionSortParam]: sort } : {}),
    [questionNoticeParam]: notice
  });
  return `/${event.params.edition}/sessions/${event.params.session}?${query}#${anchor}`;
}

function errorMessage(event: Event, code: string): string {
  const errors: Record<string, string> = messagesFor(event.locals.locale).questions.errors;
  return errors[code] ?? errors['question.invalid_field']!;
}

export const questionActions = {
  askQuestion: async (event: Event) => {
    const participant = participantOf(event);
    const form = await postedForm(event);
    const values = { text: field(form, 'text'), displayName: field(form, 'displayName') };
    const idempotencyKey = field(form, 'idempotencyKey');
    const outcome = await appContext().questions.ask({
      editionSlug: event.params.edition,
      sessionId: event.params.session,
      participantId: participant.id,
      address: event.getClientAddress(),
      input: { ...values, idempotencyKey }
    });
    switch (outcome.status) {
      case 'asked': {
        const { question } = outcome;
        if (wantsLiveAnswer(event))
          return { question: { id: question.id, status: question.status, isNew: outcome.isNew } };
        redirect(
          303,
          panelPath(event, form, question.status === 'pending' ? 'askedPending' : 'asked', 'panel-questions')
        );
        break;
      }
      case 'invalid': {
        const errors: Record<string, string> = {};
        for (const problem of outcome.problems) errors[problem.field] ??= problem.code;
        const problem: AskFormProblem = { values, errors };
        const first = outcome.problems[0]?.code ?? 'question.invalid_field';
        // The same key comes back in the form, so fixing and resending is still this one submission.
        return fail(400, { message: errorMessage(event, first), questions: { problem, idempotencyKey } });
      }
      case 'too_fast': {
        const problem: AskFormProblem = {
          values,
          errors: { '': tooFastCode },
          retryAfterSeconds: retryAfterSeconds(outcome)
        };
        event.setHeaders({ 'retry-after': String(retryAfterSeconds(outcome)) });
        return fail(429, {
          message: tooFastMessage(event.locals.locale, outcome),
          questions: { problem, idempotencyKey }
        });
      }
      case 'not_found':
        error(404, 'session.not_found');
    }
  },

  upvoteQuestion: async (event: Event) => {
    const participant = participantOf(event);
    const form = await postedForm(event);
    const questionId = field(form, 'questionId');
    const intent = field(form, 'intent');
    if (intent !== 'up' && intent !== 'withdraw') {
      return fail(400, {
        message: errorMessage(event, 'question.invalid_field'),
        questions: { voteProblem: { questionId, code: 'question.invalid_field' } }
      });
    }
    const outcome = await appContext().questions.vote({
      editionSlug: event.params.edition,
      sessionId: event.params.session,
      participantId: participant.id,
      questionId,
      intent
    });
    switch (outcome.status) {
      case 'saved':
        if (wantsLiveAnswer(event))
          return {
            question: { id: outcome.question.id, voteCount: outcome.question.voteCount, hasVote: outcome.hasVote }
          };
        redirect(
          303,
          panelPath(event, form, outcome.hasVote ? 'voted' : 'withdrawn', `question-${outcome.question.id}`)
        );
        break;
      case 'refused':
        return fail(409, {
          message: errorMessage(event, outcome.code),
          questions: { voteProblem: { questionId, code: outcome.code } }
        });
      case 'too_fast':
        event.setHeaders({ 'retry-after': String(retryAfterSeconds(outcome)) });
        return fail(429, {
          message: tooFastMessage(event.locals.locale, outcome),
          questions: { voteProblem: { questionId, code: tooFastCode, retryAfterSeconds: retryAfterSeconds(outcome) } }
        });
      case 'not_found':
        return fail(404, {
          message: errorMessage(event, 'question.not_found'),
          questions: { voteProblem: { questionId, code: 'question.not_found' } }
        });
    }
  }
};
