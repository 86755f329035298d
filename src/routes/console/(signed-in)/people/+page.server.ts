import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locale';
import { appContext } from '$lib/server/context';
import { publicOrigin } from '$lib/server/http/origin';
import { canAnywhere } from '$lib/domain/access/policies';
import { forbidden, formatInstant, formFailure, readConsoleForm, requireAccount } from '$lib/server/http/consoleRoute';
import { field } from '$lib/server/http/formFields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const { locale, viewerZone } = event.locals;
  if (!canAnywhere(account, 'managePeople')) forbidden(locale);
  const overview = await appContext().access.people.overview(account);
  return {
    editions: overview.editions.map((e) => ({ id: e.id, title: e.title })),
    people: overview.people.map((p) => ({
      id: p.id,
      email: p.email,
      displayName: p.displayName,
      isAdmin: p.isAdmin,
      grants: p.grants.map((g) => ({ id: g.id, editionTitle: g.edition.title, role: g.role }))
    })),
    invitations: overview.invitations.map((i) => ({
      id: i.id,
      email: i.email,
      editionTitle: i.edition.title,
      role: i.role,
      validUntil: formatInstant(i.expiresAt, locale, viewerZone, 'date-time')
    })),
    notice: (['invited', 'revoked'] as const).find((n) => event.url.searchParams.get('notice') === n) ?? null
  };
};

/** Only people who manage some edition get past this; the service then checks the edition itself. */
async function readPeopleForm(event: Parameters<Actions[string]>[0]) {
  const account = requireAccount(event);
  if (!canAnywhere(account, 'managePeople')) forbidden(event.locals.locale);
  return { account, form: await readConsoleForm(event) };
}

export const actions: Actions = {
  invite: async (event) => {
    const { account, form } = await readPeopleForm(event);
    const values = {
      email: field(form, 'email'),
      role: field(form, 'role'),
      edition: field(form, 'edition'),
      mailLocale: field(form, 'mailLocale')
    };
    try {
      await appContext().access.invitations.invite(
        account,
        {
          email: values.email,
          role: values.role,
          editionId: values.edition,
          locale: isLocale(values.mailLocale) ? values.mailLocale : event.locals.locale
        },
        publicOrigin(event.url)
      );
    } catch (refusal) {
      return formFailure(event, refusal, values);
    }
    redirect(303, '/console/people?notice=invited');
  },

  revoke: async (event) => {
    const { account, form } = await readPeopleForm(event);
    try {
      await appContext().access.people.revokeRole(account, field(form, 'grant'));
    } catch (refusal) {
      return formFailure(event, refusal);
    }
    redirect(303, '/console/people?notice=revoked');
  }
};
