/**
 * What the public chat panel shows, as plain data: the loader builds it on
 * the server, the panel component renders it (on the page and as the live
 * fragment). Texts are the participants' own, escaped when rendered.
 */

export interface ChatPanelMessage {
  readonly id: string;
  readonly displayName: string;
  readonly text: string;
  /** ISO instant. */
  readonly postedAt: string;
}

/** A refused form, shown again with its values and the problems beside the fields (without JavaScript). */
export interface ChatFormProblem {
  readonly form: 'message' | 'reaction';
  readonly values: { readonly displayName: string; readonly text: string };
  readonly errors: { readonly displayName?: string; readonly text?: string };
  readonly message: string | null;
}

export interface ChatPanelView {
  /** Oldest first, newest at the bottom. */
  readonly messages: readonly ChatPanelMessage[];
  /** The id for `?chatBefore=` when older messages exist. */
  readonly earlierBefore: string | null;
  readonly isEarlierPage: boolean;
  readonly slowModeSeconds: number;
  /** The name of the participant's latest message ('' for someone who never chatted). */
  readonly displayName: string;
  /** A fresh UUID per render: a retried form resends it, a new form gets a new one. */
  readonly idempotencyKey: string;
  /** IANA zone message times are shown in. */
  readonly zone: string;
  readonly notice: 'sent' | 'reacted' | null;
  readonly problem: ChatFormProblem | null;
}
