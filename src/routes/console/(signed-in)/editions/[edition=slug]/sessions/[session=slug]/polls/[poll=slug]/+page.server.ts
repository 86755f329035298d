// One draft poll for its moderators: its question, options and kind. Opened polls stay as they were asked.
import { redirect } from '@sveltejs/kit';
import { textIn } from '$lib/domain/localizedText';
import { isEditable } from '$lib/domain/participation/polls/poll';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import { pollFormValues } from '$lib/ui/console/polls/pollFormValues';
import { shownText } from '$lib/domain/participation/polls/pollView';
import {
  openPollsView,
  outcomeMessage,
  pollProblem,
  pollProblemErrors,
  pollsPath,
  readPollForm,
  readPollsForm
} from '../pollsConsole.server';
import type { Actions, PageServerLoad } from './$types';
import { readVersion } from '$lib/server/http/formFields';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

export const load: PageServerLoad = async (event) => {
  const { edition, session, polls } = await openPollsView(event);
  const { locale } = event.locals;
  const found = polls.find((p) => p.poll.id === event.params.poll);
  if (!found) refuseOutcome(locale, 'not_found', 'poll.not_found');
  const { poll } = found;
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      locales: edition.locales,
      defaultLocale: edition.defaultLocale
    },
    session: { id: session.id, title: textIn(session.title, locale, edition.defaultLocale) },
    poll: {
      id: poll.id,
      question: shownText(poll.question, locale, edition.defaultLocale),
      isEditable: isEditable(poll)
    },
    values: pollFormValues(poll)
  };
};

export const actions: Actions = {
  save: async (event) => {
    const { account, form } = await readPollsForm(event);
    const m = messagesFor(event.locals.locale).polls;
    const where = await appContext().pollModeration.where(account, event.params.edition, event.params.session);
    if (where.status !== 'found') return refuseOutcome(event.locals.locale, where.status, 'session.not_found');
    const { input, values } = readPollForm(form, where.edition.locales);
    const version = readVersion(form);
    if (version === null)
      return pollProblem(400, { action: 'save', values, errors: {}, message: m.errors['poll.invalid_version'] });
    const result = orRefuse(
      await appContext().pollModeration.update(
        account,
        event.params.edition,
        event.params.session,
        event.params.poll,
        version,
        input
      ),
      event.locals.locale,
      'poll.not_found'
    );
    switch (result.status) {
      case 'saved':
      case 'deleted':
        redirect(303, `${pollsPath(event.params)}?notice=saved#poll-${event.params.poll}`);
        break;
      case 'invalid':
        return pollProblem(400, {
          action: 'save',
          values,
          ...pollProblemErrors(result.problems, m, where.edition.defaultLocale)
        });
      case 'conflict':
        // Their version in the form, so saving again is a deliberate overwrite.
        return pollProblem(409, {
          action: 'save',
          values: pollFormValues(result.current),
          errors: {},
          message: outcomeMessage(result, m)
        });
      case 'refused':
        return pollProblem(409, { action: 'save', values, errors: {}, message: outcomeMessage(result, m) });
    }
  }
};
