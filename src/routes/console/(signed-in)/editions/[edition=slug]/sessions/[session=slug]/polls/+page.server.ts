// A session's polls for its moderators: create drafts, open, close and reopen them, delete drafts, read the results and who changed what.
import { redirect } from '@sveltejs/kit';
import { textIn } from '$lib/domain/localizedText';
import type { PollTransition } from '$lib/domain/participation/polls/poll';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import { emptyPollForm } from '$lib/ui/console/polls/pollFormValues';
import { shownResults, shownText } from '$lib/domain/participation/polls/pollView';
import { noticeOf } from '../../../programmeEditing.server';
import {
  openPollsView,
  outcomeMessage,
  pollAuditRows,
  pollProblem,
  pollProblemErrors,
  pollsPath,
  readPollForm,
  readPollId,
  readPollsForm,
  type PollsEvent
} from './pollsConsole.server';
import type { Actions, PageServerLoad } from './$types';
import { readVersion } from '$lib/server/http/formFields';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

const notices = ['created', 'saved', 'opened', 'closed', 'deleted'] as const;

export const load: PageServerLoad = async (event) => {
  const { edition, session, polls } = await openPollsView(event);
  const { locale, viewerZone } = event.locals;
  const fallback = edition.defaultLocale;
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      locales: edition.locales,
      defaultLocale: edition.defaultLocale
    },
    session: { id: session.id, title: textIn(session.title, locale, fallback) },
    polls: polls.map(({ poll, results }) => ({
      id: poll.id,
      version: poll.version,
      state: poll.state,
      kind: poll.kind,
      maxChoices: poll.maxChoices,
      question: shownText(poll.question, locale, fallback),
      options: poll.options.map((o) => ({ id: o.id, label: shownText(o.label, locale, fallback) })),
      results: poll.state === 'draft' ? null : shownResults(poll, results, locale, fallback)
    })),
    newPoll: emptyPollForm,
    audit: await pollAuditRows(
      { editionId: edition.id, sessionId: session.id },
      polls.map((p) => p.poll),
      { locale, viewerZone, fallback }
    ),
    notice: noticeOf<(typeof notices)[number]>(event.url, notices)
  };
};

export const actions: Actions = {
  create: async (event) => {
    const { account, form } = await readPollsForm(event);
    const m = messagesFor(event.locals.locale).polls;
    const editionInfo = await editionLocales(event);
    const { input, values } = readPollForm(form, editionInfo.locales);
    const result = orRefuse(
      await appContext().pollModeration.create(account, event.params.edition, event.params.session, input),
      event.locals.locale,
      'session.not_found'
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `${pollsPath(event.params)}?notice=created#poll-${result.poll.id}`);
        break;
      case 'invalid':
        return pollProblem(400, {
          action: 'create',
          values,
          ...pollProblemErrors(result.problems, m, editionInfo.defaultLocale)
        });
    }
  },

  open: (event) => changeState(event, 'open'),
  close: (event) => changeState(event, 'close'),

  delete: async (event) => {
    const { account, form } = await readPollsForm(event);
    const m = messagesFor(event.locals.locale).polls;
    const pollId = readPollId(form);
    const version = readVersion(form);
    if (version === null)
      return pollProblem(400, { action: 'delete', pollId, errors: {}, message: m.errors['poll.invalid_version'] });
    if (form.get('confirm') !== 'on')
      return pollProblem(400, {
        action: 'delete',
        pollId,
        errors: { [`confirm-${pollId}`]: m.errors['poll.delete_unconfirmed'] },
        message: null
      });
    const result = orRefuse(
      await appContext().pollModeration.remove(account, event.params.edition, event.params.session, pollId, version),
      event.locals.locale,
      'poll.not_found'
    );
    switch (result.status) {
      case 'deleted':
      case 'saved':
        redirect(303, `${pollsPath(event.params)}?notice=deleted`);
        break;
      case 'invalid':
        return pollProblem(400, { action: 'delete', pollId, errors: {}, message: m.errors['poll.invalid_field'] });
      case 'conflict':
      case 'refused':
        return pollProblem(409, { action: 'delete', pollId, errors: {}, message: outcomeMessage(result, m) });
    }
  }
};

async function changeState(event: PollsEvent, transition: PollTransition) {
  const { account, form } = await readPollsForm(event);
  const m = messagesFor(event.locals.locale).polls;
  const pollId = readPollId(form);
  const version = readVersion(form);
  if (version === null)
    return pollProblem(400, { action: 'state', pollId, errors: {}, message: m.errors['poll.invalid_version'] });
  const result = orRefuse(
    await appContext().pollModeration.transition(
      account,
      event.params.edition,
      event.params.session,
      pollId,
      version,
      transition
    ),
    event.locals.locale,
    'poll.not_found'
  );
  switch (result.status) {
    case 'saved':
    case 'deleted':
      redirect(303, `${pollsPath(event.params)}?notice=${transition === 'open' ? 'opened' : 'closed'}#poll-${pollId}`);
      break;
    case 'invalid':
      return pollProblem(400, { action: 'state', pollId, errors: {}, message: m.errors['poll.invalid_field'] });
    case 'conflict':
    case 'refused':
      return pollProblem(409, { action: 'state', pollId, errors: {}, message: outcomeMessage(result, m) });
  }
}

/** The edition's languages (the form's fields) and main language; a refusal page when the account may not moderate it. */
async function editionLocales(event: PollsEvent) {
  const view = await appContext().pollModeration.where(
    event.locals.account!,
    event.params.edition,
    event.params.session
  );
  if (view.status !== 'found') return refuseOutcome(event.locals.locale, view.status, 'session.not_found');
  return { locales: view.edition.locales, defaultLocale: view.edition.defaultLocale };
}
