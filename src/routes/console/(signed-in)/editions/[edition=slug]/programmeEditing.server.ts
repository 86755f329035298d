/**
 * What the console's programme pages share at the edge: who may open them,
 * reading the posted session and programme item forms into the plain input
 * the services check, turning the services' problem codes into messages
 * beside their fields, and the audit log as rows to read. No rules here:
 * the services decide; this only translates between forms and them.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { AuditEntry } from '$lib/domain/editing/audit';
import type { FieldProblem } from '$lib/domain/editing/sessionInput';
import { pickText, textIn, type LocalizedText } from '$lib/domain/localizedText';
import { sessionKinds, type Programme, type Session, type Speaker } from '$lib/domain/programme';
import type { Locale } from '$lib/i18n/locale';
import { messagesFor, type Messages } from '$lib/i18n/messages';
import type { SignedInAccount } from '$lib/server/services/accountSessions';
import { formatInstant, readConsoleForm, requireAccount, type ConsoleEvent } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import { posted, postedFlag, postedList, postedTexts } from '$lib/server/http/formFields';
import {
  fieldId,
  textLimits,
  type Choice,
  type ItemFormValues,
  type SessionFormValues
} from '$lib/ui/console/programme/formValues';

export { textLimits };
import { formatLocalDate, languageName } from '$lib/ui/format';
import { refuseOutcome } from '$lib/server/http/outcomes';

export type ProgrammeMessages = Messages['consoleProgramme'];
type ErrorCode = keyof ProgrammeMessages['errors'];

export interface EditorEvent extends ConsoleEvent {
  readonly params: { readonly edition: string };
}

/** What a failed programme form hands back to its page: one shape for every action, so the page reads it without narrowing. */
export interface ProgrammeFormProblem {
  /** Which form on the page failed, so only that one shows the problem. */
  readonly action: 'save' | 'state' | 'delete' | 'addItem' | 'items' | 'sessions';
  /** Element id → message in the reader's language. */
  readonly errors: Record<string, string>;
  readonly message: string | null;
  readonly values?: SessionFormValues;
  readonly itemValues?: ItemFormValues;
  /** After a refused stale save: their values next to yours. */
  readonly conflict?: readonly ConflictRow[];
}

export function problem(status: 400 | 404 | 409, data: ProgrammeFormProblem): ActionFailure<ProgrammeFormProblem> {
  return fail(status, data);
}

/** For pages: the signed-in account and the edition's programme as its editors see it (else sign-in, 403 or 404). */
export async function openEditorView(event: EditorEvent) {
  const account = requireAccount(event);
  const view = await appContext().sessionEditing.editorView(account, event.params.edition);
  if (view.status !== 'found') refuseOutcome(event.locals.locale, view.status);
  return { account, programme: view.programme, deleted: view.deleted };
}

/** For actions: the signed-in account and the posted form, once its CSRF token checks out (else sign-in or 403). */
export async function readEditorForm(event: EditorEvent): Promise<{ account: SignedInAccount; form: FormData }> {
  const account = requireAccount(event);
  return { account, form: await readConsoleForm(event) };
}

/** The session form as the service's input, and as values to show the form again. */
export function readSessionForm(
  form: FormData,
  locales: readonly string[]
): { input: unknown; values: SessionFormValues } {
  const title = postedTexts(form, 'title', locales);
  const summary = postedTexts(form, 'summary', locales);
  const day = posted(form, 'dayId');
  const stage = posted(form, 'stageId');
  const kind = posted(form, 'kind');
  const start = posted(form, 'startTime');
  const end = posted(form, 'endTime');
  const channels = postedList(form, 'channelIds');
  const illustrative = postedFlag(form, 'isIllustrative');
  return {
    input: {
      title: title.raw,
      summary: summary.raw,
      dayId: day.raw,
      stageId: stage.raw === '' ? null : stage.raw,
      kind: kind.raw,
      startTime: start.raw,
      endTime: end.raw,
      channelIds: channels.raw,
      isIllustrative: illustrative.raw
    },
    values: {
      title: title.text,
      summary: summary.text,
      dayId: day.text,
      stageId: stage.text,
      kind: kind.text,
      startTime: start.text,
      endTime: end.text,
      channelIds: channels.texts,
      isIllustrative: illustrative.checked,
      version: posted(form, 'version').text
    }
  };
}

