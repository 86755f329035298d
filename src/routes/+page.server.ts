import { appContext } from '$lib/server/context';
import type { PageServerLoad } from './$types';

/** `/` shows the current edition itself (no redirect), or says that none is published. */
export const load: PageServerLoad = async () => {
  const { programmes } = appContext();
  const slug = await programmes.currentEditionSlug();
  const programme = slug ? await programmes.publishedProgramme(slug) : null;
  return { programme, now: programmes.now() };
};
