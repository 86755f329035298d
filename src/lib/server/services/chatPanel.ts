/**
 * The chat panel's data for the session page and its live fragment: the
 * latest messages (or those before `?chatBefore=`), slow mode, the name the
 * participant used last (their latest message fills the form: no extra
 * cookie), a fresh idempotency key, and a notice after a no-JS post.
 * Reading sets no cookie.
 */
import { randomUUID } from 'node:crypto';
import { error } from '@sveltejs/kit';
import type { ChatPanelView } from '../../domain/participation/chat/chatPanelView.js';
import { appContext } from '../context.js';
import { knownParticipantOf, type ParticipantEvent } from '../http/participants.js';

export type { ChatPanelView };

export interface ChatPanelEvent extends ParticipantEvent {
  readonly params: { readonly edition: string; readonly session: string };
  readonly locals: ParticipantEvent['locals'] & { readonly viewerZone: string | null };
}

const notices = ['sent', 'reacted'] as const;

/** The panel's data; a refused no-JS form's problem is added by the page (it comes from the action, not the load). */
export async function loadChatPanel(event: ChatPanelEvent, session: { readonly id: string }): Promise<ChatPanelView> {
  const { chatMessaging } = appContext();
  const ref = await chatMessaging.publicSession(event.params.edition, session.id);
  if (!ref) error(404, 'session.not_found');
  const before = event.url.searchParams.get('chatBefore');
  const participant = knownParticipantOf(event);
  const state = await chatMessaging.panel(ref, participant?.id ?? null, before);
  const notice = event.url.searchParams.get('chatNotice');
  return {
    messages: state.page.messages.map((m) => ({
      id: m.id,
      displayName: m.displayName,
      text: m.text,
      postedAt: m.postedAt.toISOString()
    })),
    earlierBefore: state.page.hasEarlier ? (state.page.messages[0]?.id ?? null) : null,
    isEarlierPage: before !== null && state.page.messages.length > 0,
    slowModeSeconds: state.slowModeSeconds,
    displayName: state.displayName ?? '',
    idempotencyKey: randomUUID(),
    zone: event.locals.viewerZone ?? ref.hostZone,
    notice: notices.find((n) => n === notice) ?? null,
    problem: null
  };
}
