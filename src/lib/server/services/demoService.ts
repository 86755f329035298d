/**
 * Loads the built-in demo forum (Seoul 2020) into an empty database, so a
 * first `npm start` shows a real programme.
 */
import type { ProgrammeRepository } from '../db/programmeRepository.js';
import { seoul2020Programme } from '../demo/seoul2020.js';

/** Returns the demo's edition slug when it was loaded, null when the database already had data. */
export async function loadDemoIfEmpty(programmes: ProgrammeRepository): Promise<string | null> {
  if (await programmes.hasAnyEdition()) return null;
  const demo = seoul2020Programme();
  await programmes.saveProgramme(demo);
  return demo.edition.slug;
}
