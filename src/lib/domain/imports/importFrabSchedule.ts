/**
 * The one way into the programme from a schedule file: frab or pretalx
 * schedule JSON, with or without Madang's lossless `x-madang` extension.
 * Checks run from cheap to dear (target, size, frab shape, extension,
 * meaning) and the first stage that fails answers with its errors; the
 * result is a whole programme or nothing, and bad input never throws.
 */
import { frabScheduleInput } from './frabInput.js';
import { checkJsonBounds, importLimits } from './importLimits.js';
import { failed, formatCount, importError, type ImportResult } from './importResult.js';
import { resolveTarget, type ImportOptions, type ImportTarget, type ResolvedTarget } from './importTarget.js';
import {
  conferenceSha1,
  madangExtensionHeader,
  madangExtensionKey,
  madangExtensionSchema,
  madangExtensionVersion
} from './madangExtension.js';
import { programmeFromFrab } from './programmeFromFrab.js';
import { programmeFromMadang } from './programmeFromMadang.js';
import { errorsFromIssues } from './schemaErrors.js';

const extensionPath = ['schedule', madangExtensionKey] as const;

/** Imports parsed JSON (`json` is whatever `JSON.parse` gave). */
export function importFrabSchedule(json: unknown, target: ImportTarget, options: ImportOptions = {}): ImportResult {
  const resolved = resolveTarget(target, options);
  if (Array.isArray(resolved)) return failed(resolved);
  const bounds = checkJsonBounds(json);
  if (bounds) return failed([bounds]);

  const parsed = frabScheduleInput.safeParse(json);
  if (!parsed.success) return failed(errorsFromIssues(parsed.error.issues, json, [], 'import.not_frab'));
  const extension = parsed.data.schedule[madangExtensionKey];
  if (extension === undefined) return programmeFromFrab(parsed.data, resolved);
  return importMadangExtension(json, extension, resolved);
}

/**
 * Imports the text of an uploaded file: refuses an oversized one before
 * parsing it, and says where JSON that does not parse goes wrong.
 */
export function importFrabScheduleText(text: string, target: ImportTarget, options: ImportOptions = {}): ImportResult {
  if (text.length > importLimits.maxChars) {
    return failed([
      importError(
        'import.too_large',
        '',
        `The file has ${formatCount(text.length)} characters; Madang imports schedules of at most ${formatCount(importLimits.maxChars)}. Split the programme or remove long texts.`
      )
    ]);
  }
  let json: unknown;
  try {
    // Editors on Windows often save JSON with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    return failed([
      importError(
        'import.not_json',
        '',
        `The file is not valid JSON${detail}. Export the schedule again as JSON from frab, pretalx or Madang.`
      )
    ]);
  }
  return importFrabSchedule(json, target, options);
}

function importMadangExtension(json: unknown, extension: unknown, target: ResolvedTarget): ImportResult {
  const header = madangExtensionHeader.safeParse(extension);
  if (!header.success) {
    return failed(errorsFromIssues(header.error.issues, json, extensionPath, 'import.bad_extension'));
  }
  if (header.data.version !== madangExtensionVersion) {
    return failed([
      importError(
        'import.unsupported_extension',
        'schedule["x-madang"].version',
        `The Madang data in this file is format ${String(header.data.version)}; this Madang reads format ${madangExtensionVersion}. ` +
          'Import it into a newer Madang, or delete "x-madang" from the file to import the frab schedule alone (translations and drafts are then lost).'
      )
    ]);
  }
  const parsed = madangExtensionSchema.safeParse(extension);
  if (!parsed.success) {
    return failed(errorsFromIssues(parsed.error.issues, json, extensionPath, 'import.bad_extension'));
  }

  // The frab part is what people edit by hand; if it changed, the extension
  // would silently overwrite those edits, so say so instead.
  const conference = (json as { schedule: { conference: unknown } }).schedule.conference;
  if (conferenceSha1(conference) !== parsed.data.conferenceSha1) {
    return failed([
      importError(
        'import.extension_mismatch',
        'schedule["x-madang"].conferenceSha1',
        'The schedule in this file was changed after Madang exported it, so its Madang data (translations, drafts and other details) no longer matches it. ' +
          'Import the file as Madang exported it, or delete "x-madang" from the file to import the changed schedule alone.'
      )
    ]);
  }
  return programmeFromMadang(parsed.data, target);
}
