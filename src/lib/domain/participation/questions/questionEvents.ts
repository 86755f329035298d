/**
 * The live events of the Q&A, as the outbox carries them on the session's
 * channel: only the question's id and version (never its text), so viewers
 * refetch the panel and see exactly what the server renders for them.
 */
import { channelName } from '../../realtime/channel.js';

export const questionEventNames = { asked: 'question.asked', changed: 'question.changed' } as const;
export type QuestionEventName = (typeof questionEventNames)[keyof typeof questionEventNames];

export interface QuestionEvent {
  readonly channel: string;
  readonly name: QuestionEventName;
  readonly data: { readonly id: string; readonly version: number };
}

export function questionEvent(
  name: QuestionEventName,
  sessionId: string,
  question: { readonly id: string; readonly version: number }
): QuestionEvent {
  return { channel: channelName('session', sessionId), name, data: { id: question.id, version: question.version } };
}
