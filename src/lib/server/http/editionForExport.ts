import { error, type RequestEvent } from '@sveltejs/kit';
import type { ExportOptions } from '../../domain/exports/publishedSessions.js';
import type { Programme } from '../../domain/programme.js';
import { appContext } from '../context.js';
import { publicOrigin } from './origin.js';

/** The published programme an export route is about, or the 404 page. */
export async function editionForExport(
  event: Pick<RequestEvent, 'url' | 'locals'> & { params: { edition: string } }
): Promise<{ programme: Programme; options: ExportOptions }> {
  const { programmes } = appContext();
  const programme = await programmes.publishedProgramme(event.params.edition);
  if (!programme) error(404, 'edition.not_found');
  return {
    programme,
    options: { baseUrl: publicOrigin(event.url), locale: event.locals.locale, now: programme.edition.updatedAt }
  };
}
