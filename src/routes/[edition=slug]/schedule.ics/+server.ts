import { programmeToIcs } from '$lib/domain/exports/ics';
import { exportResponse } from '$lib/server/http/exportResponse';
import { editionForExport } from '$lib/server/http/editionForExport';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { programme, options } = await editionForExport(event);
  return exportResponse(programmeToIcs(programme, options), 'text/calendar', `${programme.edition.slug}.ics`);
};
