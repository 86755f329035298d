// A session's chat for its moderators: the messages (deleted ones marked), delete, mute and unmute, slow mode, and the moderation log.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { textIn } from '$lib/domain/localizedText';
import { messagesFor } from '$lib/i18n/messages';
import { formatInstant, readConsoleForm, requireAccount } from '$lib/server/http/consoleRoute';
import { field } from '$lib/server/http/formFields';
import { appContext } from '$lib/server/context';
import type { ModerationOutcome } from '$lib/server/services/chatModeration';
import { chatAuditRows } from '../../../chatModeration.server';
import { noticeOf } from '../../../programmeEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { refuseOutcome } from '$lib/server/http/outcomes';

const notices = ['deleted', 'muted', 'unmuted', 'slowMode', 'unchanged'] as const;

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const { locale, viewerZone } = event.locals;
  const before = event.url.searchParams.get('before');
  const view = await appContext().chatModeration.view(account, event.params.edition, event.params.session, before);
  if (view.status !== 'found') refuseOutcome(locale, view.status);
  const { session } = view;
  const sessionTitle = textIn(session.title, locale, session.defaultLocale);
  return {
    edition: { slug: session.editionSlug, title: session.editionTitle, defaultLocale: session.defaultLocale },
    session: { id: session.sessionId, title: sessionTitle },
    messages: view.messages.map((m) => ({
      id: m.id,
      time: formatInstant(m.postedAt, locale, viewerZone, 'time'),
      displayName: m.displayName,
      text: m.text,
      isDeleted: m.deletedAt !== null,
      author: m.author,
      authorIsMuted: m.authorIsMuted
    })),
    earlierBefore: view.hasEarlier ? (view.messages[0]?.id ?? null) : null,
    isEarlierPage: before !== null,
    muted: view.muted.map((p) => ({
      participantId: p.participantId,
      author: p.author,
      lastDisplayName: p.lastDisplayName,
      since: formatInstant(p.mutedAt, locale, viewerZone, 'date-time')
    })),
    slowModeSeconds: view.slowModeSeconds,
    audit: chatAuditRows(view.audit, {
      locale,
      viewerZone,
      sessionTitles: new Map([[session.sessionId, sessionTitle]])
    }),
    notice: noticeOf(event.url, notices)
  };
};

type Event = RequestEvent<{ edition: string; session: string }>;

/** The signed-in account and the checked form (else sign-in or the 403 page). */
async function open(event: Event) {
  const account = requireAccount(event);
  const form = await readConsoleForm(event);
  const here = `/console/editions/${event.params.edition}/sessions/${event.params.session}/chat`;
  return { account, form, here, m: messagesFor(event.locals.locale).chat };
}

/** Where a done action lands, or the failure its form shows. */
function answer(
  event: Event,
  here: string,
  outcome: ModerationOutcome,
  done: (typeof notices)[number],
  anchor: string,
  missing: 'chat.message_not_found' | 'chat.participant_not_found'
) {
  switch (outcome.status) {
    case 'saved':
    case 'unchanged':
      redirect(303, `${here}?notice=${outcome.status === 'saved' ? done : 'unchanged'}#${anchor}`);
      break;
    case 'forbidden':
      return refuseOutcome(event.locals.locale, outcome.status);
    case 'not_found':
      return fail(404, {
        action: anchor,
        message: messagesFor(event.locals.locale).chat.errors[missing],
        errors: {} as Record<string, string>
      });
  }
}

export const actions: Actions = {
  deleteMessage: async (event) => {
    const { account, form, here } = await open(event);
    const outcome = await appContext().chatModeration.deleteMessage(
      account,
      event.params.edition,
      event.params.session,
      field(form, 'message')
    );
    return answer(event, here, outcome, 'deleted', 'messages', 'chat.message_not_found');
  },

  muteAuthor: async (event) => {
    const { account, form, here } = await open(event);
    const outcome = await appContext().chatModeration.muteAuthor(
      account,
      event.params.edition,
      event.params.session,
      field(form, 'message')
    );
    return answer(event, here, outcome, 'muted', 'muted', 'chat.message_not_found');
  },

  unmute: async (event) => {
    const { account, form, here } = await open(event);
    const outcome = await appContext().chatModeration.unmute(
      account,
      event.params.edition,
      event.params.session,
      field(form, 'participant')
    );
    return answer(event, here, outcome, 'unmuted', 'muted', 'chat.participant_not_found');
  },

  slowMode: async (event) => {
    const { account, form, here, m } = await open(event);
    const seconds = field(form, 'slowModeSeconds');
    const outcome = await appContext().chatModeration.setSlowMode(
      account,
      event.params.edition,
      event.params.session,
      seconds
    );
    if (outcome.status === 'invalid') {
      return fail(400, {
        action: 'slow-mode',
        message: null,
        errors: { slowModeSeconds: m.errors['chat.invalid_slow_mode'] },
        slowModeSeconds: seconds
      });
    }
    return answer(event, here, outcome, 'slowMode', 'slow-mode', 'chat.message_not_found');
  }
};
