import { redirect } from '@sveltejs/kit';
import { canCreateEdition, canImportEdition } from '$lib/domain/access/policies';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import { readConsoleForm, requireAccount } from '$lib/server/http/consoleRoute';
import { editionProblem } from './editions/editionEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { readId, readVersion } from '$lib/server/http/formFields';
import { refuseOutcome } from '$lib/server/http/outcomes';

const notices = { 'invitation-accepted': 'invitationAccepted', 'edition-deleted': 'editionDeleted' } as const;

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const { access, editionEditing } = appContext();
  const [editions, deleted] = await Promise.all([
    access.people.editionsFor(account),
    editionEditing.listDeleted(account)
  ]);
  const notice = event.url.searchParams.get('notice') ?? '';
  return {
    editions: editions.map(({ edition, roles }) => ({
      slug: edition.slug,
      title: edition.title,
      state: edition.state,
      roles
    })),
    deleted: deleted.map((e) => ({ slug: e.slug, title: e.title, defaultLocale: e.defaultLocale, version: e.version })),
    isAdmin: account.isAdmin,
    canImport: canImportEdition(account),
    canCreateEdition: canCreateEdition(account),
    notice: notice in notices ? notices[notice as keyof typeof notices] : null
  };
};

export const actions: Actions = {
  /** Brings a deleted edition back (instance administrators). */
  restoreEdition: async (event) => {
    const account = requireAccount(event);
    const form = await readConsoleForm(event);
    const m = messagesFor(event.locals.locale).consoleEdition;
    const slug = readId(form, 'edition');
    const version = readVersion(form);
    if (version === null)
      return editionProblem(400, { action: 'restore', errors: {}, message: m.errors['edit.invalid_version'] });
    const result = await appContext().editionEditing.restore(account, slug, version);
    switch (result.status) {
      case 'saved':
        redirect(303, `/console/editions/${result.edition.slug}/settings?notice=restored`);
        break;
      case 'conflict':
        return editionProblem(409, { action: 'restore', errors: {}, message: m.errors['edit.conflict'] });
      case 'not_found':
        return editionProblem(404, { action: 'restore', errors: {}, message: m.errors['edition.not_found'] });
      case 'invalid':
        return editionProblem(400, { action: 'restore', errors: {}, message: m.errors['edition.invalid_field'] });
      case 'forbidden':
        return refuseOutcome(event.locals.locale, 'forbidden');
    }
  }
};