/** The programme item form as the service's input, and as values to show the form again. */
export function readItemForm(form: FormData, locales: readonly string[]): { input: unknown; values: ItemFormValues } {
  const title = postedTexts(form, 'title', locales);
  const summary = postedTexts(form, 'summary', locales);
  const speakers = postedList(form, 'speakerIds');
  const start = posted(form, 'startTime');
  const end = posted(form, 'endTime');
  const illustrative = postedFlag(form, 'isIllustrative');
  const time = (v: { text: string; raw: unknown }) => (v.raw === '' ? null : v.raw);
  return {
    input: {
      title: title.raw,
      summary: summary.raw,
      speakerIds: speakers.raw,
      startTime: time(start),
      endTime: time(end),
      isIllustrative: illustrative.raw
    },
    values: {
      title: title.text,
      summary: summary.text,
      speakerIds: speakers.texts,
      startTime: start.text,
      endTime: end.text,
      isIllustrative: illustrative.checked,
      version: posted(form, 'version').text
    }
  };
}

export function readDirection(form: FormData): string {
  return posted(form, 'direction').text;
}

export function errorMessage(m: ProgrammeMessages, code: string): string {
  return code in m.errors ? m.errors[code as ErrorCode] : m.errors['session.invalid_field'];
}

/** What to say about a field the schema refused, by the kind of field it is. */
function invalidFieldMessage(m: ProgrammeMessages, field: string, limits: { title: number; summary: number }): string {
  const name = field.split('.', 1)[0] ?? '';
  if (name === 'title' || name === 'summary') return m.invalid.text(limits[name]);
  if (name === 'startTime' || name === 'endTime') return m.invalid.time;
  if (name === 'isIllustrative') return m.invalid.flag;
  if (name === 'dayId' || name === 'stageId' || name === 'kind' || name === 'channelIds' || name === 'speakerIds')
    return m.invalid.choice;
  return m.errors['session.invalid_field'];
}

/** Problems as messages keyed by the id of their field (the first problem of a field wins); the rest as one message. */
export function problemErrors(
  problems: readonly FieldProblem[],
  prefix: string,
  m: ProgrammeMessages,
  limits: { title: number; summary: number }
) {
  const errors: Record<string, string> = {};
  let message: string | null = null;
  for (const problem of problems) {
    const text = problem.code.endsWith('.invalid_field')
      ? invalidFieldMessage(m, problem.field, limits)
      : errorMessage(m, problem.code);
    if (problem.field === '') message ??= text;
    else errors[fieldId(prefix, problem.field)] ??= text;
  }
  return { errors, message };
}

export interface AuditRow {
  readonly id: string;
  readonly when: string;
  readonly who: string;
  readonly what: string;
  /** Names of the changed fields, comma-separated. */
  readonly fields: string;
}

