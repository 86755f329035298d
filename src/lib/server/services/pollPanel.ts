/**
 * The poll panel's data for one reader of a session page (and its fragment):
 * the open poll or the last closed one, the reader's answer, the results when
 * they may see them, and — after a form sent without JavaScript — the
 * notice or refusal the action redirected with (`?poll=answered`,
 * `?poll-error=<code>`). Reading sets no cookie.
 */
import type { Cookies } from '@sveltejs/kit';
import { shownResults, shownText, type PollPanelData } from '../../domain/participation/polls/pollView.js';
import type { Session } from '../../domain/programme.js';
import type { Locale } from '../../i18n/locale.js';
import { messagesFor } from '../../i18n/messages.js';
import { appContext } from '../context.js';
import { knownParticipantOf } from '../http/participants.js';
import { tooFastCode, tooFastMessage } from '../http/tooFast.js';

export type { PollPanelData };

export interface PollPanelEvent {
  readonly url: URL;
  readonly cookies: Pick<Cookies, 'get' | 'set'>;
  readonly locals: { readonly account: { readonly id: string } | null; readonly locale: Locale };
}

export async function loadPollPanel(
  event: PollPanelEvent,
  session: Pick<Session, 'id' | 'editionId'>,
  defaultLocale: string
): Promise<PollPanelData> {
  const { locale } = event.locals;
  const participant = knownParticipantOf(event);
  const view = await appContext().pollParticipation.panel(
    { editionId: session.editionId, sessionId: session.id },
    participant?.id ?? null
  );
  const { poll } = view;
  return {
    poll: poll && {
      id: poll.id,
      state: poll.state === 'open' ? 'open' : 'closed',
      kind: poll.kind,
      choiceLimit: poll.choiceLimit,
      question: shownText(poll.question, locale, defaultLocale),
      options: poll.options.map((o) => ({ id: o.id, label: shownText(o.label, locale, defaultLocale) }))
    },
    myChoices: view.myChoices,
    results: poll && view.results ? shownResults(poll, view.results, locale, defaultLocale) : null,
    notice: event.url.searchParams.get('poll') === 'answered' ? messagesFor(locale).polls.panel.thanks : null,
    error: refusalOf(event.url, locale)
  };
}

/** The message of the refusal a no-JavaScript answer was sent back with; unknown codes say nothing. */
function refusalOf(url: URL, locale: Locale): string | null {
  const code = url.searchParams.get('poll-error');
  if (!code) return null;
  if (code === tooFastCode) {
    const seconds = Number(url.searchParams.get('retry'));
    return tooFastMessage(locale, {
      retryAfterMs: Number.isInteger(seconds) && seconds > 0 && seconds <= 3600 ? seconds * 1000 : 60_000
    });
  }
  const errors: Record<string, string> = messagesFor(locale).polls.errors;
  return Object.hasOwn(errors, code) ? errors[code]! : null;
}
