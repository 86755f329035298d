/**
 * One WebSocket connection to the hub: what it subscribes to, whether it
 * still answers pings, and the guard that drops it when it stops reading.
 * Before every send the socket's unsent bytes are checked against a cap, so a
 * viewer that never reads costs at most that much memory before it is let go.
 */
import type { WebSocket } from 'ws';

export interface ViewerLimits {
  /** Unsent bytes a viewer may have queued before it is dropped as too slow. */
  readonly maxBufferedBytes: number;
  /** How long a dropped viewer gets to complete the close handshake. */
  readonly closeGraceMs: number;
}

/** Close codes the hub uses (docs/realtime-protocol.md). */
export const closeCodes = {
  goingAway: 1001,
  policyViolation: 1008,
  /** RFC 6455 "try again later": the viewer read too slowly. */
  tooSlow: 1013
} as const;

export interface Subscription {
  readonly viewer: Viewer;
  readonly channel: string;
  /** The newest sequence number this viewer has been sent on the channel. */
  position: number;
  /** Unsubscribed or disconnected while catching up: stop. */
  cancelled: boolean;
}

export class Viewer {
  readonly subscriptions = new Map<string, Subscription>();
  /** Answered the last ping (a ws pong). */
  isAlive = true;
  /** Invalid messages received so far. */
  problems = 0;
  #gone = false;

  constructor(
    readonly socket: WebSocket,
    private readonly limits: ViewerLimits,
    private readonly onGone: (viewer: Viewer) => void
  ) {
    socket.once('close', () => this.#leave());
  }

  get isGone(): boolean {
    return this.#gone;
  }

  /** Sends a frame unless the viewer is gone or too far behind (then it is dropped). */
  send(frame: Buffer): boolean {
    if (this.#gone) return false;
    if (this.socket.bufferedAmount + frame.length > this.limits.maxBufferedBytes) {
      this.drop(closeCodes.tooSlow, 'too slow: messages were not read in time');
      return false;
    }
    this.socket.send(frame, { binary: false });
    return true;
  }

  /** Ends the connection with a close code and reason; ends it hard if the viewer does not answer. */
  drop(code: number, reason: string): void {
    if (this.#gone) return;
    this.#leave();
    this.socket.close(code, reason);
    setTimeout(() => this.socket.terminate(), this.limits.closeGraceMs).unref();
  }

  #leave(): void {
    if (this.#gone) return;
    this.#gone = true;
    this.onGone(this);
  }
}
