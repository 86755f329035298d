/**
 * The built-in demo forum, the 2020 Seoul Smart City Leaders Forum, is data:
 * `seoul-2020.schedule.json`, a schedule in Madang's own export format (frab
 * JSON with the lossless `x-madang` extension), read through the same
 * importer as the console's import, so every first start proves that path.
 *
 * Unlike the console's import (a draft copy with fresh ids), the demo keeps
 * the file's ids and is published: links and end-to-end tests visit its
 * fixed addresses (`/seoul-2020/sessions/d2-keynote`). What an export leaves
 * to whoever imports it (the edition's id, slug, state and last change) is
 * set here; everything else, both languages and the "illustrative"
 * placeholders included, is in the file.
 *
 * The file is read at run time next to this module (the process runs it
 * with tsx; the SvelteKit bundle never loads the demo). To change the demo,
 * edit `schedule["x-madang"]` and run `npm run demo:rewrite`, which writes
 * the frab part and its fingerprint again from it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importFrabScheduleText } from '../../domain/imports/importFrabSchedule.js';
import type { ImportTarget } from '../../domain/imports/importTarget.js';
import type { Programme } from '../../domain/programme.js';

export const demoScheduleFile = new URL('./seoul-2020.schedule.json', import.meta.url);

/** How the file's frab part is written (`npm run demo:rewrite`): English titles, the placeholder origin of the demo's own site channel. */
export const demoExportOptions = { baseUrl: 'https://madang.example', locale: 'en' } as const;

/** The demo's own edition, as it always was: the file's ids (no prefix), its series and organisation, public. */
const demoTarget: ImportTarget = { editionId: 'seoul-2020', slug: 'seoul-2020', idPrefix: '', state: 'published' };
/** The programme as it stood when the forum went out. */
const demoUpdatedAt = new Date('2020-09-21T00:00:00Z');

/** The demo file cannot be read or imported; the message is one line naming the file and the first problem. */
export class DemoScheduleError extends Error {
  override readonly name = 'DemoScheduleError';
}

/** The demo programme from the file's text (`file` names it in errors); a new object on every call. */
export function demoProgrammeFromText(text: string, file: string): Programme {
  const result = importFrabScheduleText(text, demoTarget, { now: demoUpdatedAt });
  if (!result.ok) {
    const [first, ...rest] = result.errors;
    const problem = first
      ? `${first.path ? `${first.path}: ` : ''}${first.message} [${first.code}]`
      : 'no reason given';
    const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
    throw new DemoScheduleError(oneLine(`the demo file ${file} cannot be loaded: ${problem}${more}`));
  }
  if (result.source !== 'madang') {
    throw new DemoScheduleError(
      `the demo file ${file} has no "x-madang" data; without it the demo would lose its translations and placeholders`
    );
  }
  return result.programme;
}

export async function readDemoProgramme(file: URL = demoScheduleFile): Promise<Programme> {
  const path = fileURLToPath(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DemoScheduleError(
      oneLine(`cannot read the demo file ${path}: ${error instanceof Error ? error.message : String(error)}`)
    );
  }
  return demoProgrammeFromText(text, path);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
