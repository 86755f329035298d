/**
 * What the live script does with each hub frame on its one channel: keep
 * the last sequence number (to resume with `since`), pick the panels an
 * event concerns by their event-name prefixes, refresh every panel on a
 * snapshot, and report viewer counts. Pure: frames in, decisions out.
 */

export interface PanelSpec {
  readonly name: string;
  /** Event-name prefixes, e.g. `question.`; a panel with several lists them separated by spaces. */
  readonly prefixes: readonly string[];
}

export interface FrameOutcome {
  /** Panels to refetch. */
  readonly refresh: readonly string[];
  /** The channel's viewer count, when the frame told it. */
  readonly viewers?: number;
  /** The subscription is live (the connection is healthy). */
  readonly subscribed?: boolean;
  /** The event itself, for handlers that use its data (reaction bursts are drawn, not refetched). */
  readonly event?: { readonly name: string; readonly data: unknown };
}

const nothing: FrameOutcome = { refresh: [] };

export class ChannelFollower {
  private seq: number | undefined;

  /** `seq`: the channel's number when the page was rendered, so the first subscription resumes from the page, not from whenever the script ran. */
  constructor(
    readonly channel: string,
    private readonly panels: readonly PanelSpec[],
    seq?: number
  ) {
    this.seq = seq;
  }

  /** The position to resume from (undefined when neither the page nor a subscription has told it). */
  get since(): number | undefined {
    return this.seq;
  }

  subscribeMessage(): string {
    return JSON.stringify({
      v: 1,
      type: 'subscribe',
      channel: this.channel,
      ...(this.seq === undefined ? {} : { since: this.seq })
    });
  }

  handle(text: string): FrameOutcome {
    let frame: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null) return nothing;
      frame = parsed as Record<string, unknown>;
    } catch {
      return nothing;
    }
    if (frame.channel !== undefined && frame.channel !== this.channel) return nothing;
    const seq = typeof frame.seq === 'number' ? frame.seq : undefined;
    switch (frame.type) {
      case 'event': {
        if (seq !== undefined) {
          // An event at or below our position is a repeat (a replay overlapping what we saw).
          if (this.seq !== undefined && seq <= this.seq) return nothing;
          this.seq = seq;
        }
        const name = typeof frame.name === 'string' ? frame.name : '';
        return {
          refresh: this.panels
            .filter((panel) => panel.prefixes.some((prefix) => name.startsWith(prefix)))
            .map((panel) => panel.name),
          event: { name, data: frame.data }
        };
      }
      case 'snapshot':
      case 'snapshot-required':
        if (seq !== undefined) this.seq = seq;
        return { refresh: this.panels.map((panel) => panel.name) };
      case 'subscribed':
        if (seq !== undefined && (this.seq === undefined || seq > this.seq)) this.seq = seq;
        return {
          refresh: [],
          subscribed: true,
          ...(typeof frame.viewers === 'number' ? { viewers: frame.viewers } : {})
        };
      case 'viewers':
        return typeof frame.count === 'number' ? { refresh: [], viewers: frame.count } : nothing;
      default:
        return nothing;
    }
  }
}

/** Reads a panel's `data-live-events` attribute ("question.", or several separated by spaces) into prefixes. */
export function eventPrefixes(attribute: string | null): string[] {
  return (attribute || '').split(/\s+/).filter((prefix) => prefix !== '');
}
