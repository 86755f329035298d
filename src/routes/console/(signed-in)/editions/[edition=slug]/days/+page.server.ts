// An edition's days for its editors: listed by date, each with its own form; adding, ordering days of one date, deleting and restoring; their audit log.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { canMoveDay } from '$lib/domain/editing/dayInput';
import { isMoveDirection } from '$lib/domain/editing/runningOrder';
import { messagesFor } from '$lib/i18n/messages';
import type { SignedInAccount } from '$lib/server/services/accountSessions';
import { requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import type { DayEditResult } from '$lib/server/services/dayEditing';
import { dayFormValues, type DayFormValues } from '$lib/ui/console/edition/editionFormValues';
import { formatLocalDate } from '$lib/ui/format';
import { auditRows, noticeOf, readDirection, readEditorForm, type EditorEvent } from '../programmeEditing.server';
import { dayConflictRows, editionProblem, editionProblemErrors, readDayForm } from '../../editionEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { readId, readVersion } from '$lib/server/http/formFields';
import { refuseOutcome } from '$lib/server/http/outcomes';

const notices = ['dayAdded', 'daySaved', 'dayDeleted', 'dayRestored', 'dayMoved', 'dayUnchanged'] as const;
const emptyDay: DayFormValues = { date: '', title: {}, version: '' };

/** The edition's days and its programme (for session counts and audit titles), else the sign-in, 403 or 404 page. */
async function openDays(event: EditorEvent, account: SignedInAccount) {
  const { dayEditing, editionEditing } = appContext();
  const [view, settings] = await Promise.all([
    dayEditing.view(account, event.params.edition),
    editionEditing.settingsView(account, event.params.edition)
  ]);
  if (view.status !== 'found') refuseOutcome(event.locals.locale, view.status);
  if (settings.status !== 'found') refuseOutcome(event.locals.locale, settings.status);
  return { ...view, programme: settings.programme };
}

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const { edition, days, deleted, programme } = await openDays(event, account);
  const { locale, viewerZone } = event.locals;
  const entries = await appContext().auditLog.dayHistory(edition.id);
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      defaultLocale: edition.defaultLocale,
      locales: edition.locales,
      startsOn: edition.startsOn,
      endsOn: edition.endsOn
    },
    dates: { from: formatLocalDate(edition.startsOn, locale), to: formatLocalDate(edition.endsOn, locale) },
    days: days.map((day) => ({
      id: day.id,
      title: day.title,
      dateLabel: formatLocalDate(day.date, locale),
      version: day.version,
      values: dayFormValues(day),
      sessions: programme.sessions.filter((s) => s.dayId === day.id).length,
      canMoveUp: canMoveDay(days, day.id, 'up'),
      canMoveDown: canMoveDay(days, day.id, 'down')
    })),
    deleted: deleted.map((day) => ({
      id: day.id,
      title: day.title,
      dateLabel: formatLocalDate(day.date, locale),
      version: day.version
    })),
    newDay: emptyDay,
    audit: auditRows(entries, { locale, viewerZone, programme, deleted: [], deletedDays: deleted }),
    notice: noticeOf(event.url, notices)
  };
};

type Event = RequestEvent<{ edition: string }>;

async function open(event: Event) {
  const { account, form } = await readEditorForm(event);
  const { edition } = await openDays(event, account);
  return {
    account,
    form,
    edition,
    m: messagesFor(event.locals.locale).consoleEdition,
    here: `/console/editions/${event.params.edition}/days`
  };
}

