import { describe, expect, it } from 'vitest';
import {
  backoffSeconds,
  failureReasonOf,
  idleStatus,
  nextDestinationStatus,
  nextRetryAt,
  type DestinationEvent,
  type DestinationStatus
} from './destinationStatus.js';

const t0 = new Date('2026-12-06T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const middle = () => 0.5;

function run(
  events: readonly [number, DestinationEvent][],
  start: DestinationStatus = idleStatus(t0)
): DestinationStatus {
  return events.reduce((status, [seconds, event]) => nextDestinationStatus(status, event, at(seconds), middle), start);
}

describe('the status of an outside destination', () => {
  it('goes idle → connecting → live while the program runs, and back to idle when it ends', () => {
    const live = run([
      [0, { type: 'start' }],
      [1, { type: 'connected' }]
    ]);
    expect(live).toMatchObject({ state: 'live', reason: null, liveSince: at(1) });
    expect(run([[5, { type: 'stop' }]], live)).toEqual(idleStatus(at(5)));
  });

  it('fails with a reason, then retries after 1, 2, 4, 8, 16 and at most 30 s', () => {
    let status = run([[0, { type: 'start' }]]);
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i += 1) {
      status = run(
        [
          [now, { type: 'failed', reason: 'connection_refused' }],
          [now, { type: 'exited', reason: 'unknown' }]
        ],
        status
      );
      expect(status).toMatchObject({ state: 'retrying', reason: 'connection_refused', failures: i + 1 });
      const wait = (status.nextRetryAt!.getTime() - at(now).getTime()) / 1000;
      waits.push(wait);
      now += wait;
      status = run([[now, { type: 'retry_due' }]], status);
      expect(status).toMatchObject({ state: 'connecting', reason: 'connection_refused', nextRetryAt: null });
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it('jitters each wait by at most 20%', () => {
    expect(nextRetryAt(3, t0, () => 0).getTime() - t0.getTime()).toBe(3200);
    expect(nextRetryAt(3, t0, () => 0.999999).getTime() - t0.getTime()).toBe(4800);
    expect(backoffSeconds(99)).toBe(30);
  });

  it('counts the backoff from 1 s again after staying live for a minute', () => {
    const failedOften = run([
      [0, { type: 'start' }],
      [0, { type: 'exited', reason: 'timeout' }],
      [1, { type: 'retry_due' }],
      [1, { type: 'exited', reason: 'timeout' }],
      [3, { type: 'retry_due' }],
      [4, { type: 'connected' }]
    ]);
    expect(failedOften.failures).toBe(2);
    expect(run([[30, { type: 'exited', reason: 'broken_pipe' }]], failedOften)).toMatchObject({
      failures: 3,
      nextRetryAt: at(34)
    });
    expect(run([[64, { type: 'exited', reason: 'broken_pipe' }]], failedOften)).toMatchObject({
      failures: 1,
      reason: 'broken_pipe',
      nextRetryAt: at(65)
    });
  });

  it('goes idle from any state when disabled or the program ends, and ignores late events', () => {
    const retrying = run([
      [0, { type: 'start' }],
      [0, { type: 'exited', reason: 'dns' }]
    ]);
    expect(run([[0.5, { type: 'stop' }]], retrying)).toMatchObject({
      state: 'idle',
      reason: null,
      nextRetryAt: null,
      failures: 0
    });
    expect(run([[0.5, { type: 'connected' }]], retrying)).toBe(retrying);
    expect(run([[0, { type: 'connected' }]])).toMatchObject({ state: 'idle' });
  });
});

describe("reading the reason from ffmpeg's last lines", () => {
  it.each([
    [
      [
        '[tcp @ 0x55] Connection to tcp://127.0.0.1:1935 failed: Connection refused',
        'Error opening output: Connection refused'
      ],
      'connection_refused'
    ],
    [['[tcp @ 0x1] Failed to resolve hostname nowhere.invalid: Name or service not known'], 'dns'],
    [['[rtmp @ 0x1] Server error: Authentication failed'], 'auth_rejected'],
    [['[rtmp @ 0x1] Server error: NetStream.Publish.BadName'], 'auth_rejected'],
    [['[tcp @ 0x1] Connection to tcp://10.0.0.1:1935 failed: Connection timed out'], 'timeout'],
    [['av_interleaved_write_frame(): Broken pipe'], 'broken_pipe'],
    [['Error muxing a packet'], 'unknown'],
    [[], 'unknown']
  ])('%j → %s', (lines, reason) => {
    expect(failureReasonOf(lines)).toBe(reason);
  });
});
