/**
 * One WebSocket connection to the hub: what it subscribes to, whether it
 * still answers pings, and the guard that drops it when it stops reading.
 * Before every send the socket's unsent bytes are checked against a cap, so a
 * viewer that never reads costs at most that much memory before it is let go.
 * Broadcast frames arrive already framed (wireFrame.ts) and go straight to the
 * TCP socket: the same Buffer for every viewer, no framing per viewer.
 */
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

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

/**
 * The parts of a ws WebSocket that writing pre-framed bytes relies on. ws
 * writes every frame to the TCP socket synchronously unless its sender has
 * queued some (only with per-message compression, which the live endpoint
 * turns off, or Blob data, which the hub never sends); when the queue is not
 * empty the viewer falls back to ws's own send so the order stays right.
 */
interface WsInternals {
  readonly _socket?: Socket;
  readonly _sender?: { readonly _queue?: readonly unknown[] };
}

/** Where a socket keeps its viewer, so listeners shared by every connection can find it. */
const viewerKey = Symbol('madang.viewer');

/** The viewer a hub socket belongs to. */
export function viewerOf(socket: WebSocket): Viewer | undefined {
  return (socket as WebSocket & { [viewerKey]?: Viewer })[viewerKey];
}

export class Viewer {
  readonly subscriptions = new Map<string, Subscription>();
  /** Answered the last ping (a ws pong). */
  isAlive = true;
  /** Invalid messages received so far. */
  problems = 0;
  #gone = false;
  /** The TCP socket, when pre-framed bytes may be written to it directly. */
  readonly #tcp: Socket | null;
  readonly #sender: WsInternals['_sender'] | null;

  constructor(
    readonly socket: WebSocket,
    private readonly limits: ViewerLimits,
    private readonly onGone: (viewer: Viewer) => void
  ) {
    (socket as WebSocket & { [viewerKey]?: Viewer })[viewerKey] = this;
    // ws emits 'close' once; one listener shared by every connection.
    socket.on('close', Viewer.#leaveOnClose);
    const internals = socket as unknown as WsInternals;
    const direct =
      socket.extensions === '' &&
      typeof internals._socket?.write === 'function' &&
      Array.isArray(internals._sender?._queue);
    this.#tcp = direct ? (internals._socket as Socket) : null;
    this.#sender = direct ? internals._sender : null;
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

  /**
   * Sends broadcast frames framed once for every viewer: `wire` is
   * `textFrames(payloads)`. Same slow-viewer rule as `send`.
   */
  sendFramed(wire: Buffer, payloads: readonly Buffer[]): boolean {
    if (this.#gone) return false;
    if (this.socket.bufferedAmount + wire.length > this.limits.maxBufferedBytes) {
      this.drop(closeCodes.tooSlow, 'too slow: messages were not read in time');
      return false;
    }
    // Closing (by either side): no data frame may follow the close frame.
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    const tcp = this.#tcp;
    if (tcp !== null && this.#sender?._queue?.length === 0 && !tcp.destroyed) tcp.write(wire);
    else for (const payload of payloads) this.socket.send(payload, { binary: false });
    return true;
  }

  /** Ends the connection with a close code and reason; ends it hard if the viewer does not answer. */
  drop(code: number, reason: string): void {
    if (this.#gone) return;
    this.#leave();
    this.socket.close(code, reason);
    setTimeout(() => this.socket.terminate(), this.limits.closeGraceMs).unref();
  }

  static #leaveOnClose(this: WebSocket): void {
    const viewer = viewerOf(this);
    if (viewer) viewer.#leave();
  }

  #leave(): void {
    if (this.#gone) return;
    this.#gone = true;
    this.onGone(this);
  }
}
