/**
 * What the console's city and channel pages share at the edge: one set of
 * loads and actions for both kinds of record (list with moves and restore,
 * new, edit with delete), each kind saying how its form reads and how its
 * conflicts show. No rules here: the services decide.
 */
import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/access/policies';
import { isMoveDirection } from '$lib/domain/editing/runningOrder';
import type { FieldProblem } from '$lib/domain/editing/sessionInput';
import type { LocalizedText } from '$lib/domain/localizedText';
import type { Programme } from '$lib/domain/programme';
import type { Locale } from '$lib/i18n/locale';
import { messagesFor, type Messages } from '$lib/i18n/messages';
import { requireAccount } from '$lib/server/http/consoleRoute';
import { appContext } from '$lib/server/context';
import type { PlaceEditResult, VersionedChannel, VersionedCity } from '$lib/server/services/placeEditing';
import { fieldId } from '$lib/ui/console/programme/formValues';
import {
  channelFormValues,
  channelLimits,
  cityFormValues,
  cityLimits,
  type ChannelFormValues,
  type CityFormValues
} from '$lib/ui/console/places/formValues';
import { countryName } from '$lib/ui/format';
import {
  auditRows,
  differing,
  noticeOf,
  readDirection,
  readEditorForm,
  textRows,
  type ConflictRow
} from './programmeEditing.server';
import { posted, postedFlag, postedTexts, readId, readVersion } from '$lib/server/http/formFields';
import { orRefuse, refuseOutcome } from '$lib/server/http/outcomes';

type PlacesMessages = Messages['consolePlaces'];
type ErrorCode = keyof PlacesMessages['errors'];
type Event = RequestEvent<{ edition: string }>;
/** What every city and channel record has. */
type Place = { readonly id: string; readonly name: LocalizedText; readonly version: number };

/** What a failed city or channel form hands back to its page. */
export interface PlaceFormProblem<F> {
  /** Which form failed, so only that one shows the problem. */
  readonly action: 'save' | 'delete' | 'list';
  readonly errors: Record<string, string>;
  readonly message: string | null;
  readonly values?: F;
  readonly conflict?: readonly ConflictRow[];
}

interface Service<T> {
  list(
    actor: Actor,
    slug: string
  ): Promise<
    | { status: 'found'; programme: Programme; records: readonly T[]; deleted: readonly T[] }
    | { status: 'forbidden' | 'not_found' }
  >;
  find(
    actor: Actor,
    slug: string,
    id: string
  ): Promise<{ status: 'found'; programme: Programme; record: T } | { status: 'forbidden' | 'not_found' }>;
  create(actor: Actor, slug: string, input: unknown): Promise<PlaceEditResult<T>>;
  update(actor: Actor, slug: string, id: string, version: number, input: unknown): Promise<PlaceEditResult<T>>;
  remove(actor: Actor, slug: string, id: string, version: number): Promise<PlaceEditResult<T>>;
  restore(actor: Actor, slug: string, id: string, version: number): Promise<PlaceEditResult<T>>;
  move(
    actor: Actor,
    slug: string,
    id: string,
    direction: 'up' | 'down'
  ): Promise<'saved' | 'unchanged' | 'forbidden' | 'not_found'>;
}

/** One kind of record as its pages handle it. */
export interface PlacePages<T extends Place, F> {
  readonly kind: 'city' | 'channel';
  /** The URL segment of its pages under the edition. */
  readonly segment: 'cities' | 'channels';
  service(): Service<T>;
  /** The posted form as the service's input, and as values to show the form again. */
  read(form: FormData, locales: readonly string[]): { input: unknown; values: F };
  values(record: T): F;
  /** Short facts shown under the name in the list. */
  details(record: T, locale: Locale): string[];
  conflictRows(theirs: F, yours: F, locales: readonly string[], locale: Locale): ConflictRow[];
  /** The message for a field the schema refused. */
  invalidField(m: PlacesMessages, name: string): string;
  readonly isIllustrative?: (record: T) => boolean;
}

const yesNo = (value: boolean, locale: Locale) => messagesFor(locale).consoleProgramme.conflict[value ? 'yes' : 'no'];

