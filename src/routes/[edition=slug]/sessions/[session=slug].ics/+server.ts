import { error } from '@sveltejs/kit';
import { sessionToIcs } from '$lib/domain/exports/ics';
import { exportResponse } from '$lib/server/http/exportResponse';
import { editionForExport } from '$lib/server/http/editionForExport';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { programme, options } = await editionForExport(event);
  const calendar = sessionToIcs(programme, event.params.session, options);
  if (calendar === null) error(404, 'session.not_found');
  return exportResponse(calendar, 'text/calendar', `${event.params.session}.ics`);
};
