/**
 * The organisers' export: the public frab schedule exactly as
 * `programmeToFrabJson` writes it (so conference apps and the c3voc
 * validator read it as before), plus `schedule["x-madang"]`, which holds
 * the whole programme losslessly for `importFrabSchedule`.
 *
 * It sits on `schedule`, not `schedule.conference`, because the frab schema
 * allows extra properties only there (Conference, Day, Event and Room are
 * closed). It contains draft sessions and every translation, so it is for
 * the console's export button, never for the public `schedule.json` route.
 */
import { programmeToFrabJson, type FrabSchedule } from '../exports/frabSchedule.js';
import type { ExportOptions } from '../exports/publishedSessions.js';
import type { Programme } from '../programme.js';
import { conferenceSha1, madangExtensionOf, type MadangExtension } from './madangExtension.js';

export interface MadangFrabSchedule {
  readonly schedule: FrabSchedule['schedule'] & { readonly 'x-madang': MadangExtension };
}

export function programmeToMadangFrabJson(programme: Programme, options: ExportOptions): MadangFrabSchedule {
  const { schedule } = programmeToFrabJson(programme, options);
  return {
    schedule: {
      ...schedule,
      'x-madang': madangExtensionOf(programme, conferenceSha1(schedule.conference))
    }
  };
}