export const cityPages: PlacePages<VersionedCity, CityFormValues> = {
  kind: 'city',
  segment: 'cities',
  service: () => appContext().cityEditing,
  read(form, locales) {
    const name = postedTexts(form, 'name', locales);
    const summary = postedTexts(form, 'summary', locales);
    const country = posted(form, 'country');
    const zone = posted(form, 'zone');
    const illustrative = postedFlag(form, 'isIllustrative');
    return {
      input: {
        name: name.raw,
        summary: summary.raw,
        country: country.raw,
        zone: zone.raw,
        isIllustrative: illustrative.raw
      },
      values: {
        name: name.text,
        summary: summary.text,
        country: country.text,
        zone: zone.text,
        isIllustrative: illustrative.checked,
        version: posted(form, 'version').text
      }
    };
  },
  values: cityFormValues,
  details(city, locale) {
    const m = messagesFor(locale).consolePlaces;
    return [
      city.country ? countryName(city.country, locale) : `${m.fields.country}: ${m.cities.unknown}`,
      city.zone ? city.zone.replace(/_/g, ' ') : `${m.fields.zone}: ${m.cities.unknown}`
    ];
  },
  conflictRows(theirs, yours, locales, locale) {
    const m = messagesFor(locale).consolePlaces.fields;
    return [
      ...textRows(m.name, theirs.name, yours.name, locales, locale),
      ...textRows(m.summary, theirs.summary, yours.summary, locales, locale),
      ...differing([
        { field: m.country, theirs: theirs.country, yours: yours.country.trim().toUpperCase() },
        { field: m.zone, theirs: theirs.zone, yours: yours.zone.trim() },
        {
          field: m.isIllustrative,
          theirs: yesNo(theirs.isIllustrative, locale),
          yours: yesNo(yours.isIllustrative, locale)
        }
      ])
    ];
  },
  invalidField(m, name) {
    if (name === 'name' || name === 'summary') return m.invalid.text(cityLimits[name]);
    if (name === 'country') return m.errors['city.unknown_country'];
    if (name === 'zone') return m.invalid.short(64);
    if (name === 'isIllustrative') return m.invalid.flag;
    return m.errors['city.invalid_field'];
  },
  isIllustrative: (city) => city.isIllustrative
};

export const channelPages: PlacePages<VersionedChannel, ChannelFormValues> = {
  kind: 'channel',
  segment: 'channels',
  service: () => appContext().channelEditing,
  read(form, locales) {
    const kind = posted(form, 'kind');
    const name = postedTexts(form, 'name', locales);
    const url = posted(form, 'url');
    return {
      input: { kind: kind.raw, name: name.raw, url: url.raw },
      values: { kind: kind.text, name: name.text, url: url.text, version: posted(form, 'version').text }
    };
  },
  values: channelFormValues,
  details: (channel, locale) => [messagesFor(locale).consolePlaces.channelKind[channel.kind], channel.url],
  conflictRows(theirs, yours, locales, locale) {
    const m = messagesFor(locale).consolePlaces;
    const kind = (value: string) =>
      value in m.channelKind ? m.channelKind[value as keyof typeof m.channelKind] : value;
    return [
      ...differing([{ field: m.fields.kind, theirs: kind(theirs.kind), yours: kind(yours.kind) }]),
      ...textRows(m.fields.name, theirs.name, yours.name, locales, locale),
      ...differing([{ field: m.fields.url, theirs: theirs.url, yours: yours.url.trim() }])
    ];
  },
  invalidField(m, name) {
    if (name === 'name') return m.invalid.text(channelLimits.name);
    if (name === 'url') return m.invalid.short(channelLimits.url);
    if (name === 'kind') return m.invalid.choice;
    return m.errors['channel.invalid_field'];
  }
};

function placeProblem<F>(status: 400 | 404 | 409, data: PlaceFormProblem<F>): ActionFailure<PlaceFormProblem<F>> {
  return fail(status, data);
}

