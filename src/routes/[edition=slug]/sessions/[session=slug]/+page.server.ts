import { error } from '@sveltejs/kit';
import { liveScriptPath } from 'virtual:madang/live-script';
import { playerScriptPath } from 'virtual:madang/player-script';
import { jsonLdScript, sessionJsonLd } from '$lib/domain/exports/eventJsonLd';
import { pickText } from '$lib/domain/localizedText';
import { channelName } from '$lib/domain/realtime/channel';
import { appContext } from '$lib/server/context';
import { publicOrigin } from '$lib/server/http/origin';
import { participationOf } from '$lib/server/participation/participation';
import { loadChatPanel } from '$lib/server/participation/chatPanel';
import { loadPollPanel } from '$lib/server/participation/pollPanel';
import { loadQuestionsPanel } from '$lib/server/participation/questionsPanel';
import { chatActions } from './chatActions';
import { pollActions } from './pollActions';
import { questionActions } from './questionActions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (request) => {
  const { params, parent, url, locals } = request;
  const { programme, broadcasts } = await parent();
  const session = programme.sessions.find((s) => s.id === params.session);
  if (!session) error(404, 'session.not_found');
  const [questions, poll, chat] = await Promise.all([
    loadQuestionsPanel(request, session),
    loadPollPanel(request, session, programme.edition.defaultLocale),
    loadChatPanel(request, session)
  ]);
  const origin = publicOrigin(url);
  // Serialised here, escaped for a <script> element, so the page only places it.
  const event = sessionJsonLd(programme, session.id, { baseUrl: origin, locale: locals.locale });
  const { hub, programmes } = appContext();
  const channel = channelName('session', session.id);
  return {
    session,
    origin,
    now: programmes.now(),
    jsonLd: event ? jsonLdScript(event) : null,
    live: {
      channel,
      base: `/${programme.edition.slug}/sessions/${session.id}`,
      // An O(1) read of the hub's presence table; the live script keeps it current.
      viewers: hub.viewerCount(channel),
      script: liveScriptPath
    },
    broadcast: {
      view: broadcasts[session.id] ?? null,
      // The forum's own site is where this page is; the others are the alternatives.
      outsideChannels: programme.channels
        .filter((c) => c.kind !== 'site' && session.channelIds.includes(c.id))
        .sort((a, b) => a.position - b.position)
        .map((c) => {
          const picked = pickText(c.name, locals.locale, programme.edition.defaultLocale);
          return { name: picked?.text ?? c.url, url: c.url, kind: c.kind, lang: picked && picked.lang !== locals.locale ? picked.lang : undefined };
        }),
      title: pickText(session.title, locals.locale, programme.edition.defaultLocale)?.text ?? '',
      playerScript: playerScriptPath
    },
    participation: participationOf(locals.account, programme.edition, session.id, locals.locale),
    // The features' panel data (questions, poll, chat) replace these placeholders with their loaders.
    questions,
    poll,
    chat
  };
};

export const actions: Actions = { ...questionActions, ...pollActions, ...chatActions };
