import { appContext } from '$lib/server/context';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params, url }) => {
  const { programmes } = appContext();
  const editions = await programmes.listPublishedEditions();
  const slug = 'edition' in params && params.edition ? params.edition : await programmes.currentEditionSlug();
  const edition = editions.find((e) => e.slug === slug) ?? null;
  const query = new URLSearchParams(url.searchParams);
  query.delete('lang');
  return {
    locale: locals.locale,
    viewerZone: locals.viewerZone,
    navEdition: edition ? { slug: edition.slug, title: edition.title } : null,
    path: url.pathname,
    otherParams: query.toString()
  };
};
