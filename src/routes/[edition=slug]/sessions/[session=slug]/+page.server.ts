import { error } from '@sveltejs/kit';
import { liveScriptPath } from 'virtual:madang/live-script';
import { jsonLdScript, sessionJsonLd } from '$lib/domain/exports/eventJsonLd';
import { channelName } from '$lib/domain/realtime/channel';
import { appContext } from '$lib/server/context';
import { publicOrigin } from '$lib/server/http/origin';
import { participationOf } from '$lib/server/services/participation';
import { loadChatPanel } from '$lib/server/services/chatPanel';
import { loadPollPanel } from '$lib/server/services/pollPanel';
import { loadQuestionsPanel } from '$lib/server/services/questionsPanel';
import { chatActions } from './chatActions';
import { playerPanelData } from './playerPanel';
import { pollActions } from './pollActions';
import { questionActions } from './questionActions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (request) => {
  const { params, parent, url, locals } = request;
  const { programme } = await parent();
  const session = programme.sessions.find((s) => s.id === params.session);
  if (!session) error(404, 'session.not_found');
  const { hub, programmes, broadcastControl, log } = appContext();
  const channel = channelName('session', session.id);
  // Read before the panels: whatever changes after it reaches the live script as an event after this number.
  const seq = await hub.channelPosition(channel).catch((problem: unknown) => {
    log.warn({ err: problem, channel }, 'channel position unknown; the live script starts from its subscription');
    return null;
  });
  const [broadcast, questions, poll, chat] = await Promise.all([
    broadcastControl.broadcastView(session.id),
    loadQuestionsPanel(request, session),
    loadPollPanel(request, session, programme.edition.defaultLocale),
    loadChatPanel(request, session)
  ]);
  const origin = publicOrigin(url);
  // Serialised here, escaped for a <script> element, so the page only places it.
  const event = sessionJsonLd(programme, session.id, { baseUrl: origin, locale: locals.locale });
  return {
    session,
    origin,
    now: programmes.now(),
    jsonLd: event ? jsonLdScript(event) : null,
    live: {
      channel,
      seq,
      base: `/${programme.edition.slug}/sessions/${session.id}`,
      // An O(1) read of the hub's presence table; the live script keeps it current.
      viewers: hub.viewerCount(channel),
      script: liveScriptPath
    },
    broadcast: playerPanelData(programme, session, broadcast, locals.locale),
    participation: participationOf(locals.account, programme.edition, session.id, locals.locale),
    // The features' panel data (questions, poll, chat) replace these placeholders with their loaders.
    questions,
    poll,
    chat
  };
};

export const actions: Actions = { ...questionActions, ...pollActions, ...chatActions };
