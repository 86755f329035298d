/**
 * A session as an organiser enters it: texts per locale, a day, wall-clock
 * start and end in the host zone. Checked here, turned into instants here, so
 * every edge (console form, import, API) applies the same rules.
 */
import { z } from 'zod';
import type { LocalizedText } from '../localizedText.js';
import { sessionKinds, type Day, type SessionKind } from '../programme.js';
import { instantFromWallTime } from '../time.js';

export const recordId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'not an id');
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time of day');

/** Texts keyed by locale; blank strings are dropped, lengths bounded. */
/**
 * Longest texts of sessions and programme items: the schemas enforce them,
 * the console's forms set `maxlength` from them and their messages name them.
 */
export const textLimits = { session: { title: 200, summary: 4000 }, item: { title: 300, summary: 4000 } } as const;

export function localizedTextSchema(maxLength: number) {
  return z
    .record(
      z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/),
      z.string().max(maxLength, `longer than ${maxLength} characters`)
    )
    .transform((value): LocalizedText =>
      Object.fromEntries(
        Object.entries(value)
          .map(([k, v]) => [k, v.trim()])
          .filter(([, v]) => v !== '')
      )
    );
}

export const sessionInputSchema = z.object({
  dayId: recordId,
  stageId: recordId.nullable(),
  kind: z.enum(sessionKinds),
  title: localizedTextSchema(textLimits.session.title),
  summary: localizedTextSchema(textLimits.session.summary),
  startTime: wallTime,
  endTime: wallTime,
  channelIds: z.array(recordId).max(50),
  isIllustrative: z.boolean()
});
export type SessionInput = z.infer<typeof sessionInputSchema>;

export interface FieldProblem {
  readonly field: string;
  /** Stable code from docs/errors.md; the edge turns it into a message. */
  readonly code: string;
}

export interface SessionValues {
  readonly dayId: string;
  readonly stageId: string | null;
  readonly kind: SessionKind;
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly zone: string;
  readonly channelIds: readonly string[];
  readonly isIllustrative: boolean;
}

export interface EditionFacts {
  readonly hostZone: string;
  readonly defaultLocale: string;
  readonly days: readonly Pick<Day, 'id' | 'date'>[];
  readonly stageIds: readonly string[];
  readonly channelIds: readonly string[];
}

/** Checks a parsed input against the edition and computes its instants. */
export function resolveSession(
  input: SessionInput,
  edition: EditionFacts
): { ok: true; values: SessionValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!input.title[edition.defaultLocale])
    problems.push({ field: `title.${edition.defaultLocale}`, code: 'session.title_required' });
  const day = edition.days.find((d) => d.id === input.dayId);
  if (!day) problems.push({ field: 'dayId', code: 'session.unknown_day' });
  if (input.stageId !== null && !edition.stageIds.includes(input.stageId))
    problems.push({ field: 'stageId', code: 'session.unknown_stage' });
  if (input.channelIds.some((id) => !edition.channelIds.includes(id)))
    problems.push({ field: 'channelIds', code: 'session.unknown_channel' });
  if (input.endTime <= input.startTime) problems.push({ field: 'endTime', code: 'session.ends_before_start' });
  if (problems.length > 0 || !day) return { ok: false, problems };
  return {
    ok: true,
    values: {
      dayId: day.id,
      stageId: input.stageId,
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      startsAt: instantFromWallTime(day.date, input.startTime, edition.hostZone),
      endsAt: instantFromWallTime(day.date, input.endTime, edition.hostZone),
      zone: edition.hostZone,
      channelIds: [...new Set(input.channelIds)],
      isIllustrative: input.isIllustrative
    }
  };
}
