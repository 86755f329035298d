/**
 * Schema failures as import errors a person can act on: zod's issues get a
 * stable code (text too long, list too large, or the part of the file that
 * has the wrong shape) and a sentence that names the event, day or record
 * and says what was expected and what the file has instead.
 */
import type { z } from 'zod';
import {
  formatCount,
  formatPath,
  importError,
  importErrorCodes,
  type ImportError,
  type ImportErrorCode
} from './importResult.js';
import { labelAt, valueAt } from './recordLabels.js';

/**
 * `root` is the whole raw file, so labels can be looked up; `base` is where
 * the value zod checked sits in it (`['schedule', 'x-madang']` for the
 * extension). `shapeCode` is the code for a field of the wrong shape.
 */
export function errorsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  base: readonly PropertyKey[],
  shapeCode: Extract<ImportErrorCode, 'import.not_frab' | 'import.bad_extension'>
): ImportError[] {
  const errors = issues.map((issue) => errorFromIssue(issue, root, [...base, ...issue.path], shapeCode));
  // A file refused for its size needs nothing else said about it.
  const tooLarge = errors.filter((e) => e.code === 'import.too_large');
  return tooLarge.length > 0 ? tooLarge : errors;
}

function errorFromIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
  path: readonly PropertyKey[],
  shapeCode: ImportErrorCode
): ImportError {
  const where = formatPath(path);
  const value = valueAt(root, path);
  if (path.length === 0) {
    return importError(
      'import.not_frab',
      '',
      `The file is not a frab or pretalx schedule: it should be a JSON object with a "schedule" property, but it is ${kindOf(value)}.`
    );
  }
  if (where === 'schedule' && value === undefined) {
    return importError(
      'import.not_frab',
      where,
      'The file has no "schedule" object, so it is not a frab or pretalx schedule export. Export the schedule as JSON from frab or pretalx and import that file.'
    );
  }
  const subject = subjectOf(root, path);
  switch (issue.code) {
    case 'too_big': {
      if (issue.origin === 'string') {
        const length = typeof value === 'string' ? value.length : 0;
        return importError(
          'import.text_too_long',
          where,
          `${subject} is ${formatCount(length)} characters long; the limit is ${formatCount(Number(issue.maximum))}. Shorten it and import again.`
        );
      }
      if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : 0;
        return importError(
          'import.too_large',
          where,
          `${subject} has ${formatCount(count)} ${listNoun(path)}; Madang imports at most ${formatCount(Number(issue.maximum))}. Split the programme into smaller files.`
        );
      }
      return importError(shapeCode, where, `${subject} is too large (at most ${String(issue.maximum)}).`);
    }
    case 'invalid_type':
      return importError(
        shapeCode,
        where,
        value === undefined
          ? `${subject} is missing; it should be ${expectedName(issue.expected)}.`
          : `${subject} should be ${expectedName(issue.expected)}, but it is ${kindOf(value)}.`
      );
    case 'invalid_union':
      return importError(shapeCode, where, `${subject} should be a whole number or text, but it is ${kindOf(value)}.`);
    case 'invalid_value':
      return importError(
        shapeCode,
        where,
        `${subject} is ${describeValue(value)}; it should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`
      );
    case 'too_small':
      return importError(shapeCode, where, `${subject} must not be empty.`);
    case 'invalid_format':
      // Our own schemas word these to follow the subject: "is not a language tag …".
      return importError(shapeCode, where, `${subject} ${issue.message}.`);
    case 'custom':
      return importError(codeFromParams(issue.params) ?? shapeCode, where, `${subject} ${issue.message}.`);
    case 'invalid_key': {
      // The key itself is wrong: a room name too long, a translation under
      // something that is not a language tag.
      const [reason] = issue.issues;
      if (reason?.code === 'too_big') {
        const key = path[path.length - 1];
        return importError(
          'import.text_too_long',
          where,
          `${subject} has a name of ${formatCount(String(key).length)} characters; the limit is ${formatCount(Number(reason.maximum))}.`
        );
      }
      const because = reason?.code === 'invalid_format' ? reason.message : 'is not allowed here';
      return importError(shapeCode, where, `${subject} ${because}.`);
    }
    case 'not_multiple_of':
    case 'unrecognized_keys':
    case 'invalid_element':
      return importError(shapeCode, where, `${subject} is not valid: ${issue.message}.`);
  }
}

/** A refinement can name its own code, e.g. `params: { code: 'import.bad_time' }`. */
function codeFromParams(params: Record<string, unknown> | undefined): ImportErrorCode | null {
  const code = params?.code;
  return importErrorCodes.find((known) => known === code) ?? null;
}

/** "Event 12 'Keynote': the title" when a record is known, else the path. */
function subjectOf(root: unknown, path: readonly PropertyKey[]): string {
  const found = labelAt(root, path);
  if (!found) return formatPath(path);
  const rest = path.slice(found.depth);
  return rest.length === 0 ? found.label : `${found.label}: ${formatPath(rest).replace(/^\[/, 'field [')}`;
}

function listNoun(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (parent === 'rooms' && typeof last === 'string') return 'events';
  if (last === 'persons') return 'people';
  if (typeof last === 'string') return last.replace(/([A-Z])/g, ' $1').toLowerCase();
  return 'entries';
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'an object',
    record: 'an object',
    array: 'a list',
    null: 'null'
  };
  return names[expected] ?? expected;
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number with a fraction';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'an object';
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : kindOf(value);
}
