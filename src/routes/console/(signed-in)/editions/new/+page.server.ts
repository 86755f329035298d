// A new edition, for instance administrators: address, dates, languages and texts; it starts as a draft.
import { redirect } from '@sveltejs/kit';
import { canCreateEdition } from '$lib/domain/access/policies';
import { locales as interfaceLocales } from '$lib/i18n/locale';
import { messagesFor } from '$lib/i18n/messages';
import { forbidden, readConsoleForm, requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import { emptyEditionForm } from '$lib/ui/console/edition/editionFormValues';
import { editionProblem, editionProblemErrors, localeChoices, readEditionForm } from '../editionEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { orRefuse } from '$lib/server/http/outcomes';

export const load: PageServerLoad = (event) => {
  const account = requireAccount(event);
  if (!canCreateEdition(account)) forbidden(event.locals.locale);
  return { values: emptyEditionForm, textLocales: interfaceLocales, languages: localeChoices([], event.locals.locale) };
};

export const actions: Actions = {
  create: async (event) => {
    const account = requireAccount(event);
    const form = await readConsoleForm(event);
    if (!canCreateEdition(account)) forbidden(event.locals.locale);
    const { input, values } = readEditionForm(form, interfaceLocales);
    const result = orRefuse(await appContext().editionEditing.create(account, input), event.locals.locale);
    switch (result.status) {
      case 'saved':
        redirect(303, `/console/editions/${result.edition.slug}/settings?notice=created`);
        break;
      case 'invalid':
        return editionProblem(400, {
          action: 'save',
          values,
          ...editionProblemErrors(result.problems, '', event.locals.locale)
        });
      case 'conflict':
        return editionProblem(409, {
          action: 'save',
          values,
          errors: {},
          message: messagesFor(event.locals.locale).consoleEdition.errors['edit.conflict']
        });
    }
  }
};
