/**
 * Simulcast: while a stage has a program, one relay per enabled outside
 * destination, each with its own status and retry timer, so a destination
 * that fails (refused, wrong key, too slow) never touches the others or the
 * site's HLS — they only share the program feed, which never waits for a
 * relay. The console's edits reach running relays through `refresh`: only
 * the destinations whose address or key changed are restarted.
 *
 * Wiring (app.ts / stageBroadcaster.ts): `attach(stageId, programFeed)` when
 * a stage goes live, `detach(stageId)` when it stops, `refresh(stageId)`
 * after a console edit, `close()` at shutdown. When the program feed ends
 * every destination of the stage goes idle by itself; `detach` then only
 * forgets the stage.
 */
import {
  idleStatus,
  nextDestinationStatus,
  type DestinationEvent,
  type DestinationStatus
} from '../../../domain/broadcast/destinations/destinationStatus.js';
import type { ProgramFeed } from '../broadcastPorts.js';
import { DestinationRelay, type RelayDestination, type RelayLog, type RelayReport } from './destinationRelay.js';

/** The port Simulcast reads destinations through: a stage's enabled ones, keys unsealed. */
export interface SimulcastDestinations {
  enabledForStage(stageId: string): Promise<readonly RelayDestination[]>;
}

/** One destination's status as the console and /metrics show it. */
export interface DestinationStatusView extends DestinationStatus {
  readonly destinationId: string;
  readonly name: string;
}

export interface SimulcastOptions {
  readonly ffmpegPath: string;
  readonly destinations: SimulcastDestinations;
  readonly log: RelayLog & { error(fields: object, message: string): void };
  readonly clock?: () => Date;
  /** For the backoff's jitter; tests pin it. */
  readonly random?: () => number;
  /** Relay queue limits (tests make "too slow" quick to reach). */
  readonly maxQueuedMilliseconds?: number;
  readonly maxQueuedBytes?: number;
}

interface Running {
  destination: RelayDestination;
  status: DestinationStatus;
  relay: DestinationRelay | null;
  retryTimer: NodeJS.Timeout | null;
}

interface AttachedStage {
  readonly feed: ProgramFeed;
  readonly running: Map<string, Running>;
  /** Edits come in while a list is being read; they are applied one after another. */
  refreshing: Promise<void>;
  /** The program stopped: nothing is started or retried until the stage is attached again. */
  ended: boolean;
  stopWatching: () => void;
}

export type RetryListener = (stageId: string, destinationId: string) => void;

export class Simulcast {
  readonly #options: SimulcastOptions;
  readonly #clock: () => Date;
  readonly #random: () => number;
  readonly #stages = new Map<string, AttachedStage>();
  readonly #retryListeners = new Set<RetryListener>();
  #closed = false;

  constructor(options: SimulcastOptions) {
    this.#options = options;
    this.#clock = options.clock ?? (() => new Date());
    this.#random = options.random ?? Math.random;
  }

  /** Starts relays for the stage's enabled destinations; a stage attached again first lets go of its old feed. */
  async attach(stageId: string, feed: ProgramFeed): Promise<void> {
    if (this.#closed) return;
    this.detach(stageId);
    const stage: AttachedStage = {
      feed,
      running: new Map(),
      refreshing: Promise.resolve(),
      ended: false,
      stopWatching: () => {}
    };
    this.#stages.set(stageId, stage);
    // Watching the end itself, so a relay waiting to retry does not start again on a program that is over.
    stage.stopWatching = feed.follow(
      () => {},
      () => this.#programEnded(stageId, stage)
    );
    await this.refresh(stageId);
  }

  /** Stops every relay of the stage: its destinations are idle again. */
  detach(stageId: string): void {
    const stage = this.#stages.get(stageId);
    if (!stage) return;
    this.#stages.delete(stageId);
    stage.stopWatching();
    for (const running of stage.running.values()) this.#halt(stageId, running);
    stage.running.clear();
  }

  #programEnded(stageId: string, stage: AttachedStage): void {
    stage.ended = true;
    for (const running of stage.running.values()) this.#halt(stageId, running);
  }

