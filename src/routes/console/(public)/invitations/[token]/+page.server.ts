import { redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import {
  formatInstant,
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
    const view = await appContext().access.invitations.view(params.token, locals.account);
    return {
      invitation: {
        email: view.email,
        editionTitle: view.edition.title,
        role: view.role,
        validUntil: formatInstant(view.expiresAt, locals.locale, locals.viewerZone, 'date-time'),
        next: view.next
      }
    };
  } catch (refusal) {
    refusalPage(locals.locale, refusal);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const form = await readConsoleForm(event);
    const values = { displayName: field(form, 'displayName') };
    const { locals } = event;
    try {
      const session = await appContext().access.invitations.accept(
        event.params.token,
        locals.account,
        locals.account
          ? null
          : { displayName: values.displayName, password: field(form, 'password'), locale: locals.locale },
        sessionToken(event)
      );
      if (session) setSessionCookie(event, session);
    } catch (refusal) {
      return formFailure(event, refusal, values);
    }
    redirect(303, '/console?notice=invitation-accepted');
  }
};
