// The player panel's fragment for the live script: refetched on `broadcast.` events (the producer went live or stopped).
import { appContext } from '$lib/server/context';
import { panelResponse } from '$lib/server/http/panelResponse';
import { liveSessionOf } from '$lib/server/http/liveSession';
import PlayerPanel from '$lib/ui/live/panels/PlayerPanel.svelte';
import { playerPanelData } from '../../playerPanel';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { programme, session } = await liveSessionOf(event.params);
  const view = await appContext().broadcastControl.broadcastView(session.id);
  return panelResponse(PlayerPanel, {
    data: playerPanelData(programme, session, view, event.locals.locale),
    locale: event.locals.locale
  });
};
