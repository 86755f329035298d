/**
 * A programme item as an organiser enters it: texts per locale, the speakers
 * who give it, and optionally its own start and end as wall times in the
 * host zone on its session's day. Checked and turned into instants here, so
 * every edge (console form, import, API) applies the same rules.
 */
import { z } from 'zod';
import type { LocalizedText } from '../localizedText.js';
import { instantFromWallTime } from '../time.js';
import { localizedTextSchema, recordId, textLimits, type FieldProblem } from './sessionInput.js';

const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time of day');

export const programmeItemInputSchema = z.object({
  title: localizedTextSchema(textLimits.item.title),
  summary: localizedTextSchema(textLimits.item.summary),
  speakerIds: z.array(recordId).max(50),
  /** Both or neither: an item without times takes its session's. */
  startTime: wallTime.nullable(),
  endTime: wallTime.nullable(),
  isIllustrative: z.boolean()
});
export type ProgrammeItemInput = z.infer<typeof programmeItemInputSchema>;

export interface ProgrammeItemValues {
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  /** In the order given: the first speaker is named first. */
  readonly speakerIds: readonly string[];
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  readonly isIllustrative: boolean;
}

/** What the item is checked against: its edition and the session it belongs to. */
export interface ProgrammeItemFacts {
  readonly hostZone: string;
  readonly defaultLocale: string;
  /** The session's day, `YYYY-MM-DD` in the host zone. */
  readonly sessionDate: string;
  readonly sessionStartsAt: Date;
  readonly sessionEndsAt: Date;
  /** Speakers of the edition that are not deleted. */
  readonly speakerIds: readonly string[];
}

/** Checks a parsed input against its session and edition and computes its instants. */
export function resolveProgrammeItem(
  input: ProgrammeItemInput,
  facts: ProgrammeItemFacts
): { ok: true; values: ProgrammeItemValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!input.title[facts.defaultLocale])
    problems.push({ field: `title.${facts.defaultLocale}`, code: 'programme_item.title_required' });
  if (input.speakerIds.some((id) => !facts.speakerIds.includes(id)))
    problems.push({ field: 'speakerIds', code: 'programme_item.unknown_speaker' });

  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if ((input.startTime === null) !== (input.endTime === null)) {
    problems.push({
      field: input.startTime === null ? 'startTime' : 'endTime',
      code: 'programme_item.time_incomplete'
    });
  } else if (input.startTime !== null && input.endTime !== null) {
    startsAt = instantFromWallTime(facts.sessionDate, input.startTime, facts.hostZone);
    endsAt = instantFromWallTime(facts.sessionDate, input.endTime, facts.hostZone);
    if (endsAt <= startsAt) problems.push({ field: 'endTime', code: 'programme_item.ends_before_start' });
    else if (startsAt < facts.sessionStartsAt || endsAt > facts.sessionEndsAt) {
      problems.push({ field: 'startTime', code: 'programme_item.outside_session' });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: {
      title: input.title,
      summary: input.summary,
      speakerIds: [...new Set(input.speakerIds)],
      startsAt,
      endsAt,
      isIllustrative: input.isIllustrative
    }
  };
}
