// A new session: the same form as editing one, saved as a draft of the edition.
import { redirect } from '@sveltejs/kit';
import type { SessionFormValues } from '$lib/ui/console/programme/formValues';
import { appContext } from '$lib/server/context';
import {
  openEditorView,
  problem,
  problemErrors,
  readEditorForm,
  readSessionForm,
  sessionChoices,
  textLimits
} from '../../programmeEditing.server';
import { messagesFor } from '$lib/i18n/messages';
import type { Actions, PageServerLoad } from './$types';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

export const load: PageServerLoad = async (event) => {
  const { programme } = await openEditorView(event);
  const { edition } = programme;
  const choices = sessionChoices(programme, event.locals.locale);
  const askedDay = event.url.searchParams.get('day');
  const values: SessionFormValues = {
    title: {},
    summary: {},
    dayId: choices.days.find((d) => d.value === askedDay)?.value ?? choices.days[0]?.value ?? '',
    stageId: '',
    kind: 'conference_session',
    startTime: '',
    endTime: '',
    channelIds: [],
    isIllustrative: false,
    version: ''
  };
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      locales: edition.locales,
      defaultLocale: edition.defaultLocale,
      hostZone: edition.hostZone
    },
    values,
    choices
  };
};

export const actions: Actions = {
  create: async (event) => {
    const { account, form } = await readEditorForm(event);
    const view = await appContext().sessionEditing.editorView(account, event.params.edition);
    if (view.status !== 'found') return refuseOutcome(event.locals.locale, view.status);
    const { input, values } = readSessionForm(form, view.programme.edition.locales);
    const result = orRefuse(
      await appContext().sessionEditing.create(account, event.params.edition, input),
      event.locals.locale
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `/console/editions/${event.params.edition}/sessions/${result.session.id}?notice=created`);
        break;
      case 'invalid':
        return problem(400, {
          action: 'save',
          values,
          ...problemErrors(result.problems, '', messagesFor(event.locals.locale).consoleProgramme, textLimits.session)
        });
      case 'conflict':
        return refuseOutcome(event.locals.locale, 'not_found');
    }
  }
};
