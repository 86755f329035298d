/**
 * What the fan-out benchmark sends and how its processes talk: the 200-byte
 * event payload (publish time and a counter), the channel every viewer
 * follows, and the request/reply messages between the orchestrator and its
 * child processes (one server per hub node, several viewer processes).
 */

export const benchChannel = 'session:fanout-bench';
export const benchEventName = 'bench.tick';
/** Size of the event's JSON payload (`data` for Madang, the event argument for Socket.IO). */
export const payloadBytes = 200;

export type Peer = 'madang' | 'socketio';
export type SocketIoClientKind = 'ws' | 'official';

export interface BenchPayload {
  /** Publish time, epoch milliseconds with sub-millisecond precision. */
  readonly t: number;
  /** The event's number within the run; each viewer counts what it received by it. */
  readonly n: number;
  readonly pad: string;
}

/** Wall-clock time with sub-millisecond precision; every process on the machine shares the clock. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export function benchPayload(n: number, t: number): BenchPayload {
  const bare = JSON.stringify({ t, n, pad: '' }).length;
  return { t, n, pad: 'x'.repeat(Math.max(0, payloadBytes - bare)) };
}

const tickStart = Buffer.from('{"t":');

/**
 * Reads the publish time and number of a benchmark event from a received
 * frame of either peer (the payload's JSON always starts `{"t":<ms>,"n":<n>,`)
 * without parsing the whole frame, so viewer processes, which share the
 * machine's cores with the server, spend as little as possible per event.
 * Null for any other frame.
 */
export function readTick(frame: Buffer): { t: number; n: number } | null {
  const start = frame.indexOf(tickStart);
  if (start < 0) return null;
  const comma = frame.indexOf(44, start + 5);
  const nStart = comma + 5;
  const nEnd = frame.indexOf(44, nStart);
  if (comma < 0 || nEnd < 0) return null;
  const t = Number(frame.toString('latin1', start + 5, comma));
  const n = Number(frame.toString('latin1', nStart, nEnd));
  return Number.isFinite(t) && Number.isSafeInteger(n) ? { t, n } : null;
}

/** How a server process is started (passed as its one argument, JSON). */
export interface ServerConfig {
  readonly peer: Peer;
  /** Set for the two-node mode: the hub uses the Redis bus with this key prefix. */
  readonly redis?: { readonly url: string; readonly prefix: string };
}

/** How a viewer process is started (passed as its one argument, JSON). */
export interface ClientConfig {
  readonly peer: Peer;
  readonly socketIoClient: SocketIoClientKind;
  /** Viewer i connects to urls[i % urls.length]. */
  readonly urls: readonly string[];
  readonly viewers: number;
  /** Connections being opened at once. */
  readonly concurrency: number;
  readonly connectTimeoutMs: number;
}

export type Request =
  /** `collect`: run the garbage collector first (for memory readings, not CPU ones). */
  | { readonly type: 'measure'; readonly collect: boolean }
  | { readonly type: 'publish'; readonly rate: number; readonly count: number; readonly firstN: number }
  | { readonly type: 'connect' }
  | { readonly type: 'phase'; readonly firstN: number; readonly lastN: number }
  | { readonly type: 'progress' }
  | { readonly type: 'report' };

export interface ServerReady {
  readonly url: string;
  readonly version: string;
  /** Open-file limit of the server process and files already open: how many viewers it can hold. */
  readonly fileLimit: number;
  readonly openFiles: number;
}

export interface ServerMeasure {
  readonly rss: number;
  readonly heapUsed: number;
  /** process.cpuUsage(), microseconds. */
  readonly userUs: number;
  readonly systemUs: number;
  readonly connections: number;
  /** Longest event-loop stall since the previous measure, ms. */
  readonly loopDelayMaxMs: number;
}

export interface PublishDone {
  readonly published: number;
  readonly failed: number;
  /** Not published: the server fell so far behind that the phase's time ran out. */
  readonly skipped: number;
  /** Latest a publish ran after its scheduled time, ms (the publisher's own loop lag). */
  readonly lateMaxMs: number;
}

export interface ConnectDone {
  readonly open: number;
  readonly failed: number;
  readonly firstError: string | null;
}

export interface ViewerReport {
  /** Events of the phase received, counted once per viewer and number. */
  readonly received: number;
  /** Viewers open at the end of the phase. */
  readonly open: number;
  /** Events of the phase a viewer did not receive, summed over viewers (including closed ones). */
  readonly lost: number;
  /** Events that arrived with a number not above the viewer's previous one. */
  readonly outOfOrder: number;
  /** Latency histogram as [bucket, count] pairs (see latencyHistogram.ts). */
  readonly histogram: readonly (readonly [number, number])[];
  readonly maxMs: number;
}
