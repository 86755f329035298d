import { redirect } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { formFailure, readConsoleForm, sessionToken, setSessionCookie } from '$lib/server/http/consoleRoute';
import { field } from '$lib/server/http/formFields';
import { safeNextPath } from '$lib/server/http/nextPath';
import type { Actions, PageServerLoad } from './$types';

const notices = ['signed-out', 'signed-out-everywhere', 'password-reset'] as const;
type Notice = (typeof notices)[number];

export const load: PageServerLoad = async ({ locals, url }) => {
  const next = safeNextPath(url.searchParams.get('next'));
  if (locals.account) redirect(303, next);
  const notice = url.searchParams.get('notice');
  return { next, notice: (notices as readonly string[]).includes(notice ?? '') ? (notice as Notice) : null };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await readConsoleForm(event);
    const email = field(form, 'email');
    const next = safeNextPath(field(form, 'next') || event.url.searchParams.get('next'));
    try {
      const session = await appContext().access.auth.signIn({
        email,
        password: field(form, 'password'),
        address: event.getClientAddress(),
        previousToken: sessionToken(event)
      });
      setSessionCookie(event, session);
    } catch (refusal) {
      return formFailure(event, refusal, { email });
    }
    redirect(303, next);
  }
};