/** Audit entries as a reader sees them: in their zone and language, titles of the records, names of the fields. */
export function auditRows(
  entries: readonly AuditEntry[],
  context: {
    readonly locale: Locale;
    readonly viewerZone: string | null;
    readonly programme: Programme;
    readonly deleted: readonly Session[];
    /** Titles of records the programme does not list (removed programme items). */
    readonly extraTitles?: ReadonlyMap<string, LocalizedText>;
    /** Deleted speakers, whose names the programme does not list. */
    readonly deletedSpeakers?: readonly Pick<Speaker, 'id' | 'name'>[];
    /** Titles of other records the programme does not list, keyed `<recordType>:<id>` (deleted cities and channels). */
    readonly recordTitles?: ReadonlyMap<string, LocalizedText>;
    /** Days the programme no longer lists (deleted ones), by id. */
    readonly deletedDays?: readonly { readonly id: string; readonly title: LocalizedText }[];
  }
): AuditRow[] {
  const m = messagesFor(context.locale).consoleProgramme;
  const fallback = context.programme.edition.defaultLocale;
  const titles = new Map<string, LocalizedText>([
    [`edition:${context.programme.edition.id}`, context.programme.edition.title],
    ...[...context.programme.days, ...(context.deletedDays ?? [])].map((d) => [`day:${d.id}`, d.title] as const),
    ...[...context.programme.sessions, ...context.deleted].map((s) => [`session:${s.id}`, s.title] as const),
    ...context.programme.items.map((i) => [`programme_item:${i.id}`, i.title] as const),
    ...[...(context.extraTitles ?? [])].map(([id, title]) => [`programme_item:${id}`, title] as const),
    ...[...context.programme.speakers, ...(context.deletedSpeakers ?? [])].map(
      (s) => [`speaker:${s.id}`, s.name] as const
    ),
    ...context.programme.cities.map((c) => [`city:${c.id}`, c.name] as const),
    ...context.programme.channels.map((c) => [`channel:${c.id}`, c.name] as const),
    ...(context.recordTitles ?? [])
  ]);
  // Editions, speakers, cities and channels name their own fields and record types; the programme's labels win where both have one.
  const all = messagesFor(context.locale);
  const speakerFields: Record<string, string> = all.consoleSpeakers.fields;
  const labels: Record<string, string> = { ...all.consolePlaces.fields, ...all.consoleEdition.fields, ...m.fields };
  const fieldLabel = (key: string, type: string) =>
    (type === 'speaker' ? speakerFields[key] : undefined) ?? labels[key] ?? key;
  const recordTypes: Record<string, string> = { ...all.consolePlaces.recordTypes, ...m.audit.recordTypes };
  const recordLabel = (type: string) => recordTypes[type] ?? type;
  return entries.map((entry) => {
    const title = titles.get(`${entry.recordType}:${entry.recordId}`);
    return {
      id: entry.id,
      when: formatInstant(entry.occurredAt, context.locale, context.viewerZone, 'date-time'),
      who: entry.accountId === null ? m.audit.system : (entry.accountName ?? m.audit.formerAccount),
      what: m.audit.what(
        m.audit.actions[entry.action],
        recordLabel(entry.recordType),
        title ? textIn(title, context.locale, fallback) : m.audit.unknownRecord(entry.recordId)
      ),
      // A creation changes every field; naming them all says nothing.
      fields:
        entry.action === 'create'
          ? ''
          : Object.keys(entry.changes)
              .map((key) => fieldLabel(key, entry.recordType))
              .join(', ')
    };
  });
}

/** `?notice=` values a page knows, else null. */
export function noticeOf<T extends string>(url: URL, known: readonly T[]): T | null {
  const notice = url.searchParams.get('notice');
  return known.find((n) => n === notice) ?? null;
}

/** A localized text as a choice label, marked with its language when it fell back to another. */
function choiceOf(value: string, text: LocalizedText, locale: Locale, fallback: string): Choice {
  const picked = pickText(text, locale, fallback);
  return { value, label: picked?.text ?? value, lang: picked && picked.lang !== locale ? picked.lang : undefined };
}

/** The lists the session form chooses from, in the reader's language. */
export function sessionChoices(programme: Programme, locale: Locale) {
  const all = messagesFor(locale);
  const fallback = programme.edition.defaultLocale;
  return {
    days: [...programme.days]
      .sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position)
      .map((d) => ({ value: d.id, label: `${textIn(d.title, locale, fallback)}, ${formatLocalDate(d.date, locale)}` })),
    stages: programme.stages.map((s) => choiceOf(s.id, s.name, locale, fallback)),
    kinds: sessionKinds.map((kind) => ({ value: kind, label: all.sessionKind[kind] })),
    channels: programme.channels.map((c) => choiceOf(c.id, c.name, locale, fallback))
  };
}