/** Problems as messages keyed by the id of their field (the first problem of a field wins). */
function problemErrors(
  invalidField: (m: PlacesMessages, name: string) => string,
  problems: readonly FieldProblem[],
  m: PlacesMessages
) {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const name = problem.field.split('.', 1)[0] ?? '';
    const text = problem.code.endsWith('.invalid_field') ? invalidField(m, name) : code(m, problem.code);
    errors[fieldId('', problem.field || 'form')] ??= text;
  }
  return errors;
}

function code(m: PlacesMessages, value: string): string {
  return value in m.errors ? m.errors[value as ErrorCode] : m.errors['city.invalid_field'];
}

const notices = ['created', 'saved', 'deleted', 'restored', 'moved', 'unchanged'] as const;

function editionView(programme: Programme) {
  const { edition } = programme;
  return {
    slug: edition.slug,
    title: edition.title,
    locales: edition.locales,
    defaultLocale: edition.defaultLocale,
    state: edition.state
  };
}

/** The list page: records in order with their facts, the deleted ones, and a notice after a change. */
export async function loadList<T extends Place, F>(pages: PlacePages<T, F>, event: Event & { url: URL }) {
  const account = requireAccount(event);
  const { locale } = event.locals;
  const listed = await pages.service().list(account, event.params.edition);
  if (listed.status !== 'found') refuseOutcome(locale, listed.status);
  const entry = (record: T) => ({
    id: record.id,
    name: record.name,
    version: record.version,
    details: pages.details(record, locale),
    isIllustrative: pages.isIllustrative?.(record) ?? false
  });
  return {
    edition: editionView(listed.programme),
    records: listed.records.map(entry),
    deleted: listed.deleted.map(entry),
    notice: noticeOf(event.url, notices)
  };
}

export async function loadNew<T extends Place, F>(pages: PlacePages<T, F>, event: Event) {
  const account = requireAccount(event);
  const listed = await pages.service().list(account, event.params.edition);
  if (listed.status !== 'found') refuseOutcome(event.locals.locale, listed.status);
  return { edition: editionView(listed.programme) };
}

/** One record's page: its form values and its audit log. */
export async function loadRecord<T extends Place, F>(pages: PlacePages<T, F>, event: Event & { url: URL }, id: string) {
  const account = requireAccount(event);
  const { locale, viewerZone } = event.locals;
  const found = await pages.service().find(account, event.params.edition, id);
  if (found.status !== 'found') refuseOutcome(locale, found.status, `${pages.kind}.not_found`);
  const entries = await appContext().auditLog.forRecord(pages.kind, id, 50);
  const { programme, record } = found;
  return {
    edition: editionView(programme),
    record: { id: record.id, name: record.name, version: record.version },
    values: pages.values(record),
    audit: auditRows(entries, { locale, viewerZone, programme, deleted: [] }),
    notice: noticeOf(event.url, notices)
  };
}

function listPath(pages: { segment: string }, event: Event): string {
  return `/console/editions/${event.params.edition}/${pages.segment}`;
}

export async function createAction<T extends Place, F>(pages: PlacePages<T, F>, event: Event) {
  const { account, form } = await readEditorForm(event);
  const { locale } = event.locals;
  const m = messagesFor(locale).consolePlaces;
  const listed = await pages.service().list(account, event.params.edition);
  if (listed.status !== 'found') return refuseOutcome(locale, listed.status);
  const { input, values } = pages.read(form, listed.programme.edition.locales);
  const result = orRefuse(await pages.service().create(account, event.params.edition, input), locale);
  switch (result.status) {
    case 'saved':
      redirect(303, `${listPath(pages, event)}/${result.record.id}?notice=created`);
      break;
    case 'invalid':
      return placeProblem(400, {
        action: 'save',
        values,
        errors: problemErrors(pages.invalidField, result.problems, m),
        message: null
      });
    case 'conflict':
      return refuseOutcome(locale, 'not_found');
  }
}

