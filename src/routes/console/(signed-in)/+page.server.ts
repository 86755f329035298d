import { canImportEdition } from '$lib/domain/access/policies';
import { appContext } from '$lib/server/context';
import { requireAccount } from '$lib/server/auth/consoleRoute';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const editions = await appContext().access.people.editionsFor(account);
  return {
    editions: editions.map(({ edition, roles }) => ({ slug: edition.slug, title: edition.title, state: edition.state, roles })),
    isAdmin: account.isAdmin,
    canImport: canImportEdition(account),
    accepted: event.url.searchParams.get('notice') === 'invitation-accepted'
  };
};
