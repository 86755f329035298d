/**
 * What the console's session and programme item forms hold: plain strings
 * as the browser posts them, per locale for translatable fields, so a form
 * that failed is shown again exactly as it was sent.
 */
import type { LocalizedText } from '$lib/domain/localizedText';
import type { ProgrammeItem, Session } from '$lib/domain/programme';
import { localTimeIn } from '$lib/domain/time';

/** Longest texts the forms take, as the input schemas enforce them. */
export { textLimits } from '$lib/domain/editing/sessionInput';

export interface SessionFormValues {
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly dayId: string;
  /** '' for no stage. */
  readonly stageId: string;
  readonly kind: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly channelIds: readonly string[];
  readonly isIllustrative: boolean;
  readonly version: string;
}

export interface ItemFormValues {
  readonly title: LocalizedText;
  readonly summary: LocalizedText;
  readonly speakerIds: readonly string[];
  readonly startTime: string;
  readonly endTime: string;
  readonly isIllustrative: boolean;
  readonly version: string;
}

/** A choice in a list: its value and what the reader sees. */
export interface Choice {
  readonly value: string;
  readonly label: string;
  /** BCP 47 code when the label is in another language than the page. */
  readonly lang?: string;
}

export function sessionFormValues(session: Session, hostZone: string): SessionFormValues {
  return {
    title: session.title,
    summary: session.summary,
    dayId: session.dayId,
    stageId: session.stageId ?? '',
    kind: session.kind,
    startTime: localTimeIn(session.startsAt, hostZone),
    endTime: localTimeIn(session.endsAt, hostZone),
    channelIds: session.channelIds,
    isIllustrative: session.isIllustrative,
    version: String(session.version)
  };
}

export function itemFormValues(item: ProgrammeItem & { readonly version: number }, hostZone: string): ItemFormValues {
  return {
    title: item.title,
    summary: item.summary,
    speakerIds: item.speakerIds,
    startTime: item.startsAt ? localTimeIn(item.startsAt, hostZone) : '',
    endTime: item.endsAt ? localTimeIn(item.endsAt, hostZone) : '',
    isIllustrative: item.isIllustrative,
    version: String(item.version)
  };
}

export const emptyItemForm: ItemFormValues = {
  title: {},
  summary: {},
  speakerIds: [],
  startTime: '',
  endTime: '',
  isIllustrative: false,
  version: ''
};

/**
 * The element id of a field a problem names: `title.ko` → `title-ko`,
 * `speakerIds.3` → `speakerIds` (the group), with the form's prefix.
 */
export function fieldId(prefix: string, field: string): string {
  const [name = '', rest] = field.split('.', 2);
  const grouped = name === 'channelIds' || name === 'speakerIds';
  return `${prefix}${grouped || rest === undefined ? name : `${name}-${rest}`}`;
}
