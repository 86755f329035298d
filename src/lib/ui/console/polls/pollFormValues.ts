/** The console poll form's values: what it shows when empty, for a saved draft, and the ten option slots it offers. */
import type { LocalizedText } from '$lib/domain/localizedText';
import { pollOptionLimits, type Poll } from '$lib/domain/participation/polls/poll';

export interface PollFormValues {
  readonly question: LocalizedText;
  /** Always `pollOptionLimits.max` slots; blank ones are ignored when saved. */
  readonly options: readonly LocalizedText[];
  readonly kind: string;
  readonly maxChoices: string;
  readonly version: string;
}

export const optionSlots = pollOptionLimits.max;

function slots(options: readonly LocalizedText[]): LocalizedText[] {
  return Array.from({ length: optionSlots }, (_, i) => options[i] ?? {});
}

export const emptyPollForm: PollFormValues = {
  question: {},
  options: slots([]),
  kind: 'single',
  maxChoices: '',
  version: ''
};

export function pollFormValues(poll: Poll): PollFormValues {
  return {
    question: poll.question,
    options: slots(poll.options.map((o) => o.label)),
    kind: poll.kind,
    maxChoices: poll.maxChoices === null ? '' : String(poll.maxChoices),
    version: String(poll.version)
  };
}

/** The form field (and element id) of option slot `index` (0-based): `option1` … `option10`. */
export function optionFieldName(index: number): string {
  return `option${index + 1}`;
}
