/**
 * The live events of the chat, as the outbox carries them on the session's
 * channel: a message's id (never its text) or the chat's settings version,
 * so viewers refetch the panel and see what the server renders for them.
 */
import { channelName } from '../../realtime/channel.js';

export const chatEventNames = { posted: 'chat.posted', deleted: 'chat.deleted', changed: 'chat.changed' } as const;
export type ChatEventName = (typeof chatEventNames)[keyof typeof chatEventNames];

export interface ChatEvent {
  readonly channel: string;
  readonly name: ChatEventName;
  readonly data: { readonly id: string; readonly version?: number };
}

/** A message was posted or deleted. */
export function chatMessageEvent(
  name: 'chat.posted' | 'chat.deleted',
  sessionId: string,
  messageId: string
): ChatEvent {
  return { channel: channelName('session', sessionId), name, data: { id: messageId } };
}

/** The session's chat settings (slow mode) changed to `version`. */
export function chatSettingsEvent(sessionId: string, version: number): ChatEvent {
  return { channel: channelName('session', sessionId), name: chatEventNames.changed, data: { id: sessionId, version } };
}
