// One programme item for its editors: its texts, speakers and own times, and its audit log.
import { redirect } from '@sveltejs/kit';
import { textIn } from '$lib/domain/localizedText';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import { itemFormValues } from '$lib/ui/console/programme/formValues';
import {
  auditRows,
  itemConflictRows,
  openEditorView,
  problem,
  problemErrors,
  readEditorForm,
  readItemForm,
  speakerChoices,
  textLimits
} from '../../../../programmeEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { readVersion } from '$lib/server/http/formFields';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

export const load: PageServerLoad = async (event) => {
  const { account, programme, deleted } = await openEditorView(event);
  const { locale, viewerZone } = event.locals;
  const { edition } = programme;
  const session = programme.sessions.find((s) => s.id === event.params.session);
  if (!session) refuseOutcome(locale, 'not_found', 'session.not_found');
  const found = await appContext().programmeItemEditing.find(account, edition.slug, session.id, event.params.item);
  if (found.status !== 'found') refuseOutcome(locale, found.status, 'programme_item.not_found');
  const entries = await appContext().auditLog.forRecord('programme_item', found.item.id, 50);
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      locales: edition.locales,
      defaultLocale: edition.defaultLocale,
      hostZone: edition.hostZone
    },
    session: { id: session.id, title: textIn(session.title, locale, edition.defaultLocale) },
    item: { id: found.item.id, title: found.item.title },
    values: itemFormValues(found.item, edition.hostZone),
    speakers: speakerChoices(programme, locale),
    audit: auditRows(entries, { locale, viewerZone, programme, deleted })
  };
};

export const actions: Actions = {
  save: async (event) => {
    const { account, form } = await readEditorForm(event);
    const { locale } = event.locals;
    const view = await appContext().sessionEditing.editorView(account, event.params.edition);
    if (view.status !== 'found') return refuseOutcome(locale, view.status);
    const { programme } = view;
    const m = messagesFor(locale).consoleProgramme;
    const { input, values } = readItemForm(form, programme.edition.locales);
    const version = readVersion(form);
    if (version === null)
      return problem(400, {
        action: 'save',
        itemValues: values,
        errors: {},
        message: m.errors['edit.invalid_version']
      });
    const { edition, session, item } = event.params;
    const result = orRefuse(
      await appContext().programmeItemEditing.update(account, edition, session, item, version, input),
      locale,
      'programme_item.not_found'
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `/console/editions/${edition}/sessions/${session}?notice=itemSaved#item-${item}`);
        break;
      case 'invalid':
        return problem(400, {
          action: 'save',
          itemValues: values,
          ...problemErrors(result.problems, '', m, textLimits.item)
        });
      case 'conflict':
        return problem(409, {
          action: 'save',
          itemValues: { ...values, version: String(result.current.version) },
          errors: {},
          message: null,
          conflict: itemConflictRows(
            itemFormValues(result.current, programme.edition.hostZone),
            values,
            programme,
            locale
          )
        });
    }
  }
};
