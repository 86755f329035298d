/**
 * What a participant sends to ask a question, checked the same way at every
 * edge (the no-JS form, the live script's POST): the text (1–500 characters
 * once normalised), an optional display name (blank means anonymous, else
 * 1–60 characters) and the idempotency key the form carried, a UUID, so a
 * retry of the same submission is recognised.
 */
import { z } from 'zod';
import { displayNameMaxLength, questionTextMaxLength } from './question.js';
import type { QuestionErrorCode } from './questionErrors.js';
import { characterCount, normaliseQuestionText } from './questionText.js';

// Generous raw bounds: refuse absurd bodies before normalising them; the real limits apply after.
const rawText = z.string().max(questionTextMaxLength * 8);
const rawName = z.string().max(displayNameMaxLength * 8);

export const askQuestionSchema = z.object({
  text: rawText,
  displayName: rawName.optional().default(''),
  idempotencyKey: z.uuid()
});

export interface AskQuestionValues {
  readonly text: string;
  readonly displayName: string | null;
  readonly idempotencyKey: string;
}

export interface QuestionFieldProblem {
  readonly field: 'text' | 'displayName' | 'idempotencyKey' | '';
  readonly code: QuestionErrorCode;
}

export type AskQuestionParse =
  | { readonly ok: true; readonly values: AskQuestionValues }
  | { readonly ok: false; readonly problems: readonly QuestionFieldProblem[] };

/** The submission as values to store, or every problem with it (by field). */
export function parseAskQuestion(raw: unknown): AskQuestionParse {
  const parsed = askQuestionSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): QuestionFieldProblem => {
      const field = issue.path[0];
      return {
        field: field === 'text' || field === 'displayName' || field === 'idempotencyKey' ? field : '',
        code: 'question.invalid_field'
      };
    });
    return { ok: false, problems: dedupe(problems) };
  }
  const problems: QuestionFieldProblem[] = [];
  const text = normaliseQuestionText(parsed.data.text);
  const name = normaliseQuestionText(parsed.data.displayName);
  if (text === '') problems.push({ field: 'text', code: 'question.text_required' });
  else if (characterCount(text) > questionTextMaxLength)
    problems.push({ field: 'text', code: 'question.text_too_long' });
  if (characterCount(name) > displayNameMaxLength)
    problems.push({ field: 'displayName', code: 'question.name_too_long' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: { text, displayName: name === '' ? null : name, idempotencyKey: parsed.data.idempotencyKey.toLowerCase() }
  };
}

function dedupe(problems: QuestionFieldProblem[]): QuestionFieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
}
