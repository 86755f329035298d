// An edition's settings for its editors: address, dates, languages and texts; publishing the edition; deleting it (administrators); its audit log.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { canDeleteEdition, canPublishProgramme } from '$lib/domain/access/policies';
import { messagesFor } from '$lib/i18n/messages';
import type { SignedInAccount } from '$lib/server/services/accountSessions';
import { requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import type { EditionEditResult } from '$lib/server/services/editionEditing';
import { editionFormValues } from '$lib/ui/console/edition/editionFormValues';
import { auditRows, noticeOf, readEditorForm, type EditorEvent } from '../programmeEditing.server';
import {
  editionConflictRows,
  editionProblem,
  editionProblemErrors,
  localeChoices,
  readEditionForm
} from '../../editionEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { readVersion } from '$lib/server/http/formFields';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

const notices = ['created', 'saved', 'published', 'unpublished', 'restored'] as const;

async function openSettings(event: EditorEvent, account: SignedInAccount) {
  const view = await appContext().editionEditing.settingsView(account, event.params.edition);
  if (view.status !== 'found') refuseOutcome(event.locals.locale, view.status);
  return view.programme;
}

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const programme = await openSettings(event, account);
  const { locale, viewerZone } = event.locals;
  const { edition } = programme;
  const entries = await appContext().auditLog.forRecord('edition', edition.id, 50);
  return {
    edition: {
      id: edition.id,
      slug: edition.slug,
      title: edition.title,
      defaultLocale: edition.defaultLocale,
      state: edition.state,
      version: edition.version
    },
    values: editionFormValues(edition),
    textLocales: edition.locales,
    languages: localeChoices(edition.locales, locale),
    audit: auditRows(entries, { locale, viewerZone, programme, deleted: [] }),
    canPublish: canPublishProgramme(account, edition.id),
    canDelete: canDeleteEdition(account),
    notice: noticeOf(event.url, notices)
  };
};

type Event = RequestEvent<{ edition: string }>;

async function open(event: Event) {
  const { account, form } = await readEditorForm(event);
  const programme = await openSettings(event, account);
  return {
    account,
    form,
    programme,
    m: messagesFor(event.locals.locale).consoleEdition,
    here: `/console/editions/${event.params.edition}/settings`
  };
}

/** Outcomes of publishing and deleting: the page again, or a conflict, or the refusal pages. */
function stateOutcome(event: Event, result: EditionEditResult, action: 'state' | 'delete', saved: () => never) {
  const m = messagesFor(event.locals.locale).consoleEdition;
  switch (result.status) {
    case 'saved':
      return saved();
    case 'conflict':
      return editionProblem(409, { action, errors: {}, message: m.errors['edit.conflict'] });
    case 'invalid':
      return editionProblem(400, { action, errors: {}, message: m.errors['edition.invalid_field'] });
    case 'forbidden':
    case 'not_found':
      return refuseOutcome(event.locals.locale, result.status);
  }
}

export const actions: Actions = {
  save: async (event) => {
    const { account, form, programme, m } = await open(event);
    const { edition } = programme;
    const { input, values } = readEditionForm(form, edition.locales);
    const version = readVersion(form);
    if (version === null)
      return editionProblem(400, { action: 'save', values, errors: {}, message: m.errors['edit.invalid_version'] });
    const result = orRefuse(
      await appContext().editionEditing.update(account, event.params.edition, version, input),
      event.locals.locale
    );
    switch (result.status) {
      case 'saved':
        // The address may have changed: go to the settings at the new one.
        redirect(303, `/console/editions/${result.edition.slug}/settings?notice=saved`);
        break;
      case 'invalid':
        return editionProblem(400, {
          action: 'save',
          values,
          ...editionProblemErrors(result.problems, '', event.locals.locale)
        });
      case 'conflict': {
        const theirs = editionFormValues(result.current);
        return editionProblem(409, {
          action: 'save',
          values: { ...values, version: theirs.version },
          errors: {},
          message: null,
          conflict: editionConflictRows(theirs, values, edition.locales, event.locals.locale)
        });
      }
    }
  },

  publish: (event) => changeState(event, 'published'),
  unpublish: (event) => changeState(event, 'draft'),

  delete: async (event) => {
    const { account, form, m } = await open(event);
    const version = readVersion(form);
    if (version === null)
      return editionProblem(400, { action: 'delete', errors: {}, message: m.errors['edit.invalid_version'] });
    if (form.get('confirm') !== 'on')
      return editionProblem(400, {
        action: 'delete',
        errors: { confirm: m.errors['edition.delete_unconfirmed'] },
        message: null
      });
    const result = await appContext().editionEditing.remove(account, event.params.edition, version);
    return stateOutcome(event, result, 'delete', () =>
      redirect(303, '/console?notice=edition-deleted#deleted-editions')
    );
  }
};

async function changeState(event: Event, state: 'published' | 'draft') {
  const { account, form, m, here } = await open(event);
  const version = readVersion(form);
  if (version === null)
    return editionProblem(400, { action: 'state', errors: {}, message: m.errors['edit.invalid_version'] });
  const result = await appContext().editionEditing.setState(account, event.params.edition, version, state);
  return stateOutcome(event, result, 'state', () =>
    redirect(303, `${here}?notice=${state === 'published' ? 'published' : 'unpublished'}#publishing`)
  );
}
