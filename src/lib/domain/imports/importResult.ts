/**
 * What a programme import answers: the whole programme or a list of errors,
 * never both and never a part. Owns the error codes of `importFrabSchedule`
 * (stable, never reused; the edge maps them to a status and a translated
 * message, the English `message` here is for logs and for the first cut of
 * the console).
 */
import type { Programme } from '../programme.js';

export const importErrorCodes = [
  /** The text is not JSON, or a value is not plain JSON data. */
  'import.not_json',
  /** The file, or a list in it, is bigger than Madang takes in one import. */
  'import.too_large',
  /** One text (title, abstract, biography …) is longer than its limit. */
  'import.text_too_long',
  /** The frab part does not have the shape of a frab/pretalx schedule. */
  'import.not_frab',
  /** `schedule["x-madang"]` does not have the shape Madang writes. */
  'import.bad_extension',
  /** `schedule["x-madang"]` was written in a format this Madang cannot read. */
  'import.unsupported_extension',
  /** The frab part was changed after export, so the extension no longer describes it. */
  'import.extension_mismatch',
  /** Not a calendar date, or an end date before the start date. */
  'import.bad_date',
  /** Not a time of day, or not a date and time. */
  'import.bad_time',
  /** A duration that is malformed, negative, zero or longer than a week; an end before a start. */
  'import.bad_duration',
  /** A time zone that is not an IANA zone, or none at all. */
  'import.unknown_zone',
  /** Two records with the same identity. */
  'import.duplicate_id',
  /** An event in a room the schedule does not list. */
  'import.unknown_room',
  /** A record in the extension that names a record the extension does not contain. */
  'import.unknown_reference',
  /** The import target or options themselves are not valid (a caller's mistake). */
  'import.bad_target',
  /** The list was cut short; says how many more problems there are. */
  'import.more_errors',
  /** Every id prefix tried for the new edition met ids in use by another edition. */
  'import.ids_taken'
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

export interface ImportError {
  readonly code: ImportErrorCode;
  /** Where in the file, e.g. `schedule.conference.days[0].rooms["Hall A"][2].start`; '' for the whole file. */
  readonly path: string;
  /** One English sentence or two a person can act on. */
  readonly message: string;
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly programme: Programme;
      /** `madang`: rebuilt from the lossless extension; `frab`: built from the frab part alone. */
      readonly source: 'madang' | 'frab';
    }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

/** The most errors one answer lists; a hostile file could otherwise produce millions. */
export const maxListedErrors = 50;

export function importError(code: ImportErrorCode, path: string, message: string): ImportError {
  return { code, path, message };
}

/** Cuts a long list to `maxListedErrors`, saying how many were left out. */
export function failed(errors: readonly ImportError[]): ImportResult {
  if (errors.length <= maxListedErrors) return { ok: false, errors };
  const rest = errors.length - maxListedErrors;
  return {
    ok: false,
    errors: [
      ...errors.slice(0, maxListedErrors),
      importError(
        'import.more_errors',
        '',
        `…and ${formatCount(rest)} more ${rest === 1 ? 'problem' : 'problems'} not listed here. Fix the ones above and import again to see the rest.`
      )
    ]
  };
}

/**
 * `schedule.conference.days[0].rooms["Hall A"][2]`: how the path reads in
 * JavaScript. Keys come from the file, so a long one is cut to keep a
 * hostile key from filling the error list.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]{0,99}$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key).length > 100 ? `${String(key).slice(0, 99)}…` : String(key))}]`;
  }
  return out;
}

/** `6,000`: counts in messages read like a person writes them. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A file's text quoted for a message: one line, at most 60 characters. */
export function quoted(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return `'${line.length > 60 ? `${line.slice(0, 59)}…` : line}'`;
}
