/**
 * Where an outcome becomes HTTP: one table from every error code the
 * domain and the services produce to its HTTP status (docs/errors.md lists
 * the same codes with the same statuses, and errorCatalogue.test.ts holds
 * the two together), and the few functions routes call to answer with it —
 * the error page for a refusal the form cannot fix, a form failure with the
 * code's status, and a service's `forbidden` / `not_found` outcome as the
 * 403 or 404 page. Routes never choose a status themselves.
 */
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locale.js';
import { messagesFor, type Messages } from '../../i18n/messages.js';

/** Code → HTTP status, in the order of docs/errors.md. Codes that never reach HTTP (ingest, media, hub frames) are not here. */
export const errorStatus = {
  'edition.not_found': 404,
  'session.not_found': 404,
  'speaker.not_found': 404,
  'session.invalid_field': 400,
  'session.title_required': 400,
  'session.unknown_day': 400,
  'session.day_deleted': 400,
  'session.unknown_stage': 400,
  'session.unknown_channel': 400,
  'session.ends_before_start': 400,
  'edit.conflict': 409,
  'edit.invalid_version': 400,
  'edit.delete_unconfirmed': 400,
  'edit.invalid_move': 400,
  'programme_item.invalid_field': 400,
  'programme_item.title_required': 400,
  'programme_item.unknown_speaker': 400,
  'programme_item.time_incomplete': 400,
  'programme_item.ends_before_start': 400,
  'programme_item.outside_session': 400,
  'programme_item.not_found': 404,
  'city.invalid_field': 400,
  'city.name_required': 400,
  'city.unknown_country': 400,
  'city.unknown_zone': 400,
  'city.not_found': 404,
  'channel.invalid_field': 400,
  'channel.name_required': 400,
  'channel.url_required': 400,
  'channel.url_not_absolute': 400,
  'channel.url_scheme': 400,
  'channel.url_invalid': 400,
  'channel.not_found': 404,
  'edit.stale_state': 409,
  'speaker.invalid_field': 400,
  'speaker.name_required': 400,
  'speaker.unknown_city': 400,
  'speaker.invalid_language': 400,
  'speaker.photo_missing': 400,
  'speaker.conflict': 409,
  'edition.invalid_field': 400,
  'edition.slug_taken': 400,
  'edition.slug_reserved': 400,
  'edition.slug_locked': 400,
  'edition.unknown_zone': 400,
  'edition.default_locale_not_offered': 400,
  'edition.title_required': 400,
  'edition.ends_before_start': 400,
  'edition.days_outside_dates': 400,
  'edition.locale_has_translations': 400,
  'edition.delete_unconfirmed': 400,
  'day.invalid_field': 400,
  'day.title_required': 400,
  'day.locale_not_offered': 400,
  'day.outside_edition': 400,
  'day.has_sessions': 400,
  'day.date_has_sessions': 400,
  'day.not_found': 404,
  'photo.empty': 400,
  'photo.too_large': 413,
  'photo.unsupported_type': 415,
  'photo.not_an_image': 415,
  'photo.too_many_pixels': 422,
  'import.too_large': 413,
  'import.file_missing': 400,
  'import.slug_invalid': 400,
  'import.slug_taken': 409,
  'import.unknown_zone': 400,
  'import.locale_invalid': 400,
  'import.ids_taken': 400,
  'auth.forbidden': 403,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.rate_limited': 429,
  'auth.csrf': 403,
  'auth.signed_out': 401,
  'auth.wrong_password': 400,
  'email.invalid': 400,
  'display_name.invalid': 400,
  'password.too_short': 400,
  'password.too_long': 400,
  'password.too_common': 400,
  'account.email_taken': 409,
  'role.invalid': 400,
  'role_grant.not_found': 404,
  'invitation.invalid': 404,
  'invitation.expired': 410,
  'invitation.used': 410,
  'invitation.wrong_account': 403,
  'invitation.sign_in_required': 403,
  'invitation.edition_unknown': 400,
  'password_reset.invalid': 404,
  'password_reset.expired': 410,
  'password_reset.used': 410,
  'setup.invalid': 404,
  'setup.expired': 410,
  'setup.used': 410,
  'setup.done': 410,
  'mail.not_sent': 502,
  'oidc.not_configured': 404,
  'oidc.issuer_refused': 401,
  'oidc.state_invalid': 400,
  'oidc.expired': 400,
  'oidc.exchange_failed': 401,
  'oidc.unreachable': 502,
  'oidc.email_unverified': 403,
  'oidc.no_account': 403,
  'oidc.linked_elsewhere': 403,
  'participation.too_fast': 429,
  'panel.not_found': 404,
  'question.invalid_field': 400,
  'question.text_required': 400,
  'question.text_too_long': 400,
  'question.name_too_long': 400,
  'question.not_found': 404,
  'question.not_votable': 409,
  'question.conflict': 409,
  'question.not_allowed_now': 409,
  'question.merge_into_itself': 409,
  'question.merge_target_unavailable': 409,
  'question.settings_conflict': 409,
  'poll.not_found': 404,
  'poll.invalid_field': 400,
  'poll.question_required': 400,
  'poll.option_required': 400,
  'poll.too_few_options': 400,
  'poll.too_many_options': 400,
  'poll.max_choices_invalid': 400,
  'poll.invalid_version': 400,
  'poll.delete_unconfirmed': 400,
  'poll.conflict': 409,
  'poll.not_draft': 409,
  'poll.invalid_transition': 409,
  'poll.closed': 409,
  'poll.no_choice': 400,
  'poll.unknown_option': 400,
  'poll.one_choice_only': 400,
  'poll.too_many_choices': 400,
  'poll.invalid_answer': 400,
  'chat.name_required': 400,
  'chat.name_too_long': 400,
  'chat.text_required': 400,
  'chat.text_too_long': 400,
  'chat.invalid_key': 400,
  'chat.muted': 403,
  'chat.slow_mode': 429,
  'chat.invalid_reaction': 400,
  'chat.invalid_slow_mode': 400,
  'chat.message_not_found': 404,
  'chat.participant_not_found': 404,
  'chat.word_filter_word_too_long': 400,
  'chat.word_filter_too_many': 400,
  'chat.word_filter_invalid': 400,
  'chat.word_filter_version': 400,
  'chat.word_filter_conflict': 409,
  'destination.name_required': 400,
  'destination.name_too_long': 400,
  'destination.url_required': 400,
  'destination.url_too_long': 400,
  'destination.url_scheme': 400,
  'destination.url_invalid': 400,
  'destination.url_credentials': 400,
  'destination.key_required': 400,
  'destination.key_too_long': 400,
  'destination.key_invalid': 400,
  'destination.form_invalid': 400,
  'destination.conflict': 409,
  'destination.not_found': 404,
  'broadcast.not_published': 409,
  'broadcast.no_stage': 409,
  'broadcast.stage_busy': 409,
  'broadcast.already_live': 409,
  'broadcast.already_ended': 409,
  'broadcast.not_live': 409,
  'broadcast.confirm_needed': 400,
  'broadcast.session_unknown': 404,
  'broadcast.no_replay': 404,
  'stage.not_found': 404,
  'import.not_json': 400,
  'import.text_too_long': 400,
  'import.not_frab': 400,
  'import.bad_extension': 400,
  'import.unsupported_extension': 400,
  'import.extension_mismatch': 400,
  'import.bad_date': 400,
  'import.bad_time': 400,
  'import.bad_duration': 400,
  'import.duplicate_id': 400,
  'import.unknown_room': 400,
  'import.unknown_reference': 400,
  'import.bad_target': 400,
  'import.more_errors': 400
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;
export type ErrorStatus = (typeof errorStatus)[ErrorCode];

/** The codes that name a missing record: a service's `not_found` outcome becomes one of these pages. */
export type NotFoundCode = Extract<ErrorCode, `${string}.not_found`>;

/** A service's refusals that the form cannot fix. */
export type Refusal = 'forbidden' | 'not_found';

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorStatus, code);
}

