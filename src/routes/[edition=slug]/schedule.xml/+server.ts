import { programmeToFrabXml } from '$lib/domain/exports/frabXml';
import { exportResponse } from '$lib/server/http/exportResponse';
import { editionForExport } from '$lib/server/http/editionForExport';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { programme, options } = await editionForExport(event);
  return exportResponse(
    programmeToFrabXml(programme, options),
    'application/xml',
    `${programme.edition.slug}-schedule.xml`
  );
};
