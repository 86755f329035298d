/**
 * Heartbeats are spread over the interval: each step pings a small batch, so
 * thousands of connections never make one long stall of the event loop.
 * Fake timers and fake sockets: it counts pings per step, it does not time them.
 * Also: what a connection costs the hub in listeners (shared, not per socket).
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { heartbeatStepMs, Hub } from './hub.js';
import { MemoryBus } from './memoryBus.js';

class SilentSocket extends EventEmitter {
  extensions = '';
  readyState = 1;
  bufferedAmount = 0;
  pings = 0;
  terminated = false;
  readonly _socket = { destroyed: false, write: () => true };
  readonly _sender = { _queue: [] };
  send(_data: Buffer): void {}
  ping(): void {
    this.pings += 1;
  }
  close(): void {}
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.readyState = 3;
    this.emit('close', 1006, Buffer.alloc(0));
  }
}

const heartbeatMs = 1_000;
const step = heartbeatStepMs(heartbeatMs);
let hub: Hub;

beforeEach(async () => {
  vi.useFakeTimers({
    toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'setImmediate', 'performance']
  });
  hub = new Hub(new MemoryBus(), { heartbeatMs, presenceMs: 60_000, presenceRefreshMs: 60_000 });
  await hub.start();
});

afterEach(async () => {
  await hub.close();
  vi.useRealTimers();
});

function connect(count: number): SilentSocket[] {
  return Array.from({ length: count }, () => {
    const socket = new SilentSocket();
    hub.connect(socket as unknown as WebSocket);
    return socket;
  });
}

const pinged = (sockets: SilentSocket[]) => sockets.reduce((sum, socket) => sum + socket.pings, 0);

describe('heartbeats', () => {
  it('ping every viewer once per interval, a batch per step rather than all at once', () => {
    const sockets = connect(400);
    const perStep: number[] = [];
    let before = 0;
    for (let elapsed = 0; elapsed < heartbeatMs; elapsed += step) {
      vi.advanceTimersByTime(step);
      perStep.push(pinged(sockets) - before);
      before = pinged(sockets);
    }
    expect(sockets.every((socket) => socket.pings === 1)).toBe(true);
    expect(Math.max(...perStep)).toBeLessThanOrEqual(Math.ceil(400 / 3));
    expect(perStep.filter((count) => count > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('end a viewer that did not answer the previous ping, and keep one that did', () => {
    const [silent, answering] = connect(2) as [SilentSocket, SilentSocket];
    vi.advanceTimersByTime(heartbeatMs);
    expect(silent.pings).toBe(1);
    answering.emit('pong');
    vi.advanceTimersByTime(heartbeatMs);
    expect(silent.terminated).toBe(true);
    expect(answering.terminated).toBe(false);
    expect(answering.pings).toBe(2);
    expect(hub.connectionCount).toBe(1);
  });

  it('take steps of at most 250 ms and at least five per interval', () => {
    expect(heartbeatStepMs(30_000)).toBe(250);
    expect(heartbeatStepMs(1_000)).toBe(200);
    expect(heartbeatStepMs(50)).toBe(10);
  });
});

describe('connections', () => {
  it('share their listeners: a connection adds no closures of its own', () => {
    const [first, second] = connect(2) as [SilentSocket, SilentSocket];
    for (const event of ['message', 'pong', 'error', 'close']) {
      expect(first.listeners(event)).toHaveLength(1);
      expect(first.listeners(event)).toEqual(second.listeners(event));
    }
  });

  it('still answer each socket as its own viewer', () => {
    const [first, second] = connect(2) as [SilentSocket, SilentSocket];
    const sent: string[] = [];
    second.send = (data: Buffer) => void sent.push(data.toString());
    second.emit('message', Buffer.from('{"v":1,"type":"ping","id":"second"}'), false);
    expect(sent.map((frame) => JSON.parse(frame) as unknown)).toEqual([{ v: 1, type: 'pong', id: 'second' }]);
    first.emit('close', 1000, Buffer.alloc(0));
    expect(hub.connectionCount).toBe(1);
  });
});