export function statusOf(code: ErrorCode): ErrorStatus {
  return errorStatus[code];
}

/**
 * Every catalogue of error messages, in the order a code's message is
 * looked up. A few codes (`edit.conflict`, `edit.delete_unconfirmed` …)
 * say something different per page; their forms pass their own message.
 */
function catalogues(m: Messages): readonly Readonly<Record<string, unknown>>[] {
  return [
    m.console.errors,
    m.consoleProgramme.errors,
    m.consoleEdition.errors,
    m.consolePlaces.errors,
    m.consoleSpeakers.errors,
    m.consoleImport.errors,
    m.questions.errors,
    m.polls.errors,
    m.chat.errors,
    m.destinations.errors,
    m.broadcast.errors
  ];
}

/** The code's sentence in the reader's language (the general error text for a code whose sentence needs details). */
export function errorMessage(locale: Locale, code: ErrorCode): string {
  const m = messagesFor(locale);
  for (const catalogue of catalogues(m)) {
    const message = catalogue[code];
    if (typeof message === 'string') return message;
  }
  return m.errorText;
}

/** The error page for a refusal the form cannot fix: the code's status, and its sentence unless the caller words it. */
export function refuse(locale: Locale, code: ErrorCode, message: string = errorMessage(locale, code)): never {
  error(statusOf(code), { message, code });
}

/** The plain 404 page, for an address that names nothing (an unknown or deleted edition). */
export function pageNotFound(locale: Locale): never {
  error(404, { message: messagesFor(locale).notFoundTitle });
}

/**
 * A service's `forbidden` or `not_found` outcome as its page: 403 with
 * `auth.forbidden`, or 404 naming what is missing (`missing`), or the
 * plain 404 page when the address itself names nothing.
 */
export function refuseOutcome(locale: Locale, refusal: Refusal, missing?: NotFoundCode): never {
  if (refusal === 'forbidden') refuse(locale, 'auth.forbidden');
  if (missing) refuse(locale, missing);
  pageNotFound(locale);
}

type Outcome = string | { readonly status: string };
type Accepted<T> = T extends string ? Exclude<T, Refusal> : Exclude<T, { readonly status: Refusal }>;

/**
 * A service's result once its refusals have become pages (`refuseOutcome`),
 * so the route's switch handles only what its form can show.
 */
export function orRefuse<T extends Outcome>(outcome: T, locale: Locale, missing?: NotFoundCode): Accepted<T> {
  const status = typeof outcome === 'string' ? outcome : outcome.status;
  if (status === 'forbidden' || status === 'not_found') refuseOutcome(locale, status, missing);
  return outcome as Accepted<T>;
}

/** A form's failure with the code's status; the data carries what the page shows (values, messages). */
export function failWith<T extends Record<string, unknown>>(code: ErrorCode, data: T): ActionFailure<T> {
  return fail(statusOf(code), data);
}