/** What every day action answers for outcomes other than saved. */
function dayFailure(
  event: Event,
  result: Exclude<DayEditResult, { status: 'saved' }>,
  action: string,
  prefix: string,
  values?: DayFormValues,
  locales: readonly string[] = []
) {
  const m = messagesFor(event.locals.locale).consoleEdition;
  switch (result.status) {
    case 'invalid':
      return editionProblem(400, {
        action,
        dayValues: values,
        ...editionProblemErrors(result.problems, prefix, event.locals.locale)
      });
    case 'conflict':
      if (!values) return editionProblem(409, { action, errors: {}, message: m.errors['edit.conflict'] });
      return editionProblem(409, {
        action,
        dayValues: { ...values, version: String(result.current.version) },
        errors: {},
        message: null,
        conflict: dayConflictRows(dayFormValues(result.current), values, locales, event.locals.locale)
      });
    case 'forbidden':
      return refuseOutcome(event.locals.locale, 'forbidden');
    case 'not_found':
      return editionProblem(404, { action, dayValues: values, errors: {}, message: m.errors['day.not_found'] });
  }
}

export const actions: Actions = {
  addDay: async (event) => {
    const { account, form, edition, here } = await open(event);
    const { input, values } = readDayForm(form, edition.locales);
    const result = await appContext().dayEditing.create(account, event.params.edition, input);
    if (result.status === 'saved') redirect(303, `${here}?notice=dayAdded#day-${result.day.id}`);
    return dayFailure(event, result, 'addDay', 'new-day-', values);
  },

  saveDay: async (event) => {
    const { account, form, edition, m, here } = await open(event);
    const dayId = readId(form, 'day');
    const { input, values } = readDayForm(form, edition.locales);
    const action = `day:${dayId}`;
    const version = readVersion(form);
    if (version === null)
      return editionProblem(400, { action, dayValues: values, errors: {}, message: m.errors['edit.invalid_version'] });
    const result = await appContext().dayEditing.update(account, event.params.edition, dayId, version, input);
    if (result.status === 'saved') redirect(303, `${here}?notice=daySaved#day-${dayId}`);
    return dayFailure(event, result, action, `day-${dayId}-`, values, edition.locales);
  },

  deleteDay: (event) => changeDay(event, 'remove'),
  restoreDay: (event) => changeDay(event, 'restore'),

  moveDay: async (event) => {
    const { account, form, m, here } = await open(event);
    const dayId = readId(form, 'day');
    const direction = readDirection(form);
    if (!isMoveDirection(direction))
      return editionProblem(400, { action: 'days', errors: {}, message: m.errors['edit.invalid_move'] });
    const outcome = await appContext().dayEditing.move(account, event.params.edition, dayId, direction);
    switch (outcome) {
      case 'saved':
      case 'unchanged':
        redirect(303, `${here}?notice=${outcome === 'saved' ? 'dayMoved' : 'dayUnchanged'}#day-${dayId}`);
        break;
      case 'conflict':
        return editionProblem(409, { action: 'days', errors: {}, message: m.errors['edit.conflict'] });
      case 'forbidden':
        return refuseOutcome(event.locals.locale, outcome);
      case 'not_found':
        return editionProblem(404, { action: 'days', errors: {}, message: m.errors['day.not_found'] });
    }
  }
};

async function changeDay(event: Event, change: 'remove' | 'restore') {
  const { account, form, m, here } = await open(event);
  const dayId = readId(form, 'day');
  const version = readVersion(form);
  if (version === null)
    return editionProblem(400, { action: 'days', errors: {}, message: m.errors['edit.invalid_version'] });
  const editing = appContext().dayEditing;
  const result = await (change === 'remove' ? editing.remove : editing.restore).call(
    editing,
    account,
    event.params.edition,
    dayId,
    version
  );
  if (result.status === 'saved')
    redirect(303, `${here}?notice=${change === 'remove' ? 'dayDeleted#deleted-days' : `dayRestored#day-${dayId}`}`);
  if (result.status === 'invalid') {
    // Refusals about other rows (sessions still on the day, dates that moved) speak to the whole list, not one field.
    const { errors, message } = editionProblemErrors(result.problems, '', event.locals.locale);
    return editionProblem(400, {
      action: 'days',
      errors: {},
      message: message ?? Object.values(errors)[0] ?? m.errors['day.invalid_field']
    });
  }
  return dayFailure(event, result, 'days', '');
}
