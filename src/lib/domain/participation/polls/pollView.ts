/**
 * A poll as the pages show it: texts picked in the reader's language (marked
 * with the language they are really in when they fell back), and each
 * option's results beside it. Shared by the console and the public panel.
 */
import { pickText, type LocalizedText } from '../../localizedText.js';
import type { PollKind } from './poll.js';
import type { PollResults } from './voteCount.js';

export interface ShownText {
  readonly text: string;
  /** Set when the text is in another language than the page. */
  readonly lang?: string;
}

export interface ResultRow {
  readonly id: string;
  readonly label: ShownText;
  readonly count: number;
  readonly percent: number;
}

export interface ShownResults {
  readonly kind: PollKind;
  readonly ballots: number;
  readonly rows: readonly ResultRow[];
}

export function shownText(value: LocalizedText, locale: string, fallback: string): ShownText {
  const picked = pickText(value, locale, fallback);
  if (!picked) return { text: '' };
  return picked.lang === locale ? { text: picked.text } : { text: picked.text, lang: picked.lang };
}

export function shownResults(
  poll: {
    readonly kind: PollKind;
    readonly options: readonly { readonly id: string; readonly label: LocalizedText }[];
  },
  results: PollResults,
  locale: string,
  fallback: string
): ShownResults {
  const byId = new Map(results.options.map((o) => [o.id, o]));
  return {
    kind: poll.kind,
    ballots: results.ballots,
    rows: poll.options.map((option) => ({
      id: option.id,
      label: shownText(option.label, locale, fallback),
      count: byId.get(option.id)?.count ?? 0,
      percent: byId.get(option.id)?.percent ?? 0
    }))
  };
}

/** What the public poll panel shows one reader (the loader builds it; the panel only renders it). */
export interface PollPanelData {
  /** The open poll, else the one closed last, else null. */
  readonly poll: {
    readonly id: string;
    readonly state: 'open' | 'closed';
    readonly kind: PollKind;
    /** How many options one answer may choose. */
    readonly choiceLimit: number;
    readonly question: ShownText;
    readonly options: readonly { readonly id: string; readonly label: ShownText }[];
  } | null;
  /** The reader's current answer (pre-checked). */
  readonly myChoices: readonly string[];
  /** Once the reader answered, and for everyone when the poll is closed. */
  readonly results: ShownResults | null;
  /** After a form sent without JavaScript: what happened, in the reader's language. */
  readonly notice: string | null;
  readonly error: string | null;
}
