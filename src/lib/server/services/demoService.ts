/**
 * Loads the built-in demo forum (Seoul 2020) into an empty database, so a
 * first `npm start` shows a real programme. The demo is a schedule file read
 * through the importer (`demo/demoProgramme.ts`); a broken file stops the
 * start with a `DemoScheduleError` naming the problem.
 */
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import { demoScheduleFile, readDemoProgramme } from '../demo/demoProgramme.js';

/** Returns the demo's edition slug when it was loaded, null when the database already had data. */
export async function loadDemoIfEmpty(
  programmes: ProgrammeRepository,
  file: URL = demoScheduleFile
): Promise<string | null> {
  if (await programmes.hasAnyEdition()) return null;
  const demo = await readDemoProgramme(file);
  await programmes.saveProgramme(demo);
  return demo.edition.slug;
}
