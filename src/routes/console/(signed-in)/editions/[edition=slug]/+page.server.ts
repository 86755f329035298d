// An edition's programme for its editors: every session by day in running order (drafts too), moving them, restoring deleted ones, and the edition's audit log.
import { redirect } from '@sveltejs/kit';
import { canPublishProgramme, canRunStudio } from '$lib/domain/access/policies';
import { textIn } from '$lib/domain/localizedText';
import { byRunningOrder, isMoveDirection } from '$lib/domain/editing/runningOrder';
import { messagesFor } from '$lib/i18n/messages';
import { appContext } from '$lib/server/context';
import { countsOf } from '$lib/server/services/programmeImport';
import { formatLocalDate, formatTimeRange } from '$lib/ui/format';
import {
  auditRows,
  errorMessage,
  noticeOf,
  openEditorView,
  problem,
  readDirection,
  readEditorForm
} from './programmeEditing.server';
import type { Actions, PageServerLoad } from './$types';
import { readId, readVersion } from '$lib/server/http/formFields';
import { orRefuse } from '$lib/server/http/outcomes';

const notices = ['moved', 'unchanged', 'movedDay', 'unchangedDay', 'deleted'] as const;

export const load: PageServerLoad = async (event) => {
  const { account, programme, deleted } = await openEditorView(event);
  const { locale, viewerZone } = event.locals;
  const { edition } = programme;
  const { auditLog, cityEditing, channelEditing, speakerEditing } = appContext();
  const [entries, deletedSpeakers, deletedCities, deletedChannels] = await Promise.all([
    auditLog.forEdition(edition.id, 50),
    speakerEditing.deletedOf(account, edition.id),
    cityEditing.deletedNames(account, programme),
    channelEditing.deletedNames(account, programme)
  ]);
  const days = [...programme.days]
    .sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position)
    .map((day) => {
      const sessions = byRunningOrder(programme.sessions.filter((s) => s.dayId === day.id));
      return {
        id: day.id,
        title: day.title,
        date: formatLocalDate(day.date, locale),
        sessions: sessions.map((s, index) => ({
          id: s.id,
          title: s.title,
          kind: s.kind,
          state: s.state,
          version: s.version,
          isIllustrative: s.isIllustrative,
          times: formatTimeRange(s.startsAt, s.endsAt, edition.hostZone, locale, day.date),
          startsAt: s.startsAt.toISOString(),
          outOfTimeOrder: index > 0 && s.startsAt < sessions[index - 1]!.startsAt
        }))
      };
    });
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      state: edition.state,
      defaultLocale: edition.defaultLocale,
      hostZone: edition.hostZone
    },
    days,
    deleted: deleted.map((s) => ({ id: s.id, title: s.title, version: s.version })),
    audit: auditRows(entries, {
      locale,
      viewerZone,
      programme,
      deleted,
      deletedSpeakers,
      recordTitles: new Map([...deletedCities, ...deletedChannels])
    }),
    canPublish: canPublishProgramme(account, edition.id),
    // Producers (runStudio) reach each stage's broadcast page and its outside destinations from here.
    stages: canRunStudio(account, edition.id)
      ? programme.stages.map((s) => ({ id: s.id, name: textIn(s.name, locale, edition.defaultLocale) }))
      : [],
    notice: noticeOf(event.url, notices),
    // Just after an import the programme is what was imported, so its counts are the summary.
    imported: noticeOf(event.url, ['imported']) ? countsOf(programme) : null
  };
};

export const actions: Actions = {
  move: async (event) => {
    const { account, form } = await readEditorForm(event);
    const m = messagesFor(event.locals.locale).consoleProgramme;
    const sessionId = readId(form, 'session');
    const direction = readDirection(form);
    if (!isMoveDirection(direction))
      return problem(400, { action: 'sessions', errors: {}, message: m.errors['edit.invalid_move'] });
    const outcome = orRefuse(
      await appContext().sessionEditing.move(account, event.params.edition, sessionId, direction),
      event.locals.locale,
      'session.not_found'
    );
    switch (outcome) {
      case 'conflict':
        return problem(409, { action: 'sessions', errors: {}, message: m.errors['edit.conflict'] });
      case 'unchanged':
        redirect(303, `/console/editions/${event.params.edition}?notice=unchanged#session-${sessionId}`);
        break;
      case 'saved':
        redirect(303, `/console/editions/${event.params.edition}?notice=moved#session-${sessionId}`);
    }
  },

  moveToDay: async (event) => {
    const { account, form } = await readEditorForm(event);
    const m = messagesFor(event.locals.locale).consoleProgramme;
    const sessionId = readId(form, 'session');
    const dayId = readId(form, 'day');
    const version = readVersion(form);
    if (version === null)
      return problem(400, { action: 'sessions', errors: {}, message: m.errors['edit.invalid_version'] });
    const result = orRefuse(
      await appContext().sessionEditing.moveToDay(account, event.params.edition, sessionId, version, dayId),
      event.locals.locale,
      'session.not_found'
    );
    switch (result.status) {
      case 'conflict':
        return problem(409, { action: 'sessions', errors: {}, message: m.errors['edit.conflict'] });
      case 'invalid':
        return problem(400, {
          action: 'sessions',
          errors: {},
          message: errorMessage(m, result.problems[0]?.code ?? 'session.unknown_day')
        });
      case 'unchanged':
        redirect(303, `/console/editions/${event.params.edition}?notice=unchangedDay#session-${sessionId}`);
        break;
      case 'saved':
        redirect(303, `/console/editions/${event.params.edition}?notice=movedDay#session-${sessionId}`);
    }
  },

  restore: async (event) => {
    const { account, form } = await readEditorForm(event);
    const m = messagesFor(event.locals.locale).consoleProgramme;
    const sessionId = readId(form, 'session');
    const version = readVersion(form);
    if (version === null)
      return problem(400, { action: 'sessions', errors: {}, message: m.errors['edit.invalid_version'] });
    const result = orRefuse(
      await appContext().sessionEditing.restore(account, event.params.edition, sessionId, version),
      event.locals.locale,
      'session.not_found'
    );
    switch (result.status) {
      case 'conflict':
        return problem(409, { action: 'sessions', errors: {}, message: m.errors['edit.conflict'] });
      case 'invalid':
        return problem(400, {
          action: 'sessions',
          errors: {},
          message: errorMessage(m, result.problems[0]?.code ?? 'session.invalid_field')
        });
      case 'saved':
        redirect(303, `/console/editions/${event.params.edition}/sessions/${sessionId}?notice=restored`);
    }
  }
};
