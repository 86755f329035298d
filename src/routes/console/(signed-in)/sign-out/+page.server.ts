import { redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { clearSessionCookie, readConsoleForm, requireAccount, sessionToken } from '$lib/server/http/consoleRoute';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireAccount(event);
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    requireAccount(event);
    await readConsoleForm(event);
    const token = sessionToken(event);
    if (token) await appContext().access.auth.signOut(token);
    clearSessionCookie(event);
    redirect(303, '/console/sign-in?notice=signed-out');
  }
};
