/**
 * The real-time hub of one app node: accepts viewer connections, answers
 * protocol messages, keeps one feed per channel, counts viewers and sends
 * heartbeats (spread over the interval in small batches, so 20k pings never
 * stall the event loop at once). Services call `publish` after their
 * transaction commits; the bus numbers the event and brings it to every
 * node's viewers.
 */
import type { RawData, WebSocket } from 'ws';
import { parseChannel, type ChannelKind } from '../../domain/realtime/channel.js';
import type { HistoryLimits } from '../../domain/realtime/channelHistory.js';
import type { Bus } from './bus.js';
import { ChannelFeed } from './channelFeed.js';
import { eventNamePattern, hubFrame, unnumberedEvent, type HubMessage } from './frames.js';
import { Presence } from './presence.js';
import { readViewerMessage, type ProtocolProblem, type ViewerMessage } from './protocol.js';
import { closeCodes, Viewer, viewerOf, type Subscription } from './viewer.js';

/** Supplies the current state of a channel of one kind, by record id (a port later features fill). */
export type SnapshotProvider = (id: string) => Promise<unknown>;

export interface HubOptions {
  readonly history?: HistoryLimits;
  /** A viewer that has not answered the previous ping when the next is due is ended. */
  readonly heartbeatMs?: number;
  readonly maxBufferedBytes?: number;
  /** Inbound frame size cap (the live endpoint passes it to ws as maxPayload). */
  readonly maxMessageBytes?: number;
  /** Published event frames larger than this are refused. */
  readonly maxEventBytes?: number;
  readonly maxSubscriptions?: number;
  /** Invalid messages tolerated per connection before it is closed (1008). */
  readonly maxProblems?: number;
  /** How often changed viewer counts are broadcast. */
  readonly presenceMs?: number;
  /** How often this node repeats its viewer counts to the other nodes. */
  readonly presenceRefreshMs?: number;
  readonly closeGraceMs?: number;
  readonly snapshots?: Partial<Record<ChannelKind, SnapshotProvider>>;
  readonly clock?: () => number;
  readonly onFailure?: (error: unknown, context: string) => void;
}

export const hubDefaults = {
  history: { maxEntries: 500, maxAgeMs: 10 * 60_000 },
  heartbeatMs: 30_000,
  maxBufferedBytes: 1024 * 1024,
  maxMessageBytes: 4096,
  maxEventBytes: 64 * 1024,
  maxSubscriptions: 32,
  maxProblems: 20,
  presenceMs: 1_000,
  presenceRefreshMs: 10_000,
  closeGraceMs: 2_000
} as const satisfies HubOptions;

export class Hub {
  readonly settings: Required<Omit<HubOptions, 'snapshots' | 'onFailure'>>;
  readonly #feeds = new Map<string, ChannelFeed>();
  readonly #viewers = new Set<Viewer>();
  readonly #presence: Presence;
  readonly #timers: NodeJS.Timeout[] = [];
  /** The heartbeat round in progress: viewers still to ping, and how many per step. */
  #heartbeatRound: Iterator<Viewer> | null = null;
  #heartbeatBatch = 1;
  #heartbeatRoundStart = Number.NEGATIVE_INFINITY;

