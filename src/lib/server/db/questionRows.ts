/**
 * Reading question rows: one question by id, by its asker's idempotency key,
 * or locked for a change; the session's Q&A settings; and a row as the
 * domain's Question. Shared by the Q&A repository's reads and writes.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Question, QuestionState } from '../../domain/participation/questions/question.js';
import type { DatabaseSchema } from './schema.js';
import type { QuestionTable } from './schema/questions.js';

type Tx = Transaction<DatabaseSchema>;
type Reader = Kysely<DatabaseSchema> | Tx;

export interface QuestionSettings {
  readonly isPremoderated: boolean;
  /** 1 while nobody changed the settings (no row yet). */
  readonly version: number;
}

export function stateOf(question: Question): QuestionState {
  return { status: question.status, isPinned: question.isPinned, isAnswered: question.isAnswered };
}

export async function readSettings(db: Reader, sessionId: string): Promise<QuestionSettings> {
  const row = await db
    .selectFrom('session_question_settings')
    .select(['is_premoderated', 'version'])
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return row ? { isPremoderated: row.is_premoderated, version: row.version } : { isPremoderated: false, version: 1 };
}

export async function findByKey(
  db: Reader,
  sessionId: string,
  participantId: string,
  idempotencyKey: string
): Promise<Question | null> {
  const row = await db
    .selectFrom('question')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('participant_id', '=', participantId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row ? toQuestion(row) : null;
}

export async function findById(db: Reader, sessionId: string, questionId: string): Promise<Question | null> {
  const row = await db
    .selectFrom('question')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', questionId)
    .executeTakeFirst();
  return row ? toQuestion(row) : null;
}

export async function lockQuestion(tx: Tx, sessionId: string, questionId: string): Promise<Question | null> {
  const row = await tx
    .selectFrom('question')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', questionId)
    .forUpdate()
    .executeTakeFirst();
  return row ? toQuestion(row) : null;
}

export function toQuestion(row: Selectable<QuestionTable>): Question {
  return {
    id: row.id,
    sessionId: row.session_id,
    participantId: row.participant_id,
    displayName: row.display_name,
    text: row.text,
    status: row.status,
    mergedInto: row.merged_into,
    isPinned: row.is_pinned,
    isAnswered: row.is_answered,
    voteCount: row.vote_count,
    askedAt: new Date(row.asked_at),
    version: row.version
  };
}
