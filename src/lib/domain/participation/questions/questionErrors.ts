/**
 * The stable codes of Q&A problems (docs/errors.md, `question.*`). The edge
 * turns a code into an HTTP status and a message in the reader's language.
 */
export const questionErrorCodes = [
  'question.invalid_field',
  'question.text_required',
  'question.text_too_long',
  'question.name_too_long',
  'question.not_found',
  'question.not_votable',
  'question.conflict',
  'question.not_allowed_now',
  'question.merge_into_itself',
  'question.merge_target_unavailable',
  'question.settings_conflict'
] as const;
export type QuestionErrorCode = (typeof questionErrorCodes)[number];

export function isQuestionErrorCode(value: unknown): value is QuestionErrorCode {
  return typeof value === 'string' && (questionErrorCodes as readonly string[]).includes(value);
}
