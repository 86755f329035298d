/**
 * The status of one outside destination, as producers see it in the console
 * and operators in /metrics:
 *
 *   idle ──start──▶ connecting ──connected──▶ live
 *                      ▲   │ failed              │ failed
 *                      │   ▼                     ▼
 *            retry_due │ failing(reason) ──exited──▶ retrying(next retry at)
 *
 * `failing` is the moment ffmpeg said what went wrong but has not exited;
 * `retrying` waits out a backoff of 1, 2, 4, 8, 16, then 30 s (±20% jitter
 * so destinations that failed together do not retry together), counted
 * again from 1 s once a destination stayed live for 60 s. `stop` (program
 * ended, destination disabled or removed) returns to idle from anywhere.
 * Pure: the clock and the jitter's randomness are passed in.
 */

export const destinationStates = ['idle', 'connecting', 'live', 'failing', 'retrying'] as const;
export type DestinationState = (typeof destinationStates)[number];

export const failureReasons = [
  'connection_refused',
  'dns',
  'auth_rejected',
  'timeout',
  'broken_pipe',
  'too_slow',
  'unknown'
] as const;
export type FailureReason = (typeof failureReasons)[number];

export interface DestinationStatus {
  readonly state: DestinationState;
  readonly since: Date;
  /** Why it failed last; kept through `retrying` and `connecting` until it goes live again. */
  readonly reason: FailureReason | null;
  /** Failures since it last stayed live for `backoffResetSeconds`. */
  readonly failures: number;
  readonly nextRetryAt: Date | null;
  readonly liveSince: Date | null;
}

export type DestinationEvent =
  | { readonly type: 'start' }
  | { readonly type: 'connected' }
  | { readonly type: 'failed'; readonly reason: FailureReason }
  | { readonly type: 'exited'; readonly reason: FailureReason }
  | { readonly type: 'retry_due' }
  | { readonly type: 'stop' };

export const backoffSteps = [1, 2, 4, 8, 16, 30] as const;
export const backoffResetSeconds = 60;
export const backoffJitter = 0.2;

export function idleStatus(now: Date): DestinationStatus {
  return { state: 'idle', since: now, reason: null, failures: 0, nextRetryAt: null, liveSince: null };
}

/** Seconds to wait after the nth failure in a row (1-based), before jitter. */
export function backoffSeconds(failures: number): number {
  return backoffSteps[Math.min(Math.max(failures, 1), backoffSteps.length) - 1]!;
}

/**
 * The status after `event` at `now`. `random` in [0, 1) picks the jitter.
 * Events that make no sense in a state (a late `connected` from a relay
 * already failing) leave the status unchanged rather than inventing one.
 */
export function nextDestinationStatus(
  status: DestinationStatus,
  event: DestinationEvent,
  now: Date,
  random: () => number = Math.random
): DestinationStatus {
  switch (event.type) {
    case 'stop':
      return status.state === 'idle' ? status : idleStatus(now);
    case 'start':
      return status.state === 'idle' ? { ...status, state: 'connecting', since: now, nextRetryAt: null } : status;
    case 'retry_due':
      return status.state === 'retrying' ? { ...status, state: 'connecting', since: now, nextRetryAt: null } : status;
    case 'connected':
      return status.state === 'connecting'
        ? { ...status, state: 'live', since: now, reason: null, liveSince: now }
        : status;
    case 'failed':
      return status.state === 'connecting' || status.state === 'live'
        ? { ...status, state: 'failing', since: now, reason: event.reason }
        : status;
    case 'exited': {
      if (status.state !== 'connecting' && status.state !== 'live' && status.state !== 'failing') return status;
      const stayedLive =
        status.liveSince !== null && now.getTime() - status.liveSince.getTime() >= backoffResetSeconds * 1000;
      const failures = (stayedLive ? 0 : status.failures) + 1;
      const reason = status.state === 'failing' ? (status.reason ?? event.reason) : event.reason;
      return {
        state: 'retrying',
        since: now,
        reason,
        failures,
        nextRetryAt: nextRetryAt(failures, now, random),
        liveSince: null
      };
    }
  }
}

/** When the next attempt starts: the backoff step with ±20% jitter. */
export function nextRetryAt(failures: number, now: Date, random: () => number = Math.random): Date {
  const factor = 1 - backoffJitter + 2 * backoffJitter * random();
  return new Date(now.getTime() + Math.round(backoffSeconds(failures) * factor * 1000));
}

/**
 * The reason in ffmpeg's last stderr lines (its messages, and the errno
 * texts of Linux and OpenSSL it passes on). The last matching line wins:
 * ffmpeg's final line is usually the most specific.
 */
export function failureReasonOf(lines: readonly string[]): FailureReason {
  for (const line of [...lines].reverse()) {
    if (/connection refused/i.test(line)) return 'connection_refused';
    if (
      /name or service not known|failed to resolve|temporary failure in name resolution|no address associated|getaddrinfo|could not resolve/i.test(
        line
      )
    )
      return 'dns';
    if (
      /unauthori[sz]ed|forbidden|\b40[13]\b|badname|rejected|authentication|publish.*(denied|failed)|access denied/i.test(
        line
      )
    )
      return 'auth_rejected';
    if (/timed out|timeout|etimedout/i.test(line)) return 'timeout';
    if (/broken pipe|connection reset|epipe|end of file|i\/o error/i.test(line)) return 'broken_pipe';
  }
  return 'unknown';
}

/** A short English reason for logs (the console uses the i18n catalogue). */
export const failureReasonText: Record<FailureReason, string> = {
  connection_refused: 'the destination refused the connection',
  dns: "the destination's host name was not found",
  auth_rejected: 'the destination rejected the stream key',
  timeout: 'the destination did not answer in time',
  broken_pipe: 'the connection to the destination broke',
  too_slow: 'the destination is too slow',
  unknown: 'the relay stopped unexpectedly'
};