/** The edition's speakers by name in the reader's language. */
export function speakerChoices(programme: Programme, locale: Locale): Choice[] {
  const fallback = programme.edition.defaultLocale;
  return programme.speakers
    .map((s) => choiceOf(s.id, s.name, locale, fallback))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

export interface ConflictRow {
  readonly field: string;
  readonly theirs: string;
  readonly yours: string;
  /** The language of both values, for translated texts. */
  readonly lang?: string;
}

export function textRows(
  label: string,
  theirs: LocalizedText,
  yours: LocalizedText,
  locales: readonly string[],
  locale: Locale
): ConflictRow[] {
  const m = messagesFor(locale).consoleProgramme;
  return locales
    .map((l) => ({
      field: m.form.inLanguage(label, languageName(l, locale)),
      theirs: theirs[l] ?? '',
      yours: (yours[l] ?? '').trim(),
      lang: l
    }))
    .filter((row) => row.theirs !== row.yours);
}

export function differing(rows: readonly ConflictRow[]): ConflictRow[] {
  return rows.filter((row) => row.theirs !== row.yours);
}

/** The fields where the saved session (theirs) and the refused form (yours) differ, readable. */
export function sessionConflictRows(
  theirs: SessionFormValues,
  yours: SessionFormValues,
  programme: Programme,
  locale: Locale
): ConflictRow[] {
  const m = messagesFor(locale).consoleProgramme;
  const choices = sessionChoices(programme, locale);
  const label = (list: readonly Choice[], value: string) => list.find((c) => c.value === value)?.label ?? value;
  const labels = (list: readonly Choice[], values: readonly string[]) => values.map((v) => label(list, v)).join(', ');
  const { locales } = programme.edition;
  return [
    ...textRows(m.fields.title, theirs.title, yours.title, locales, locale),
    ...textRows(m.fields.summary, theirs.summary, yours.summary, locales, locale),
    ...differing([
      { field: m.fields.dayId, theirs: label(choices.days, theirs.dayId), yours: label(choices.days, yours.dayId) },
      { field: m.fields.startTime, theirs: theirs.startTime, yours: yours.startTime },
      { field: m.fields.endTime, theirs: theirs.endTime, yours: yours.endTime },
      { field: m.fields.kind, theirs: label(choices.kinds, theirs.kind), yours: label(choices.kinds, yours.kind) },
      {
        field: m.fields.stageId,
        theirs: theirs.stageId ? label(choices.stages, theirs.stageId) : m.form.noStage,
        yours: yours.stageId ? label(choices.stages, yours.stageId) : m.form.noStage
      },
      {
        field: m.fields.channelIds,
        theirs: labels(choices.channels, theirs.channelIds),
        yours: labels(choices.channels, yours.channelIds)
      },
      {
        field: m.fields.isIllustrative,
        theirs: theirs.isIllustrative ? m.conflict.yes : m.conflict.no,
        yours: yours.isIllustrative ? m.conflict.yes : m.conflict.no
      }
    ])
  ];
}

/** The fields where the saved programme item (theirs) and the refused form (yours) differ, readable. */
export function itemConflictRows(
  theirs: ItemFormValues,
  yours: ItemFormValues,
  programme: Programme,
  locale: Locale
): ConflictRow[] {
  const m = messagesFor(locale).consoleProgramme;
  const speakers = speakerChoices(programme, locale);
  const names = (ids: readonly string[]) =>
    ids.map((id) => speakers.find((s) => s.value === id)?.label ?? id).join(', ');
  const { locales } = programme.edition;
  return [
    ...textRows(m.fields.title, theirs.title, yours.title, locales, locale),
    ...textRows(m.fields.summary, theirs.summary, yours.summary, locales, locale),
    ...differing([
      { field: m.fields.speakerIds, theirs: names(theirs.speakerIds), yours: names(yours.speakerIds) },
      { field: m.fields.startTime, theirs: theirs.startTime, yours: yours.startTime },
      { field: m.fields.endTime, theirs: theirs.endTime, yours: yours.endTime },
      {
        field: m.fields.isIllustrative,
        theirs: theirs.isIllustrative ? m.conflict.yes : m.conflict.no,
        yours: yours.isIllustrative ? m.conflict.yes : m.conflict.no
      }
    ])
  ];
}

/** A session's own audit entries and those of its programme items, newest first. */
export async function sessionAuditEntries(
  sessionId: string,
  itemIds: readonly string[],
  limit = 50
): Promise<AuditEntry[]> {
  return appContext().auditLog.forSession(sessionId, itemIds, limit);
}
