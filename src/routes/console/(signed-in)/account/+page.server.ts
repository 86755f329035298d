import { fail, redirect } from '@sveltejs/kit';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import {
  clearSessionCookie,
  formFailure,
  readConsoleForm,
  requireAccount,
  sessionToken,
  setSessionCookie
} from '$lib/server/http/consoleRoute';
import { field } from '$lib/server/http/formFields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const notice = event.url.searchParams.get('notice');
  return {
    email: account.email,
    identities: await appContext().access.identityLinks.list(account),
    canLinkIdentity: appContext().access.oidc !== null,
    notice: notice === 'password-changed' || notice === 'identity-unlinked' ? notice : null
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

  unlinkIdentity: async (event) => {
    const account = requireAccount(event);
    const form = await readConsoleForm(event);
    const outcome = await appContext().access.identityLinks.unlink(account, field(form, 'identity'));
    if (outcome === 'not_found') {
      return fail(404, {
        action: 'unlinkIdentity',
        message: messagesFor(event.locals.locale).console.account.unlinkGone,
        errors: {} as Record<string, string>
      });
    }
    redirect(303, '/console/account?notice=identity-unlinked#identities');
  },

  signOutEverywhere: async (event) => {
    const account = requireAccount(event);
    await readConsoleForm(event);
    await appContext().access.auth.signOutEverywhere(account);
    clearSessionCookie(event);
    redirect(303, '/console/sign-in?notice=signed-out-everywhere');
  }
};
