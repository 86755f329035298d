// Starts a sign-in at the OpenID Connect issuer: the sealed attempt goes into a cookie, the browser to the issuer.
import { redirect } from '@sveltejs/kit';
import { safeNextPath } from '$lib/server/http/nextPath';
import { oidcFailure, requireOidc, setFlowCookie } from '$lib/server/http/oidcRoute';
import type { BegunSignIn } from '$lib/server/services/oidcSignIn';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const oidc = requireOidc(event.locals.locale);
  const next = event.url.searchParams.get('next');
  if (event.locals.account) redirect(303, safeNextPath(next));
  let begun: BegunSignIn;
  try {
    begun = await oidc.begin(event.url.origin, next);
  } catch (refusal) {
    oidcFailure(event, refusal, oidc.name);
  }
  setFlowCookie(event, begun.flowCookie);
  redirect(303, begun.location);
};
