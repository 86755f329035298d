import { programmeToFrabJson } from '$lib/domain/exports/frabSchedule';
import { exportResponse } from '$lib/server/http/exportResponse';
import { editionForExport } from '$lib/server/http/editionForExport';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { programme, options } = await editionForExport(event);
  const body = JSON.stringify(programmeToFrabJson(programme, options), null, 2);
  return exportResponse(body, 'application/json', `${programme.edition.slug}-schedule.json`);
};
