import { redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import {
  formFailure,
  readConsoleForm,
  refusalPage,
  sessionToken,
  setSessionCookie
} from '$lib/server/http/consoleRoute';
import { field } from '$lib/server/http/formFields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  try {
    await appContext().access.setup.checkSetupLink(params.token);
  } catch (refusal) {
    refusalPage(locals.locale, refusal);
  }
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const form = await readConsoleForm(event);
    const values = { email: field(form, 'email'), displayName: field(form, 'displayName') };
    try {
      const session = await appContext().access.setup.createFirstAdministrator(
        event.params.token,
        { ...values, password: field(form, 'password'), locale: event.locals.locale },
        sessionToken(event)
      );
      setSessionCookie(event, session);
    } catch (refusal) {
      return formFailure(event, refusal, values);
    }
    redirect(303, '/console');
  }
};
