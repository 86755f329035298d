// Pages for signed-in people only: anyone else is sent to sign in and brought back afterwards.
// (Form actions do not pass through here; each one calls requireAccount itself.)
import { requireAccount } from '$lib/server/http/consoleRoute';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  requireAccount(event);
  return {};
};
