/**
 * One channel on one hub node: its position (newest sequence number), its
 * recent history and its subscribers. Puts the bus's events in sequence
 * order (holding early ones and filling gaps from the bus), sends each frame
 * to every subscriber, and brings a (re)subscribing viewer up to date: the
 * events it missed, or a snapshot when the gap is older than any history.
 */
import { ChannelHistory, type HistoryLimits } from '../../domain/realtime/channelHistory.js';
import type { Bus } from './bus.js';
import { hubFrame, type NumberedEvent } from './frames.js';
import type { Subscription } from './viewer.js';
import { frameOffsets, textFrames } from './wireFrame.js';

/**
 * Live events applied in one turn of the event loop go out together at its
 * end (one write per viewer for all of them), unless this many payload bytes
 * are waiting: then at once, so a burst never builds one huge write.
 */
const maxPendingBytes = 64 * 1024;

/** How soon a gap fill the bus could not answer is tried again. */
const fillRetryMs = 500;

/** Supplies a channel's current state for a viewer whose gap is too old. */
export type SnapshotSource = () => Promise<unknown>;

export interface FeedDependencies {
  readonly bus: Bus;
  readonly history: HistoryLimits;
  readonly clock: () => number;
  readonly viewersChanged: (channel: string) => void;
  readonly viewerCount: (channel: string) => number;
  readonly onFailure: (error: unknown, channel: string) => void;
}

