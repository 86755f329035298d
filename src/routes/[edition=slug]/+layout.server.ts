import { error } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params }) => {
  const programme = await appContext().programmes.publishedProgramme(params.edition);
  if (!programme) error(404, 'edition.not_found');
  // One query for every session's broadcast (live now, replay), shared by the home, programme and session pages.
  const broadcasts = await appContext().broadcastControl.editionBroadcasts(programme.edition.id);
  return { programme, broadcasts };
};
