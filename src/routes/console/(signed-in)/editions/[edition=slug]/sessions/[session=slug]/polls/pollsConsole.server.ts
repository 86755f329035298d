/**
 * What the console's poll pages share at the edge: who may open them,
 * reading the posted poll form into the plain input the service checks,
 * turning the service's problem codes into messages beside their fields,
 * the polls and their audit entries as the page shows them. The service
 * decides; this only translates between forms and it.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import type { AuditEntry } from '$lib/domain/editing/audit';
import type { FieldProblem } from '$lib/domain/editing/sessionInput';
import { textIn, type LocalizedText } from '$lib/domain/localizedText';
import type { Poll } from '$lib/domain/participation/polls/poll';
import type { Locale } from '$lib/i18n/locale';
import { messagesFor, type Messages } from '$lib/i18n/messages';
import { formatInstant, readConsoleForm, requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import type { PollEditResult } from '$lib/server/services/pollModeration';
import { optionFieldName, optionSlots, type PollFormValues } from '$lib/ui/console/polls/pollFormValues';
import { posted, postedTexts } from '$lib/server/http/formFields';
import { refuseOutcome } from '$lib/server/http/outcomes';

type PollMessages = Messages['polls'];
export type PollErrorCode = keyof PollMessages['errors'];

export type PollsEvent = RequestEvent<{ edition: string; session: string; poll?: string }>;

/** What a failed poll form hands back: which form failed, messages by element id, values to show again. */
export interface PollFormProblem {
  readonly action: 'create' | 'save' | 'state' | 'delete';
  /** The poll a state or delete form was about. */
  readonly pollId?: string;
  readonly errors: Record<string, string>;
  readonly message: string | null;
  readonly values?: PollFormValues;
}

export function pollProblem(status: 400 | 409, data: PollFormProblem) {
  return fail(status, data);
}

/** The page of the session's polls. */
export function pollsPath(params: { edition: string; session: string }): string {
  return `/console/editions/${params.edition}/sessions/${params.session}/polls`;
}

/** For pages: the signed-in moderator's view of the session's polls (else sign-in, 403 or 404). */
export async function openPollsView(event: PollsEvent) {
  const account = requireAccount(event);
  const view = await appContext().pollModeration.view(account, event.params.edition, event.params.session);
  if (view.status !== 'found') refuseOutcome(event.locals.locale, view.status, 'session.not_found');
  return { account, ...view };
}

/** For actions: the signed-in account and the posted form, once its CSRF token checks out. */
export async function readPollsForm(event: PollsEvent) {
  const account = requireAccount(event);
  return { account, form: await readConsoleForm(event) };
}

/** The poll form as the service's input, and as values to show the form again. */
export function readPollForm(form: FormData, locales: readonly string[]): { input: unknown; values: PollFormValues } {
  const question = postedTexts(form, 'question', locales);
  const options = Array.from({ length: optionSlots }, (_, i) => postedTexts(form, optionFieldName(i), locales));
  const kind = posted(form, 'kind');
  const maxChoices = posted(form, 'maxChoices');
  return {
    input: {
      question: question.raw,
      options: options.map((o) => o.raw),
      kind: kind.raw,
      maxChoices: typeof maxChoices.raw === 'string' ? maxChoices.raw.trim() : maxChoices.raw
    },
    values: {
      question: question.text,
      options: options.map((o) => o.text),
      kind: kind.text,
      maxChoices: maxChoices.text,
      version: posted(form, 'version').text
    }
  };
}

/** A poll id posted by a button's form; '' when it is not one. */
export function readPollId(form: FormData): string {
  const { text } = posted(form, 'poll');
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(text) ? text : '';
}

/** The element id a problem's field is shown at. */
function problemFieldId(field: string, defaultLocale: string): string {
  const [name = '', second, third] = field.split('.');
  if (name === 'question') return `question-${second ?? defaultLocale}`;
  if (name === 'options' && second !== undefined) return `${optionFieldName(Number(second))}-${third ?? defaultLocale}`;
  return name;
}

/** Problems as messages keyed by the id of their field (the first problem of a field wins); field-less ones as one message. */
export function pollProblemErrors(problems: readonly FieldProblem[], m: PollMessages, defaultLocale: string) {
  const errors: Record<string, string> = {};
  let message: string | null = null;
  for (const problem of problems) {
    const text = problem.code in m.errors ? m.errors[problem.code as PollErrorCode] : m.errors['poll.invalid_field'];
    if (problem.field === '') message ??= text;
    else errors[problemFieldId(problem.field, defaultLocale)] ??= text;
  }
  return { errors, message };
}

/** The message for an outcome that is not a success, a field problem or a refusal page. */
export function outcomeMessage(
  result: Exclude<PollEditResult, { status: 'saved' | 'deleted' | 'invalid' | 'forbidden' | 'not_found' }>,
  m: PollMessages
): string {
  return result.status === 'conflict' ? m.errors['poll.conflict'] : m.errors[result.code];
}

export interface PollAuditRow {
  readonly id: string;
  readonly when: string;
  readonly who: string;
  readonly what: string;
  readonly fields: string;
}

/**
 * The audit entries of the session's polls, newest first, as rows: opening
 * and closing named as such. Deleted drafts are found by the session their
 * creation names, and titled by the question their deletion kept.
 */
export async function pollAuditRows(
  scope: { editionId: string; sessionId: string },
  polls: readonly Poll[],
  context: { locale: Locale; viewerZone: string | null; fallback: string }
): Promise<PollAuditRow[]> {
  const entries = await appContext().auditLog.forKind(scope.editionId, 'poll', 500);
  const ids = new Set(polls.map((p) => p.id));
  const questions = new Map<string, LocalizedText>(polls.map((p) => [p.id, p.question]));
  for (const entry of entries) {
    if (entry.action === 'create' && entry.changes.sessionId?.to === scope.sessionId) ids.add(entry.recordId);
    if (entry.action === 'delete' && !questions.has(entry.recordId))
      questions.set(entry.recordId, (entry.changes.question?.from ?? {}) as LocalizedText);
  }
  const all = messagesFor(context.locale);
  const m = all.polls;
  const fieldNames: Record<string, string> = m.fields;
  return entries
    .filter((entry) => ids.has(entry.recordId))
    .slice(0, 100)
    .map((entry) => ({
      id: entry.id,
      when: formatInstant(entry.occurredAt, context.locale, context.viewerZone, 'date-time'),
      who:
        entry.accountId === null
          ? all.consoleProgramme.audit.system
          : (entry.accountName ?? all.consoleProgramme.audit.formerAccount),
      what: m.audit.what(
        m.audit.actions[auditActionOf(entry)],
        textIn(questions.get(entry.recordId) ?? {}, context.locale, context.fallback) || entry.recordId
      ),
      fields:
        entry.action === 'create' || entry.action === 'delete'
          ? ''
          : Object.keys(entry.changes)
              .map((key) => fieldNames[key] ?? key)
              .join(', ')
    }));
}

/** A state change is logged as an update of `state`; readers see it as opening or closing. */
function auditActionOf(entry: AuditEntry): keyof PollMessages['audit']['actions'] {
  const state = entry.changes.state?.to;
  if (entry.action === 'update' && state === 'open') return 'opened';
  if (entry.action === 'update' && state === 'closed') return 'closed';
  return entry.action === 'create' || entry.action === 'delete' ? entry.action : 'update';
}
