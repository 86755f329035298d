// Fallback fragment of a live-stage panel: the placeholder panels until a feature adds its own
// `panels/<name>/+server.ts` (a static route, so it wins over this one). Unknown panels are 404.
import { error } from '@sveltejs/kit';
import type { Component } from 'svelte';
import { panelResponse } from '$lib/server/http/panelResponse';
import { liveSessionOf } from '$lib/server/http/liveSession';
import ChatPanel from '$lib/ui/live/panels/ChatPanel.svelte';
import PollPanel from '$lib/ui/live/panels/PollPanel.svelte';
import QuestionsPanel from '$lib/ui/live/panels/QuestionsPanel.svelte';
import type { RequestHandler } from './$types';

const placeholders: Record<string, unknown> = { questions: QuestionsPanel, poll: PollPanel, chat: ChatPanel };

export const GET: RequestHandler = async ({ params, locals }) => {
  const component = placeholders[params.panel];
  if (!component) error(404, 'panel.not_found');
  const { programme, session } = await liveSessionOf(params);
  return panelResponse(component as Component<Record<string, unknown>>, {
    data: null,
    locale: locals.locale,
    base: `/${programme.edition.slug}/sessions/${session.id}`
  });
};
