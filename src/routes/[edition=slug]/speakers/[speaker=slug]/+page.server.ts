import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
  const { programme } = await parent();
  const speaker = programme.speakers.find((s) => s.id === params.speaker);
  if (!speaker) error(404, 'speaker.not_found');
  return { speaker };
};
