import { error } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import { publicOrigin } from '$lib/server/http/origin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url }) => {
  const { programme } = await parent();
  const session = programme.sessions.find((s) => s.id === params.session);
  if (!session) error(404, 'session.not_found');
  return { session, origin: publicOrigin(url), now: appContext().programmes.now() };
};
