import { redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { publicOrigin } from '$lib/server/http/origin';
import { formFailure, readConsoleForm } from '$lib/server/http/consoleRoute';
import { field } from '$lib/server/http/formFields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => ({ sent: url.searchParams.has('sent') });

export const actions: Actions = {
  default: async (event) => {
    const form = await readConsoleForm(event);
    const email = field(form, 'email');
    try {
      // The mail goes out after the answer, so the answer takes as long for an unknown address.
      await appContext().access.passwordResets.requestReset(email, event.locals.locale, publicOrigin(event.url));
    } catch (refusal) {
      return formFailure(event, refusal, { email });
    }
    redirect(303, '/console/password-reset?sent');
  }
};
