/**
 * The chat's form actions on the session page: `sendChatMessage` and
 * `react`. Without JavaScript a success redirects (303) back to the panel
 * with a notice and a refusal re-renders the page with the problem beside
 * the field; the live script (`x-madang-live: 1`) gets the same answers as
 * data. Parse the form, call the service, render: no rules here.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { ChatFormProblem } from '$lib/domain/participation/chat/chatPanelView';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import { wantsLiveAnswer } from '$lib/server/http/wantsLiveAnswer';
import { participantOf } from '$lib/server/http/participants';
import { field } from '$lib/server/http/formFields';
import { tooFastMessage } from '$lib/server/http/tooFast';

type Event = RequestEvent<{ edition: string; session: string }>;

async function formOf(event: Event): Promise<FormData> {
  try {
    return await event.request.formData();
  } catch {
    return new FormData();
  }
}

async function open(event: Event) {
  const ref = await appContext().chatMessaging.publicSession(event.params.edition, event.params.session);
  if (!ref) error(404, 'session.not_found');
  const form = await formOf(event);
  const participant = participantOf(event);
  return {
    ref,
    form,
    poster: { participantId: participant.id, address: event.getClientAddress() },
    m: messagesFor(event.locals.locale).chat,
    back: `/${event.params.edition}/sessions/${event.params.session}`
  };
}

/** A refusal the panel shows: `chatProblem` for the no-JS page, `message` for the live script's error element. */
function refuse(status: 400 | 403 | 429, problem: ChatFormProblem) {
  const message = problem.message ?? problem.errors.displayName ?? problem.errors.text ?? '';
  return fail(status, { chatProblem: problem, message });
}

export const chatActions = {
  sendChatMessage: async (event: Event) => {
    const { ref, form, poster, m, back } = await open(event);
    const values = { displayName: field(form, 'displayName'), text: field(form, 'text') };
    const result = await appContext().chatMessaging.post(ref, poster, {
      ...values,
      idempotencyKey: form.get('idempotencyKey')
    });
    const problem = (message: string | null, errors: ChatFormProblem['errors'] = {}): ChatFormProblem => ({
      form: 'message',
      values,
      errors,
      message
    });
    switch (result.status) {
      case 'posted':
        if (wantsLiveAnswer(event)) return { chatPosted: result.message.id };
        redirect(303, `${back}?chatNotice=sent#panel-chat`);
        break;
      case 'invalid': {
        const errors: Record<string, string> = {};
        let message: string | null = null;
        for (const p of result.problems) {
          if (p.field === 'idempotencyKey') message = m.errors[p.code];
          else errors[p.field] ??= m.errors[p.code];
        }
        return refuse(400, problem(message, errors));
      }
      case 'muted':
        return refuse(403, problem(m.errors['chat.muted']));
      case 'slow_mode':
        return refuse(429, problem(m.slowModeWait(result.retryAfterSeconds)));
      case 'too_fast':
        return refuse(
          429,
          problem(tooFastMessage(event.locals.locale, { retryAfterMs: result.retryAfterSeconds * 1000 }))
        );
      case 'not_found':
        error(404, 'session.not_found');
    }
  },

  react: async (event: Event) => {
    const { ref, form, poster, m, back } = await open(event);
    const result = await appContext().chatReactions.react(ref.sessionId, poster, form.get('reaction'));
    const problem = (message: string): ChatFormProblem => ({
      form: 'reaction',
      values: { displayName: '', text: '' },
      errors: {},
      message
    });
    switch (result.status) {
      case 'counted':
        if (wantsLiveAnswer(event)) return { reacted: true };
        redirect(303, `${back}?chatNotice=reacted#panel-chat`);
        break;
      case 'invalid':
        return refuse(400, problem(m.errors['chat.invalid_reaction']));
      case 'too_fast':
        return refuse(
          429,
          problem(tooFastMessage(event.locals.locale, { retryAfterMs: result.retryAfterSeconds * 1000 }))
        );
    }
  }
};
