// One session for its editors: the session form, publishing, deleting, its programme items with their speakers, and its audit log.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { canPublishProgramme } from '$lib/domain/access/policies';
import { isMoveDirection } from '$lib/domain/editing/runningOrder';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import { emptyItemForm, sessionFormValues } from '$lib/ui/console/programme/formValues';
import { formatTimeRange } from '$lib/ui/format';
import {
  auditRows,
  noticeOf,
  openEditorView,
  problem,
  problemErrors,
  readDirection,
  readEditorForm,
  readItemForm,
  readSessionForm,
  sessionAuditEntries,
  sessionChoices,
  sessionConflictRows,
  speakerChoices,
  textLimits
} from '../../programmeEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { readId, readVersion } from '$lib/server/http/formFields';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

const notices = [
  'created',
  'saved',
  'published',
  'unpublished',
  'restored',
  'itemAdded',
  'itemSaved',
  'itemRemoved',
  'itemRestored',
  'moved',
  'unchanged'
] as const;

export const load: PageServerLoad = async (event) => {
  const { account, programme, deleted } = await openEditorView(event);
  const { locale, viewerZone } = event.locals;
  const { edition } = programme;
  const session = programme.sessions.find((s) => s.id === event.params.session);
  if (!session) refuseOutcome(locale, 'not_found', 'session.not_found');
  const listed = await appContext().programmeItemEditing.list(account, edition.slug, session.id);
  if (listed.status !== 'found') refuseOutcome(locale, listed.status, 'session.not_found');
  const fallback = edition.defaultLocale;
  const speakerById = new Map(programme.speakers.map((s) => [s.id, s]));
  const entries = await sessionAuditEntries(
    session.id,
    [...listed.items, ...listed.deleted].map((i) => i.id)
  );
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      locales: edition.locales,
      defaultLocale: edition.defaultLocale,
      hostZone: edition.hostZone
    },
    session: {
      id: session.id,
      title: session.title,
      state: session.state,
      version: session.version,
      startsAt: session.startsAt,
      endsAt: session.endsAt
    },
    values: sessionFormValues(session, edition.hostZone),
    choices: { ...sessionChoices(programme, locale), speakers: speakerChoices(programme, locale) },
    items: listed.items.map((item) => ({
      id: item.id,
      title: item.title,
      version: item.version,
      isIllustrative: item.isIllustrative,
      times:
        item.startsAt && item.endsAt ? formatTimeRange(item.startsAt, item.endsAt, edition.hostZone, locale) : null,
      speakers: item.speakerIds.map((id) => speakerById.get(id)?.name ?? { [fallback]: id })
    })),
    removedItems: listed.deleted.map((item) => ({ id: item.id, title: item.title, version: item.version })),
    newItem: emptyItemForm,
    audit: auditRows(entries, {
      locale,
      viewerZone,
      programme,
      deleted,
      extraTitles: new Map(listed.deleted.map((i) => [i.id, i.title]))
    }),
    canPublish: canPublishProgramme(account, edition.id),
    notice: noticeOf(event.url, notices)
  };
};

type Event = RequestEvent<{ edition: string; session: string }>;

/** The signed-in editor, the checked form and the edition (its languages are the form's fields). */
async function open(event: Event) {
  const { account, form } = await readEditorForm(event);
  const view = await appContext().sessionEditing.editorView(account, event.params.edition);
  if (view.status !== 'found') return refuseOutcome(event.locals.locale, view.status);
  const m = messagesFor(event.locals.locale).consoleProgramme;
  const here = `/console/editions/${event.params.edition}/sessions/${event.params.session}`;
  return { account, form, programme: view.programme, m, here };
}

