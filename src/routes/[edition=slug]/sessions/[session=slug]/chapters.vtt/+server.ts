import { error } from '@sveltejs/kit';
import { chaptersOf, chaptersVtt } from '$lib/domain/broadcast/chapters';
import { itemsOfSession } from '$lib/domain/schedule';
import { appContext } from '$lib/server/context';
import type { RequestHandler } from './$types';

/** The replay's chapters (WebVTT), one per programme item; in `?lang=` when the edition has it, else the reader's language. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
  const { programmes, broadcastControl } = appContext();
  const programme = await programmes.publishedProgramme(params.edition);
  const session = programme?.sessions.find((s) => s.id === params.session);
  if (!programme || !session) error(404, 'session.not_found');
  const replay = (await broadcastControl.broadcastView(session.id))?.replay;
  if (!replay) error(404, 'broadcast.no_replay');
  const asked = url.searchParams.get('lang');
  const locale = asked && programme.edition.locales.includes(asked) ? asked : locals.locale;
  const chapters = chaptersOf(itemsOfSession(programme, session.id), replay, locale, programme.edition.defaultLocale);
  return new Response(chaptersVtt(chapters), {
    headers: {
      'content-type': 'text/vtt; charset=utf-8',
      // The programme may still be corrected after the session: cached briefly, like the exports.
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
      'content-language': locale,
      vary: 'Accept-Language, Cookie'
    }
  });
};
