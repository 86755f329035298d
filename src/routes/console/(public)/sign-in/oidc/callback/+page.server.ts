// Where the issuer sends the browser back: check the answer against the flow cookie, then sign in as the linked account.
import { redirect } from '@sveltejs/kit';
import { sessionToken, setSessionCookie } from '$lib/server/http/consoleRoute';
import { oidcFailure, requireOidc, takeFlowCookie } from '$lib/server/http/oidcRoute';
import type { FinishedSignIn } from '$lib/server/services/oidcSignIn';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const oidc = requireOidc(event.locals.locale);
  const flowCookie = takeFlowCookie(event);
  let finished: FinishedSignIn;
  try {
    finished = await oidc.finish(
      new URL(`${event.url.pathname}${event.url.search}`, event.url.origin),
      flowCookie,
      sessionToken(event)
    );
  } catch (refusal) {
    oidcFailure(event, refusal, oidc.name);
  }
  setSessionCookie(event, finished.session);
  redirect(303, finished.next);
};
