// The chat panel's fragment for the live script: the same component as on the page, latest messages, never cached.
import { panelResponse } from '$lib/server/http/panelResponse';
import { loadChatPanel } from '$lib/server/services/chatPanel';
import { liveSessionOf } from '$lib/server/http/liveSession';
import ChatPanel from '$lib/ui/live/panels/ChatPanel.svelte';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { programme, session } = await liveSessionOf(event.params);
  return panelResponse(ChatPanel, {
    data: await loadChatPanel(event, session),
    locale: event.locals.locale,
    base: `/${programme.edition.slug}/sessions/${session.id}`
  });
};
