/**
 * `npm run demo:rewrite`: after an edit to the demo's `schedule["x-madang"]`
 * (the data the demo loads), writes src/lib/server/demo/seoul-2020.schedule.json
 * again exactly as Madang exports it, so its frab part and fingerprint follow
 * the edit. The file is read through the demo loader first, so a file it
 * cannot load is reported, not rewritten. The frab part is the export's
 * output: edit the extension, never the frab part.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { programmeToMadangFrabJson } from '../src/lib/domain/imports/programmeToMadangFrabJson.js';
import {
  DemoScheduleError,
  demoExportOptions,
  demoScheduleFile,
  readDemoProgramme
} from '../src/lib/server/demo/demoProgramme.js';

const path = fileURLToPath(demoScheduleFile);
try {
  const programme = await readDemoProgramme();
  const json = programmeToMadangFrabJson(programme, { ...demoExportOptions, now: programme.edition.updatedAt });
  const text = await format(JSON.stringify(json, null, 2), { ...(await resolveConfig(path)), filepath: path });
  await writeFile(path, text);
  process.stdout.write(`wrote ${path}\n`);
} catch (error) {
  if (!(error instanceof DemoScheduleError)) throw error;
  process.stderr.write(`demo:rewrite: ${error.message}\n`);
  process.exit(1);
}
