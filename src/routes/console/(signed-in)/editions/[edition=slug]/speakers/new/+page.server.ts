// A new speaker of the edition: the same form as editing one.
import { redirect } from '@sveltejs/kit';
import { messagesFor } from '$lib/i18n/messages';
import { requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import { emptySpeakerForm } from '$lib/ui/console/speakers/speakerFormValues';
import { readEditorForm } from '../../programmeEditing.server';
import { cityChoices, problem, problemErrors, readSpeakerForm } from '../speakerEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const view = await appContext().sessionEditing.editorView(account, event.params.edition);
  if (view.status !== 'found') refuseOutcome(event.locals.locale, view.status);
  const { edition } = view.programme;
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      locales: edition.locales,
      defaultLocale: edition.defaultLocale
    },
    values: emptySpeakerForm,
    cities: cityChoices(view.programme, event.locals.locale)
  };
};

export const actions: Actions = {
  create: async (event) => {
    const { account, form } = await readEditorForm(event);
    const view = await appContext().sessionEditing.editorView(account, event.params.edition);
    if (view.status !== 'found') return refuseOutcome(event.locals.locale, view.status);
    const { input, values } = readSpeakerForm(form, view.programme.edition.locales);
    const result = orRefuse(
      await appContext().speakerEditing.create(account, event.params.edition, input),
      event.locals.locale
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `/console/editions/${event.params.edition}/speakers/${result.speaker.id}?notice=created`);
        break;
      case 'invalid':
        return problem(400, {
          action: 'save',
          values,
          ...problemErrors(result.problems, messagesFor(event.locals.locale).consoleSpeakers)
        });
      case 'conflict':
        return refuseOutcome(event.locals.locale, 'not_found');
    }
  }
};
