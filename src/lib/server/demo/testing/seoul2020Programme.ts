/**
 * Test fixture: the built-in demo programme (Seoul 2020, with the ids the
 * demo loads under), read from its schedule file through the importer like
 * the demo loader does. The file is read once; every call builds new objects.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Programme } from '../../../domain/programme.js';
import { demoProgrammeFromText, demoScheduleFile } from '../demoProgramme.js';

const path = fileURLToPath(demoScheduleFile);
const text = readFileSync(path, 'utf8');

export function seoul2020Programme(): Programme {
  return demoProgrammeFromText(text, path);
}