  constructor(
    readonly bus: Bus,
    private readonly options: HubOptions = {}
  ) {
    this.settings = { ...hubDefaults, clock: Date.now, ...withoutUndefined(options) };
    this.#presence = new Presence({
      localCount: (channel) => this.#feeds.get(channel)?.subscriptions.size ?? 0,
      broadcast: (channel, count) => this.#feeds.get(channel)?.broadcast(hubFrame({ type: 'viewers', channel, count })),
      share: (counts) => bus.shareViewers(counts),
      clock: this.settings.clock,
      staleAfterMs: this.settings.presenceRefreshMs * 3
    });
  }

  async start(): Promise<void> {
    await this.bus.listen({
      event: (event) => this.#feed(event.channel).receive(event),
      resumed: () => {
        for (const feed of this.#feeds.values()) void feed.fill();
      },
      viewers: (node, counts) => this.#presence.remoteCounts(node, counts)
    });
    const every = (ms: number, task: () => void) => this.#timers.push(setInterval(task, ms).unref());
    every(heartbeatStepMs(this.settings.heartbeatMs), () => this.#heartbeatStep());
    every(this.settings.presenceMs, () => this.#presence.tick());
    every(this.settings.presenceRefreshMs, () => {
      this.#presence.refresh(this.#feeds.keys());
      this.#forgetIdleFeeds();
    });
  }

  /**
   * Sends an event to everyone on the channel, on every node; resolves to its
   * sequence number. Call it after the transaction that caused it commits.
   */
  async publish(channel: string, name: string, data: unknown): Promise<number> {
    if (!parseChannel(channel)) throw new RangeError(`not a channel: ${JSON.stringify(channel)}`);
    if (!eventNamePattern.test(name)) throw new RangeError(`not an event name: ${JSON.stringify(name)}`);
    const event = unnumberedEvent(channel, name, data, this.settings.clock());
    const size = Buffer.byteLength(event.head) + Buffer.byteLength(event.tail) + 16;
    if (size > this.settings.maxEventBytes)
      throw new RangeError(`event ${name} is ${size} bytes; the limit is ${this.settings.maxEventBytes}`);
    return this.bus.publish(event);
  }

  /**
   * The channel's newest sequence number, shared by every node. A page reads
   * it before the data it renders and gives it to its live script as `since`,
   * so an event between the render and the subscription is replayed, not lost.
   */
  channelPosition(channel: string): Promise<number> {
    if (!parseChannel(channel)) return Promise.reject(new RangeError(`not a channel: ${JSON.stringify(channel)}`));
    return this.bus.position(channel);
  }

  /** Viewers on the channel across all nodes, as last reported. */
  viewerCount(channel: string): number {
    return this.#presence.total(channel);
  }

  get connectionCount(): number {
    return this.#viewers.size;
  }

  /** Takes over an upgraded WebSocket (see liveEndpoint.ts). */
  connect(socket: WebSocket): void {
    const viewer = new Viewer(socket, this.settings, this.#forgetViewer);
    this.#viewers.add(viewer);
    // Listeners shared by every connection (they find the viewer from the
    // socket): no closures per connection, which 20k viewers would multiply.
    socket.on('pong', markAlive);
    socket.on('error', this.#onSocketError);
    socket.on('message', this.#onMessage);
    viewer.send(
      hubFrame({
        type: 'welcome',
        heartbeatMs: this.settings.heartbeatMs,
        maxMessageBytes: this.settings.maxMessageBytes
      })
    );
  }

  readonly #forgetViewer = (viewer: Viewer): void => this.#forget(viewer);
  readonly #onSocketError = (error: Error): void => this.#fail(error, 'viewer socket');
  readonly #onMessage = this.#messageListener();

  #messageListener(): (this: WebSocket, data: RawData, isBinary: boolean) => void {
    const read = (viewer: Viewer, data: RawData, isBinary: boolean) => {
      const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      const result = readViewerMessage(bytes, isBinary);
      if (result.ok) this.#handle(viewer, result.message);
      else this.#refuse(viewer, result.problem);
    };
    return function (this: WebSocket, data: RawData, isBinary: boolean) {
      const viewer = viewerOf(this);
      if (viewer) read(viewer, data, isBinary);
    };
  }

  async close(): Promise<void> {
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
    for (const viewer of [...this.#viewers]) viewer.drop(closeCodes.goingAway, 'server shutting down');
    await this.bus.close();
  }

  #handle(viewer: Viewer, message: ViewerMessage): void {
    switch (message.type) {
      case 'subscribe':
        return this.#subscribe(viewer, message.channel, message.since);
      case 'unsubscribe':
        this.#unsubscribe(viewer, message.channel);
        return void viewer.send(hubFrame({ type: 'unsubscribed', channel: message.channel }));
      case 'ping':
        return void viewer.send(hubFrame({ type: 'pong', ...(message.id === undefined ? {} : { id: message.id }) }));
    }
  }

  #subscribe(viewer: Viewer, channel: string, since: number | undefined): void {
    this.#unsubscribe(viewer, channel);
    if (viewer.subscriptions.size >= this.settings.maxSubscriptions) {
      return this.#refuse(viewer, {
        code: 'realtime.too_many_subscriptions',
        text: `A connection may follow at most ${this.settings.maxSubscriptions} channels; unsubscribe from one first.`,
        channel
      });
    }
    const subscription: Subscription = { viewer, channel, position: 0, cancelled: false };
    viewer.subscriptions.set(channel, subscription);
    const { kind, id } = parseChannel(channel) ?? { kind: 'session' as const, id: '' };
    const provider = this.options.snapshots?.[kind];
    this.#feed(channel)
      .join(subscription, since, provider && (() => provider(id)))
      .catch((error: unknown) => this.#fail(error, `subscribe ${channel}`));
  }

  #unsubscribe(viewer: Viewer, channel: string): void {
    const subscription = viewer.subscriptions.get(channel);
    if (!subscription) return;
    subscription.cancelled = true;
    viewer.subscriptions.delete(channel);
    const feed = this.#feeds.get(channel);
    if (feed?.subscriptions.delete(subscription)) this.#presence.localChanged(channel);
  }

  #refuse(viewer: Viewer, problem: ProtocolProblem): void {
    viewer.problems += 1;
    viewer.send(hubFrame({ type: 'error', ...problem } satisfies HubMessage));
    if (viewer.problems > this.settings.maxProblems)
      viewer.drop(closeCodes.policyViolation, 'too many invalid messages');
  }

  #forget(viewer: Viewer): void {
    this.#viewers.delete(viewer);
    for (const channel of [...viewer.subscriptions.keys()]) this.#unsubscribe(viewer, channel);
  }

  /**
   * One step of the heartbeat. A round visits every viewer once per
   * `heartbeatMs`, a batch per step (a round's viewers divided by its steps),
   * so each viewer is checked about `heartbeatMs` after its previous ping.
   * Timers run on real time, not on `settings.clock` (which tests may freeze).
   */
  #heartbeatStep(): void {
    const now = performance.now();
    if (this.#heartbeatRound === null) {
      if (now - this.#heartbeatRoundStart < this.settings.heartbeatMs) return;
      this.#heartbeatRoundStart = now;
      this.#heartbeatRound = this.#viewers.values();
      const steps = Math.max(1, Math.floor(this.settings.heartbeatMs / heartbeatStepMs(this.settings.heartbeatMs)) - 1);
      this.#heartbeatBatch = Math.max(1, Math.ceil(this.#viewers.size / steps));
    }
    for (let i = 0; i < this.#heartbeatBatch; i += 1) {
      const next = this.#heartbeatRound.next();
      if (next.done) {
        this.#heartbeatRound = null;
        return;
      }
      const viewer = next.value;
      if (!viewer.isAlive) {
        viewer.socket.terminate();
        continue;
      }
      viewer.isAlive = false;
      viewer.socket.ping();
    }
  }

  #feed(channel: string): ChannelFeed {
    let feed = this.#feeds.get(channel);
    if (!feed) {
      feed = new ChannelFeed(channel, {
        bus: this.bus,
        history: this.settings.history,
        clock: this.settings.clock,
        viewersChanged: (name) => this.#presence.localChanged(name),
        viewerCount: (name) => this.#presence.total(name),
        onFailure: (error, name) => this.#fail(error, `channel ${name}`)
      });
      this.#feeds.set(channel, feed);
    }
    return feed;
  }

  /** Channels nobody follows and whose history has aged out take no memory. */
  #forgetIdleFeeds(): void {
    const now = this.settings.clock();
    for (const [channel, feed] of this.#feeds) {
      feed.history.prune(now);
      if (feed.isIdle) this.#feeds.delete(channel);
    }
  }

  #fail(error: unknown, context: string): void {
    this.options.onFailure?.(error, context);
  }
}

/** A pong answers the last ping (shared by every connection; `this` is the socket). */
function markAlive(this: WebSocket): void {
  const viewer = viewerOf(this);
  if (viewer) viewer.isAlive = true;
}

/** How often a heartbeat step runs: a round is at least 5 steps, a step at most 250 ms apart. */
export function heartbeatStepMs(heartbeatMs: number): number {
  return Math.max(1, Math.min(250, Math.floor(heartbeatMs / 5)));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