export class ChannelFeed {
  /** The newest sequence number applied here; null until this node learns it. */
  position: number | null = null;
  readonly history: ChannelHistory<NumberedEvent>;
  readonly subscriptions = new Set<Subscription>();
  /** Events that arrived ahead of a gap, by sequence number (bounded by the history size). */
  readonly #early = new Map<number, NumberedEvent>();
  #filling = false;
  /** Applied events not yet sent to the subscribers (contiguous, oldest first). */
  #pending: NumberedEvent[] = [];
  #pendingBytes = 0;
  #flushScheduled = false;
  readonly #scheduledFlush = () => {
    this.#flushScheduled = false;
    this.flush();
  };

  constructor(
    readonly channel: string,
    private readonly deps: FeedDependencies
  ) {
    this.history = new ChannelHistory<NumberedEvent>(deps.history);
  }

  get isIdle(): boolean {
    return this.subscriptions.size === 0 && this.history.size === 0 && this.#early.size === 0 && !this.#filling;
  }

  receive(event: NumberedEvent): void {
    if (this.position === null || event.seq === this.position + 1) {
      this.#apply(event);
      this.#applyEarly();
    } else if (event.seq > this.position) {
      this.#early.set(event.seq, event);
      if (this.#early.size > this.deps.history.maxEntries) this.#reset();
      else void this.fill();
    }
  }

  /** Asks the bus for what this node missed (after a gap or a bus reconnection). */
  async fill(): Promise<void> {
    if (this.#filling || this.position === null) return;
    this.#filling = true;
    let failed = false;
    try {
      // Twice: events published while the first read ran may still be in flight.
      for (let attempt = 0; attempt < 2 && (attempt === 0 || this.#early.size > 0); attempt += 1) {
        const missed = await this.deps.bus.eventsAfter(this.channel, this.position, this.deps.history.maxAgeMs);
        for (const event of missed ?? []) if (event.seq === this.position + 1) this.#apply(event);
        this.#applyEarly();
        if (missed === null) {
          // The gap cannot be filled and nothing after it has arrived (every
          // event went out while this node was not listening, or the bus lost
          // the channel): without this, the feed would wait for the next
          // event to notice. Jump to where the bus is now.
          if (this.#early.size === 0) {
            const current = await this.deps.bus.position(this.channel);
            if (this.#early.size === 0 && current > this.position) this.#resetTo(current);
          }
          break;
        }
      }
      if (this.#early.size > 0) this.#reset();
    } catch (error) {
      failed = true;
      this.deps.onFailure(error, this.channel);
    } finally {
      this.#filling = false;
    }
    // The bus answered the reconnection but not yet the read (its command
    // connection is still coming back): try again shortly rather than wait
    // for the next event to reveal the gap.
    if (failed && this.subscriptions.size > 0) setTimeout(() => void this.fill(), fillRetryMs).unref();
  }

  /** Sends one frame, serialised and framed once, to every subscriber (after the live events applied before it). */
  broadcast(frame: Buffer): void {
    this.flush();
    const payloads = [frame];
    const wire = textFrames(payloads);
    for (const subscription of this.subscriptions) subscription.viewer.sendFramed(wire, payloads);
  }

  /**
   * Sends the applied events not sent yet: framed once into one Buffer that
   * every subscriber's socket gets; a subscriber that joined in between gets
   * only the part after its position.
   */
  flush(): void {
    const events = this.#pending;
    if (events.length === 0) return;
    this.#pending = [];
    this.#pendingBytes = 0;
    const payloads = events.map((event) => event.frame);
    const wire = textFrames(payloads);
    const first = (events[0] as NumberedEvent).seq;
    const last = (events.at(-1) as NumberedEvent).seq;
    let offsets: number[] | null = null;
    for (const subscription of this.subscriptions) {
      const position = subscription.position;
      if (position >= last) continue;
      subscription.position = last;
      if (position < first) {
        subscription.viewer.sendFramed(wire, payloads);
      } else {
        offsets ??= frameOffsets(payloads);
        const from = events.findIndex((event) => event.seq > position);
        subscription.viewer.sendFramed(wire.subarray(offsets[from]), payloads.slice(from));
      }
    }
  }

  /** Brings a subscriber up to date from `since` (or from now), then makes it live. */
  async join(
    subscription: Subscription,
    since: number | undefined,
    snapshot: SnapshotSource | undefined
  ): Promise<void> {
    const { bus, history, clock } = this.deps;
    if (this.position === null) {
      const position = await bus.position(this.channel);
      this.position ??= position;
    }
    if (subscription.cancelled) return;
    if (since === undefined) return this.#admit(subscription, this.position);
    if (since > this.position) {
      // Either this node lags behind another (live events will catch up; the
      // viewer is not sent what it has) or the viewer's number predates a reset.
      const shared = await bus.position(this.channel);
      if (subscription.cancelled) return;
      return since <= shared ? this.#admit(subscription, since) : this.#sendSnapshot(subscription, snapshot);
    }
    const local = this.#after(since);
    if (local) {
      for (const event of local) subscription.viewer.send(event.frame);
      return this.#admit(subscription, this.position);
    }
    const kept = await bus.eventsAfter(this.channel, since, history.maxAgeMs).catch((error: unknown) => {
      this.deps.onFailure(error, this.channel);
      return null;
    });
    if (subscription.cancelled) return;
    if (!kept || kept.length === 0 || kept[0]?.seq !== since + 1) return this.#sendSnapshot(subscription, snapshot);
    for (const event of kept) subscription.viewer.send(event.frame);
    const newest = (kept.at(-1) as NumberedEvent).seq;
    const rest = newest >= this.position ? [] : this.history.after(newest, clock());
    if (!rest) return this.#sendSnapshot(subscription, snapshot);
    for (const event of rest) subscription.viewer.send(event.frame);
    this.#admit(subscription, Math.max(newest, this.position));
  }

  async #sendSnapshot(subscription: Subscription, snapshot: SnapshotSource | undefined): Promise<void> {
    const base = this.position as number;
    let data: { value: unknown } | null = null;
    if (snapshot) {
      try {
        data = { value: await snapshot() };
      } catch (error) {
        this.deps.onFailure(error, this.channel);
      }
      if (subscription.cancelled) return;
    }
    const since = this.#after(base);
    const { channel } = this;
    const position = this.position as number;
    if (!since) {
      // A burst outran the snapshot: the state the viewer has is stale again.
      subscription.viewer.send(hubFrame({ type: 'snapshot-required', channel, seq: position }));
    } else {
      subscription.viewer.send(
        hubFrame(
          data
            ? { type: 'snapshot', channel, seq: base, data: data.value }
            : { type: 'snapshot-required', channel, seq: base }
        )
      );
      for (const event of since) subscription.viewer.send(event.frame);
    }
    this.#admit(subscription, position);
  }

  #admit(subscription: Subscription, position: number): void {
    subscription.position = position;
    this.subscriptions.add(subscription);
    this.deps.viewersChanged(this.channel);
    subscription.viewer.send(
      hubFrame({
        type: 'subscribed',
        channel: this.channel,
        seq: position,
        viewers: this.deps.viewerCount(this.channel)
      })
    );
  }

  /** Events after `seq` up to the position, from this node's history; null when it does not have them. */
  #after(seq: number): NumberedEvent[] | null {
    return seq === this.position ? [] : this.history.after(seq, this.deps.clock());
  }

  #apply(event: NumberedEvent): void {
    this.history.append(event);
    this.position = event.seq;
    this.#pending.push(event);
    this.#pendingBytes += event.frame.length;
    if (this.#pendingBytes >= maxPendingBytes) this.flush();
    else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(this.#scheduledFlush);
    }
  }

  #applyEarly(): void {
    for (let next = this.#early.get((this.position ?? 0) + 1); next; next = this.#early.get((this.position ?? 0) + 1)) {
      this.#early.delete(next.seq);
      this.#apply(next);
    }
    for (const seq of this.#early.keys()) if (seq <= (this.position ?? 0)) this.#early.delete(seq);
  }

  /** The gap cannot be filled: jump to the earliest held event and tell every subscriber its state is stale. */
  #reset(): void {
    this.#resetTo(Math.min(...this.#early.keys()) - 1);
  }

  /** Moves to `position`, forgetting the history, and tells every subscriber its state is stale. */
  #resetTo(position: number): void {
    this.flush();
    this.position = position;
    this.history.clear();
    const frame = hubFrame({ type: 'snapshot-required', channel: this.channel, seq: this.position });
    for (const subscription of this.subscriptions) {
      subscription.position = this.position;
      subscription.viewer.send(frame);
    }
    this.#applyEarly();
  }
}