export async function saveAction<T extends Place, F>(pages: PlacePages<T, F>, event: Event, id: string) {
  const { account, form } = await readEditorForm(event);
  const { locale } = event.locals;
  const m = messagesFor(locale).consolePlaces;
  const found = await pages.service().find(account, event.params.edition, id);
  if (found.status !== 'found') return refuseOutcome(locale, found.status, `${pages.kind}.not_found`);
  const { locales } = found.programme.edition;
  const { input, values } = pages.read(form, locales);
  const version = readVersion(form);
  if (version === null)
    return placeProblem(400, { action: 'save', values, errors: {}, message: m.errors['edit.invalid_version'] });
  const result = orRefuse(
    await pages.service().update(account, event.params.edition, id, version, input),
    locale,
    `${pages.kind}.not_found`
  );
  switch (result.status) {
    case 'saved':
      redirect(303, `${listPath(pages, event)}/${id}?notice=saved`);
      break;
    case 'invalid':
      return placeProblem(400, {
        action: 'save',
        values,
        errors: problemErrors(pages.invalidField, result.problems, m),
        message: null
      });
    case 'conflict': {
      const theirs = pages.values(result.current);
      return placeProblem(409, {
        action: 'save',
        values: { ...values, version: String(result.current.version) },
        errors: {},
        message: null,
        conflict: pages.conflictRows(theirs, values, locales, locale)
      });
    }
  }
}

export async function deleteAction<T extends Place, F>(pages: PlacePages<T, F>, event: Event, id: string) {
  const { account, form } = await readEditorForm(event);
  const { locale } = event.locals;
  const m = messagesFor(locale).consolePlaces;
  const version = readVersion(form);
  if (version === null)
    return placeProblem<F>(400, { action: 'delete', errors: {}, message: m.errors['edit.invalid_version'] });
  if (form.get('confirm') !== 'on')
    return placeProblem<F>(400, {
      action: 'delete',
      errors: { confirm: m.errors['edit.delete_unconfirmed'] },
      message: null
    });
  const result = await pages.service().remove(account, event.params.edition, id, version);
  return afterChange(pages, event, result, 'delete', id);
}

export async function restoreAction<T extends Place, F>(pages: PlacePages<T, F>, event: Event) {
  const { account, form } = await readEditorForm(event);
  const m = messagesFor(event.locals.locale).consolePlaces;
  const id = readId(form, 'id');
  const version = readVersion(form);
  if (version === null)
    return placeProblem<F>(400, { action: 'list', errors: {}, message: m.errors['edit.invalid_version'] });
  const result = await pages.service().restore(account, event.params.edition, id, version);
  return afterChange(pages, event, result, 'restore', id);
}

function afterChange<T extends Place, F>(
  pages: PlacePages<T, F>,
  event: Event,
  outcome: PlaceEditResult<T>,
  change: 'delete' | 'restore',
  id: string
) {
  const { locale } = event.locals;
  const m = messagesFor(locale).consolePlaces;
  const result = orRefuse(outcome, locale, `${pages.kind}.not_found`);
  switch (result.status) {
    case 'saved':
      redirect(
        303,
        change === 'delete'
          ? `${listPath(pages, event)}?notice=deleted#deleted`
          : `${listPath(pages, event)}/${id}?notice=restored`
      );
      break;
    case 'conflict':
      return placeProblem<F>(409, {
        action: change === 'delete' ? 'delete' : 'list',
        errors: {},
        message: m.errors['edit.stale_state']
      });
    case 'invalid':
      return placeProblem<F>(400, { action: 'list', errors: {}, message: m.errors[`${pages.kind}.invalid_field`] });
  }
}

export async function moveAction<T extends Place, F>(pages: PlacePages<T, F>, event: Event) {
  const { account, form } = await readEditorForm(event);
  const { locale } = event.locals;
  const m = messagesFor(locale).consolePlaces;
  const id = readId(form, 'id');
  const direction = readDirection(form);
  if (!isMoveDirection(direction))
    return placeProblem<F>(400, { action: 'list', errors: {}, message: m.errors['edit.invalid_move'] });
  const outcome = orRefuse(
    await pages.service().move(account, event.params.edition, id, direction),
    locale,
    `${pages.kind}.not_found`
  );
  switch (outcome) {
    case 'saved':
    case 'unchanged':
      redirect(303, `${listPath(pages, event)}?notice=${outcome === 'saved' ? 'moved' : 'unchanged'}#record-${id}`);
      break;
  }
}
