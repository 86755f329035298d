import { appContext } from '$lib/server/context';
import type { PageServerLoad } from './$types';

/** `/` shows the current edition itself (no redirect), or says that none is published. */
export const load: PageServerLoad = async () => {
  const { programmes, broadcastControl } = appContext();
  const slug = await programmes.currentEditionSlug();
  const programme = slug ? await programmes.publishedProgramme(slug) : null;
  const broadcasts = programme ? await broadcastControl.editionBroadcasts(programme.edition.id) : {};
  return { programme, broadcasts, now: programmes.now() };
};
