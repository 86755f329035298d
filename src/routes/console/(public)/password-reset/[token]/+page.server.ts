import { redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { clearSessionCookie, formFailure, readConsoleForm, refusalPage } from '$lib/server/http/consoleRoute';
import { field } from '$lib/server/http/formFields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  try {
    await appContext().access.passwordResets.checkResetLink(params.token);
  } catch (refusal) {
    refusalPage(locals.locale, refusal);
  }
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const form = await readConsoleForm(event);
    try {
      await appContext().access.passwordResets.resetPassword(event.params.token, field(form, 'password'));
    } catch (refusal) {
      return formFailure(event, refusal);
    }
    clearSessionCookie(event);
    redirect(303, '/console/sign-in?notice=password-reset');
  }
};
