// Every console page: who is signed in, the CSRF token for its forms, and whether to offer the people page.
import { canAnywhere } from '$lib/domain/access/policies';
import { csrfToken } from '$lib/server/http/consoleRoute';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { account } = event.locals;
  return {
    consoleAccount: account
      ? { displayName: account.displayName, email: account.email, isAdmin: account.isAdmin }
      : null,
    canManagePeople: canAnywhere(account, 'managePeople'),
    csrf: csrfToken(event)
  };
};
