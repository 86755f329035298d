/**
 * A poll as a moderator enters it: the question and each option per
 * language, the kind, and for multiple choice an optional most-choices
 * number. Checked here so every edge (console form, tests, a later API)
 * applies the same rules; problems name their field and a stable code.
 */
import { z } from 'zod';
import { localizedTextSchema, type FieldProblem } from '../../editing/sessionInput.js';
import type { LocalizedText } from '../../localizedText.js';
import { pollKinds, pollOptionLimits, type PollKind } from './poll.js';

export type { FieldProblem };

export const pollTextLimits = { question: 300, option: 200 } as const;

/** Blank option slots are allowed (the form offers ten) and dropped; at most this many slots are read. */
const maxOptionSlots = 20;

export const pollInputSchema = z.object({
  question: localizedTextSchema(pollTextLimits.question),
  options: z.array(localizedTextSchema(pollTextLimits.option)).max(maxOptionSlots),
  kind: z.enum(pollKinds),
  /** '' or absent: no limit. */
  maxChoices: z
    .union([z.literal(''), z.null(), z.string().regex(/^\d{1,2}$/, 'not a whole number'), z.number().int()])
    .optional()
});
export type PollInput = z.input<typeof pollInputSchema>;

export interface PollValues {
  readonly question: LocalizedText;
  readonly kind: PollKind;
  readonly maxChoices: number | null;
  readonly options: readonly LocalizedText[];
}

/** Parses and checks a poll against the edition's main language (`defaultLocale`). */
export function resolvePoll(
  raw: unknown,
  defaultLocale: string
): { ok: true; values: PollValues } | { ok: false; problems: FieldProblem[] } {
  const parsed = pollInputSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), code: 'poll.invalid_field' }));
    return { ok: false, problems };
  }
  const input = parsed.data;
  const problems: FieldProblem[] = [];
  if (!input.question[defaultLocale])
    problems.push({ field: `question.${defaultLocale}`, code: 'poll.question_required' });

  const options: LocalizedText[] = [];
  input.options.forEach((option, slot) => {
    if (Object.keys(option).length === 0) return;
    if (!option[defaultLocale])
      problems.push({ field: `options.${slot}.${defaultLocale}`, code: 'poll.option_required' });
    options.push(option);
  });
  if (options.length < pollOptionLimits.min) problems.push({ field: 'options', code: 'poll.too_few_options' });
  if (options.length > pollOptionLimits.max) problems.push({ field: 'options', code: 'poll.too_many_options' });

  let maxChoices: number | null = null;
  const rawMax = input.maxChoices;
  if (input.kind === 'multiple' && rawMax !== undefined && rawMax !== null && rawMax !== '') {
    maxChoices = Number(rawMax);
    // One choice is a single-choice poll; more than there are options means no limit, which is said by leaving it empty.
    if (maxChoices < 2 || maxChoices > Math.max(options.length, 2))
      problems.push({ field: 'maxChoices', code: 'poll.max_choices_invalid' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, values: { question: input.question, kind: input.kind, maxChoices, options } };
}