export const actions: Actions = {
  save: async (event) => {
    const { account, form, programme, m, here } = await open(event);
    const { input, values } = readSessionForm(form, programme.edition.locales);
    const version = readVersion(form);
    if (version === null)
      return problem(400, { action: 'save', values, errors: {}, message: m.errors['edit.invalid_version'] });
    const result = orRefuse(
      await appContext().sessionEditing.update(account, event.params.edition, event.params.session, version, input),
      event.locals.locale,
      'session.not_found'
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `${here}?notice=saved`);
        break;
      case 'invalid':
        return problem(400, { action: 'save', values, ...problemErrors(result.problems, '', m, textLimits.session) });
      case 'conflict': {
        const theirs = sessionFormValues(result.current, programme.edition.hostZone);
        return problem(409, {
          action: 'save',
          values: { ...values, version: String(result.current.version) },
          errors: {},
          message: null,
          conflict: sessionConflictRows(theirs, values, programme, event.locals.locale)
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
      return problem(400, { action: 'delete', errors: {}, message: m.errors['edit.invalid_version'] });
    if (form.get('confirm') !== 'on')
      return problem(400, {
        action: 'delete',
        errors: { confirm: m.errors['edit.delete_unconfirmed'] },
        message: null
      });
    const result = orRefuse(
      await appContext().sessionEditing.remove(account, event.params.edition, event.params.session, version),
      event.locals.locale,
      'session.not_found'
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `/console/editions/${event.params.edition}?notice=deleted#deleted`);
        break;
      case 'conflict':
        return problem(409, { action: 'delete', errors: {}, message: m.conflict.stateText });
      case 'invalid':
        return problem(400, { action: 'delete', errors: {}, message: m.errors['session.invalid_field'] });
    }
  },

  addItem: async (event) => {
    const { account, form, programme, m, here } = await open(event);
    const { input, values } = readItemForm(form, programme.edition.locales);
    const result = orRefuse(
      await appContext().programmeItemEditing.create(account, event.params.edition, event.params.session, input),
      event.locals.locale,
      'session.not_found'
    );
    switch (result.status) {
      case 'saved':
        redirect(303, `${here}?notice=itemAdded#item-${result.item.id}`);
        break;
      case 'invalid':
        return problem(400, {
          action: 'addItem',
          itemValues: values,
          ...problemErrors(result.problems, 'item-', m, textLimits.item)
        });
      case 'conflict':
        return problem(409, { action: 'addItem', itemValues: values, errors: {}, message: m.errors['edit.conflict'] });
    }
  },

  removeItem: (event) => changeItem(event, 'remove'),
  restoreItem: (event) => changeItem(event, 'restore'),

  moveItem: async (event) => {
    const { account, form, m, here } = await open(event);
    const itemId = readId(form, 'item');
    const direction = readDirection(form);
    if (!isMoveDirection(direction))
      return problem(400, { action: 'items', errors: {}, message: m.errors['edit.invalid_move'] });
    const outcome = orRefuse(
      await appContext().programmeItemEditing.move(
        account,
        event.params.edition,
        event.params.session,
        itemId,
        direction
      ),
      event.locals.locale,
      'programme_item.not_found'
    );
    switch (outcome) {
      case 'saved':
      case 'unchanged':
        redirect(303, `${here}?notice=${outcome === 'saved' ? 'moved' : 'unchanged'}#item-${itemId}`);
        break;
      case 'conflict':
        return problem(409, { action: 'items', errors: {}, message: m.errors['edit.conflict'] });
    }
  }
};

async function changeState(event: Event, state: 'published' | 'draft') {
  const { account, form, m, here } = await open(event);
  const version = readVersion(form);
  if (version === null) return problem(400, { action: 'state', errors: {}, message: m.errors['edit.invalid_version'] });
  const result = orRefuse(
    await appContext().sessionEditing.setState(account, event.params.edition, event.params.session, version, state),
    event.locals.locale,
    'session.not_found'
  );
  switch (result.status) {
    case 'saved':
      redirect(303, `${here}?notice=${state === 'published' ? 'published' : 'unpublished'}`);
      break;
    case 'conflict':
      return problem(409, { action: 'state', errors: {}, message: m.conflict.stateText });
    case 'invalid':
      return problem(400, { action: 'state', errors: {}, message: m.errors['session.invalid_field'] });
  }
}

async function changeItem(event: Event, change: 'remove' | 'restore') {
  const { account, form, m, here } = await open(event);
  const itemId = readId(form, 'item');
  const version = readVersion(form);
  if (version === null) return problem(400, { action: 'items', errors: {}, message: m.errors['edit.invalid_version'] });
  const editing = appContext().programmeItemEditing;
  const result = orRefuse(
    await (change === 'remove' ? editing.remove : editing.restore).call(
      editing,
      account,
      event.params.edition,
      event.params.session,
      itemId,
      version
    ),
    event.locals.locale,
    'programme_item.not_found'
  );
  switch (result.status) {
    case 'saved':
      redirect(
        303,
        `${here}?notice=${change === 'remove' ? 'itemRemoved#removed-items' : `itemRestored#item-${itemId}`}`
      );
      break;
    case 'conflict':
      return problem(409, { action: 'items', errors: {}, message: m.errors['edit.conflict'] });
    case 'invalid':
      return problem(400, { action: 'items', errors: {}, message: m.errors['programme_item.invalid_field'] });
  }
}
