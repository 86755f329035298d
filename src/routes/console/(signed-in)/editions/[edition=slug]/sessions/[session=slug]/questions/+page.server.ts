// A session's questions for its moderators (and admins): approve, hide, merge, pin, mark answered, and pre-moderation.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { QuestionErrorCode } from '$lib/domain/participation/questions/questionErrors';
import { isModerationAction, moderationActions } from '$lib/domain/participation/questions/questionModeration';
import { parseQuestionSort } from '$lib/domain/participation/questions/questionOrder';
import { messagesFor } from '$lib/i18n/messages';
import { forbidden, formatInstant, readConsoleForm, requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import { field, readVersion } from '$lib/server/http/formFields';
import { isQuestionStatus, type Question } from '$lib/domain/participation/questions/question';
import type { Locale } from '$lib/i18n/locale';
import type { ModerationHistoryEntry, ModerationResult } from '$lib/server/services/questionService';
import type { Actions, PageServerLoad } from './$types';

const notices = [...moderationActions, 'merge', 'premoderationOn', 'premoderationOff'] as const;
type Notice = (typeof notices)[number];

type Event = RequestEvent<{ edition: string; session: string }>;

export interface ModerationProblem {
  readonly message: string;
  /** The question the problem is about, so the page can point at it. */
  readonly questionId: string | null;
}

/** Forbidden or missing: the 403 page, or a 404 page naming what is missing. */
function refuse(
  event: Event,
  status: 'forbidden' | 'not_found',
  code: 'session.not_found' | 'question.not_found' = 'session.not_found'
): never {
  const all = messagesFor(event.locals.locale);
  if (status === 'forbidden') forbidden(event.locals.locale);
  error(404, {
    message: code === 'question.not_found' ? all.questions.errors['question.not_found'] : all.notFoundTitle,
    code
  });
}

export const load: PageServerLoad = async (event) => {
  const account = requireAccount(event);
  const view = await appContext().questions.moderationView(account, event.params.edition, event.params.session);
  if (view.status !== 'found') refuse(event, view.status);
  const sort = parseQuestionSort(event.url.searchParams.get('sort'));
  const notice = event.url.searchParams.get('notice');
  return {
    edition: {
      slug: event.params.edition,
      title: view.session.editionTitle,
      defaultLocale: view.session.defaultLocale
    },
    session: { id: view.session.sessionId, title: view.session.sessionTitle, isPublic: view.session.isPublic },
    settings: view.settings,
    sort,
    questions: view.questions.map((q) => ({
      id: q.id,
      text: q.text,
      displayName: q.displayName,
      status: q.status,
      mergedInto: q.mergedInto,
      isPinned: q.isPinned,
      isAnswered: q.isAnswered,
      voteCount: q.voteCount,
      askedAt: q.askedAt,
      askedAtText: formatInstant(q.askedAt, event.locals.locale, event.locals.viewerZone, 'time'),
      version: q.version
    })),
    history: historyRows(
      view.history,
      new Map(view.questions.map((q) => [q.id, q.text])),
      event.locals.locale,
      event.locals.viewerZone
    ),
    notice: notices.find((n) => n === notice) ?? null
  };
};

/** The moderation history as the audit table shows it: when, who, which question, and what changed, in words. */
function historyRows(
  entries: readonly ModerationHistoryEntry[],
  texts: ReadonlyMap<string, string>,
  locale: Locale,
  zone: string | null
) {
  const m = messagesFor(locale).questions.console;
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
  const status = (value: unknown) => (isQuestionStatus(value) ? m.status[value] : String(value));
  const describe = (field: string, to: unknown): string | null => {
    switch (field) {
      case 'status':
        return to === 'merged' ? null : m.changes.status(status(to));
      case 'isPinned':
        return to ? m.changes.pinned : m.changes.unpinned;
      case 'isAnswered':
        return to ? m.changes.answered : m.changes.unanswered;
      case 'mergedInto':
        return typeof to === 'string' ? m.mergedInto(short(texts.get(to) ?? m.historyRemoved)) : null;
      case 'isPremoderated':
        return to ? m.changes.premoderationOn : m.changes.premoderationOff;
      default:
        return null;
    }
  };
  return entries.map((entry) => {
    const text = texts.get(entry.recordId);
    return {
      id: entry.id,
      when: formatInstant(entry.occurredAt, locale, zone, 'date-time'),
      who: entry.accountName ?? m.historyFormerAccount,
      what:
        entry.recordType === 'settings' ? m.historySettings : m.historyQuestion(text ? short(text) : m.historyRemoved),
      fields: Object.entries(entry.changes)
        .map(([field, change]) => describe(field, change.to))
        .filter((phrase): phrase is string => phrase !== null)
        .join('; ')
    };
  });
}

/** The signed-in account, the checked form and where to come back to (keeping the chosen order). */
async function open(event: Event) {
  const account = requireAccount(event);
  const form = await readConsoleForm(event);
  const sort = parseQuestionSort(field(form, 'sort'));
  const here = `/console/editions/${event.params.edition}/sessions/${event.params.session}/questions`;
  return { account, form, here: (notice: Notice, anchor: string) => `${here}?sort=${sort}&notice=${notice}#${anchor}` };
}

function problem(
  event: Event,
  status: 400 | 409,
  code: QuestionErrorCode,
  questionId: string | null,
  current?: Question
) {
  const m = messagesFor(event.locals.locale).questions;
  const now = current ? ` ${m.console.nowState(m.console.status[current.status])}` : '';
  return fail(status, { message: m.errors[code] + now, questionId } satisfies ModerationProblem);
}

function answer(
  event: Event,
  result: ModerationResult,
  notice: Notice,
  questionId: string,
  here: (notice: Notice, anchor: string) => string
) {
  switch (result.status) {
    case 'saved':
      redirect(303, here(notice, `question-${result.question.id}`));
      break;
    case 'conflict':
      return problem(event, 409, 'question.conflict', questionId, result.current);
    case 'refused':
      return problem(event, 409, result.code, questionId, result.current);
    case 'forbidden':
      return refuse(event, 'forbidden');
    case 'not_found':
      return refuse(event, 'not_found', 'question.not_found');
  }
}

export const actions: Actions = {
  moderate: async (event) => {
    const { account, form, here } = await open(event);
    const questionId = field(form, 'question');
    const change = field(form, 'change');
    const base = readVersion(form);
    if (!isModerationAction(change) || base === null)
      return problem(event, 400, 'question.invalid_field', questionId || null);
    const result = await appContext().questions.moderate(
      account,
      event.params.edition,
      event.params.session,
      questionId,
      base,
      change
    );
    return answer(event, result, change, questionId, here);
  },

  merge: async (event) => {
    const { account, form, here } = await open(event);
    const questionId = field(form, 'question');
    const base = readVersion(form);
    if (base === null) return problem(event, 400, 'question.invalid_field', questionId || null);
    const result = await appContext().questions.merge(
      account,
      event.params.edition,
      event.params.session,
      questionId,
      base,
      field(form, 'keep')
    );
    return answer(event, result, 'merge', questionId, here);
  },

  premoderation: async (event) => {
    const { account, form, here } = await open(event);
    const base = readVersion(form);
    const wanted = field(form, 'premoderated');
    if (base === null || (wanted !== 'on' && wanted !== 'off'))
      return problem(event, 400, 'question.invalid_field', null);
    const result = await appContext().questions.setPremoderation(
      account,
      event.params.edition,
      event.params.session,
      base,
      wanted === 'on'
    );
    switch (result.status) {
      case 'saved':
        redirect(303, here(result.settings.isPremoderated ? 'premoderationOn' : 'premoderationOff', 'premoderation'));
        break;
      case 'conflict':
        return problem(event, 409, 'question.settings_conflict', null);
      case 'forbidden':
      case 'not_found':
        return refuse(event, result.status);
    }
  }
};
