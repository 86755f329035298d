/**
 * The poll panel's form action on the session page: a participant answers
 * the open poll. Without JavaScript the answer redirects back to the panel
 * with a notice or the refusal's code (the panel shows its message); the
 * live script gets a plain success or a failure carrying the message.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import { wantsLiveAnswer } from '$lib/server/http/wantsLiveAnswer';
import { liveSessionOf } from '$lib/server/http/liveSession';
import { statusOf } from '$lib/server/http/outcomes';
import { participantOf } from '$lib/server/http/participants';
import { retryAfterSeconds } from '$lib/server/rateLimits/rateLimiter';
import { tooFastCode, tooFastMessage } from '$lib/server/http/tooFast';

type SessionEvent = RequestEvent<{ edition: string; session: string }>;

export const pollActions = {
  answerPoll: async (event: SessionEvent) => {
    const { programme, session } = await liveSessionOf(event.params);
    const back = `/${programme.edition.slug}/sessions/${session.id}`;
    let form: FormData;
    try {
      form = await event.request.formData();
    } catch {
      form = new FormData();
    }
    const participant = participantOf(event);
    const result = await appContext().pollParticipation.answer({
      scope: { sessionId: session.id },
      participantId: participant.id,
      address: event.getClientAddress(),
      input: { pollId: form.get('pollId'), optionIds: form.getAll('optionIds') }
    });
    const live = wantsLiveAnswer(event);
    switch (result.status) {
      case 'cast':
        if (live) return { answered: true };
        redirect(303, `${back}?poll=answered#panel-poll`);
        break;
      case 'too_fast': {
        if (live) return fail(429, { message: tooFastMessage(event.locals.locale, result) });
        redirect(303, `${back}?poll-error=${tooFastCode}&retry=${retryAfterSeconds(result)}#panel-poll`);
        break;
      }
      case 'refused':
      case 'invalid':
      case 'not_found': {
        const code =
          result.status === 'refused'
            ? result.code
            : result.status === 'invalid'
              ? 'poll.invalid_answer'
              : 'poll.not_found';
        if (live) return fail(statusOf(code), { message: messagesFor(event.locals.locale).polls.errors[code] });
        redirect(303, `${back}?poll-error=${code}#panel-poll`);
      }
    }
  }
};
