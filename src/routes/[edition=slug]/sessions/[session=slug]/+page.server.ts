import { error } from '@sveltejs/kit';
import { jsonLdScript, sessionJsonLd } from '$lib/domain/exports/eventJsonLd';
import { appContext } from '$lib/server/context';
import { publicOrigin } from '$lib/server/http/origin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url, locals }) => {
  const { programme } = await parent();
  const session = programme.sessions.find((s) => s.id === params.session);
  if (!session) error(404, 'session.not_found');
  const origin = publicOrigin(url);
  // Serialised here, escaped for a <script> element, so the page only places it.
  const event = sessionJsonLd(programme, session.id, { baseUrl: origin, locale: locals.locale });
  return { session, origin, now: appContext().programmes.now(), jsonLd: event ? jsonLdScript(event) : null };
};
