// The poll panel's fragment for the live script: the same component the session page renders, for this reader.
import { panelResponse } from '$lib/server/http/panelResponse';
import { liveSessionOf } from '$lib/server/http/liveSession';
import { loadPollPanel } from '$lib/server/services/pollPanel';
import PollPanel from '$lib/ui/live/panels/PollPanel.svelte';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { programme, session } = await liveSessionOf(event.params);
  const data = await loadPollPanel(event, session, programme.edition.defaultLocale);
  return panelResponse(PollPanel, {
    data,
    locale: event.locals.locale,
    base: `/${programme.edition.slug}/sessions/${session.id}`
  });
};
