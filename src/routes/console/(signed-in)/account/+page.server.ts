import { redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import {
  clearSessionCookie,
  field,
  formFailure,
  readConsoleForm,
  requireAccount,
  sessionToken,
  setSessionCookie
} from '$lib/server/auth/consoleRoute';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  return {
    email: account.email,
    changed: event.url.searchParams.get('notice') === 'password-changed'
  };
};

export const actions: Actions = {
  changePassword: async (event) => {
    const account = requireAccount(event);
    const form = await readConsoleForm(event);
    try {
      const session = await appContext().access.auth.changePassword(account, {
        currentPassword: field(form, 'currentPassword'),
        newPassword: field(form, 'newPassword'),
        currentToken: sessionToken(event)
      });
      setSessionCookie(event, session);
    } catch (refusal) {
      return formFailure(event, refusal);
    }
    redirect(303, '/console/account?notice=password-changed');
  },

  signOutEverywhere: async (event) => {
    const account = requireAccount(event);
    await readConsoleForm(event);
    await appContext().access.auth.signOutEverywhere(account);
    clearSessionCookie(event);
    redirect(303, '/console/sign-in?notice=signed-out-everywhere');
  }
};