  /**
   * Applies the stage's current destinations after a console edit: starts
   * new and newly enabled ones, stops removed and disabled ones, restarts
   * only those whose URL or key changed. Nothing to do for a stage not live.
   */
  refresh(stageId: string): Promise<void> {
    const stage = this.#stages.get(stageId);
    if (!stage) return Promise.resolve();
    stage.refreshing = stage.refreshing
      .then(() => this.#apply(stageId, stage))
      .catch((error: unknown) => {
        this.#options.log.error({ stage: stageId, err: error }, 'simulcast could not read the destinations');
      });
    return stage.refreshing;
  }

  async #apply(stageId: string, stage: AttachedStage): Promise<void> {
    const wanted = await this.#options.destinations.enabledForStage(stageId);
    // Detached (or detached and attached again) while reading: that attach applies its own list.
    if (this.#stages.get(stageId) !== stage || stage.ended) return;
    const wantedIds = new Set(wanted.map((d) => d.id));
    for (const [id, running] of stage.running) {
      if (!wantedIds.has(id)) {
        this.#halt(stageId, running);
        stage.running.delete(id);
      }
    }
    for (const destination of wanted) {
      const running = stage.running.get(destination.id);
      if (
        running &&
        running.destination.url === destination.url &&
        running.destination.streamKey === destination.streamKey
      ) {
        running.destination = destination;
        continue;
      }
      if (running) this.#halt(stageId, running);
      const fresh: Running = { destination, status: idleStatus(this.#clock()), relay: null, retryTimer: null };
      stage.running.set(destination.id, fresh);
      this.#dispatch(stageId, fresh, { type: 'start' });
      this.#launch(stageId, stage, fresh);
    }
  }

  /** Every destination of the stage that is running or waiting to retry; any other destination is idle. */
  statuses(stageId: string): DestinationStatusView[] {
    const stage = this.#stages.get(stageId);
    if (!stage) return [];
    return [...stage.running.values()].map((r) => ({
      ...r.status,
      destinationId: r.destination.id,
      name: r.destination.name
    }));
  }

  /** Every attached stage's statuses, for /metrics. */
  allStatuses(): { readonly stageId: string; readonly statuses: DestinationStatusView[] }[] {
    return [...this.#stages.keys()].map((stageId) => ({ stageId, statuses: this.statuses(stageId) }));
  }

  onRetry(listener: RetryListener): () => void {
    this.#retryListeners.add(listener);
    return () => this.#retryListeners.delete(listener);
  }

  close(): void {
    this.#closed = true;
    for (const stageId of [...this.#stages.keys()]) this.detach(stageId);
  }

  #launch(stageId: string, stage: AttachedStage, running: Running): void {
    const relay = new DestinationRelay({
      ffmpegPath: this.#options.ffmpegPath,
      destination: running.destination,
      stageId,
      feed: stage.feed,
      log: this.#options.log,
      onReport: (report) => this.#onReport(stageId, stage, running, relay, report),
      ...(this.#options.maxQueuedMilliseconds === undefined
        ? {}
        : { maxQueuedMilliseconds: this.#options.maxQueuedMilliseconds }),
      ...(this.#options.maxQueuedBytes === undefined ? {} : { maxQueuedBytes: this.#options.maxQueuedBytes })
    });
    running.relay = relay;
    relay.start();
  }

  #onReport(
    stageId: string,
    stage: AttachedStage,
    running: Running,
    relay: DestinationRelay,
    report: RelayReport
  ): void {
    // A report from a relay that was replaced or stopped changes nothing.
    if (running.relay !== relay || stage.running.get(running.destination.id) !== running) return;
    switch (report.type) {
      case 'connected':
        this.#dispatch(stageId, running, { type: 'connected' });
        return;
      case 'failed':
        this.#dispatch(stageId, running, { type: 'failed', reason: report.reason });
        return;
      case 'exited':
        running.relay = null;
        if (report.reason === null) {
          // The program ended: nothing to send until the stage is attached again.
          this.#dispatch(stageId, running, { type: 'stop' });
          return;
        }
        this.#dispatch(stageId, running, { type: 'exited', reason: report.reason });
        this.#scheduleRetry(stageId, stage, running);
        return;
    }
  }

  #scheduleRetry(stageId: string, stage: AttachedStage, running: Running): void {
    const at = running.status.nextRetryAt;
    if (!at || this.#closed) return;
    const delay = Math.max(0, at.getTime() - this.#clock().getTime());
    running.retryTimer = setTimeout(() => {
      running.retryTimer = null;
      if (stage.running.get(running.destination.id) !== running || this.#stages.get(stageId) !== stage || stage.ended)
        return;
      for (const listener of this.#retryListeners) listener(stageId, running.destination.id);
      this.#dispatch(stageId, running, { type: 'retry_due' });
      this.#launch(stageId, stage, running);
    }, delay);
    running.retryTimer.unref();
  }

  #halt(stageId: string, running: Running): void {
    if (running.retryTimer) clearTimeout(running.retryTimer);
    running.retryTimer = null;
    const relay = running.relay;
    running.relay = null;
    relay?.stop();
    this.#dispatch(stageId, running, { type: 'stop' });
  }

  #dispatch(stageId: string, running: Running, event: DestinationEvent): void {
    const before = running.status.state;
    running.status = nextDestinationStatus(running.status, event, this.#clock(), this.#random);
    const after = running.status;
    if (after.state !== before) {
      const fields = {
        stage: stageId,
        destination: running.destination.id,
        destinationName: running.destination.name,
        from: before,
        to: after.state,
        reason: after.reason,
        nextRetryAt: after.nextRetryAt
      };
      if (after.state === 'failing' || after.state === 'retrying')
        this.#options.log.warn(fields, 'simulcast destination status');
      else this.#options.log.info(fields, 'simulcast destination status');
    }
  }
}
