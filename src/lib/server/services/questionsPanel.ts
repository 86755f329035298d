/**
 * The questions panel's data for one request: the session page's load and
 * the panel's fragment endpoint both call `loadQuestionsPanel`, so the page
 * and a live refresh render the same thing. Reading sets no cookie (the
 * viewer's own votes and waiting questions show only once they took part).
 */
import { randomUUID } from 'node:crypto';
import { parseQuestionSort, type QuestionSort } from '../../domain/participation/questions/questionOrder.js';
import {
  questionNotices,
  type QuestionNotice,
  type QuestionsPanelData
} from '../../domain/participation/questions/questionPanel.js';
import { appContext } from '../context.js';
import { knownParticipantOf, type ParticipantEvent } from '../http/participants.js';

/** The query parameter that orders the panel (`?questions=time`); the notice after a no-JS post rides in `questionNotice`. */
export const questionSortParam = 'questions';
export const questionNoticeParam = 'questionNotice';

export interface QuestionsPanelEvent extends ParticipantEvent {
  readonly request: Request;
}

export async function loadQuestionsPanel(
  event: QuestionsPanelEvent,
  session: { readonly id: string }
): Promise<QuestionsPanelData> {
  const viewer = knownParticipantOf(event);
  const sort = questionSortOf(event);
  const notice = event.url.searchParams.get(questionNoticeParam);
  return {
    view: await appContext().questions.panel(session.id, viewer?.id ?? null, sort),
    idempotencyKey: randomUUID(),
    notice: questionNotices.find((n): n is QuestionNotice => n === notice) ?? null,
    problem: null,
    voteProblem: null
  };
}

/**
 * The order the reader chose: the page's `?questions=`, or for a fragment
 * fetched by the live script (whose own URL has no query) the page it was
 * fetched from, which the browser names in Referer on a same-origin fetch.
 */
export function questionSortOf(event: { readonly url: URL; readonly request: Request }): QuestionSort {
  const own = event.url.searchParams.get(questionSortParam);
  if (own !== null) return parseQuestionSort(own);
  const referer = event.request.headers.get('referer');
  if (!referer) return 'votes';
  try {
    const page = new URL(referer);
    return page.origin === event.url.origin ? parseQuestionSort(page.searchParams.get(questionSortParam)) : 'votes';
  } catch {
    return 'votes';
  }
}
