import { error } from '@sveltejs/kit';
import { appContext } from '$lib/server/context';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params }) => {
  const programme = await appContext().programmes.publishedProgramme(params.edition);
  if (!programme) error(404, 'edition.not_found');
  return { programme };
};
