// The questions panel alone, for the live script to swap in when a `question.*` event arrives (same component as the page).
import { panelResponse } from '$lib/server/http/panelResponse';
import { liveSessionOf } from '$lib/server/http/liveSession';
import { loadQuestionsPanel } from '$lib/server/services/questionsPanel';
import QuestionsPanel from '$lib/ui/live/panels/QuestionsPanel.svelte';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
  const { programme, session } = await liveSessionOf(event.params);
  return panelResponse(QuestionsPanel, {
    data: await loadQuestionsPanel(event, session),
    locale: event.locals.locale,
    base: `/${programme.edition.slug}/sessions/${session.id}`
  });
};
