import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { Viewer } from './viewer.js';
import { textFrames } from './wireFrame.js';

/** The parts of a ws WebSocket a Viewer touches, recording what was sent how. */
class FakeSocket extends EventEmitter {
  extensions = '';
  readyState = 1;
  bufferedAmount = 0;
  readonly written: Buffer[] = [];
  readonly sent: string[] = [];
  readonly closed: { code: number; reason: string }[] = [];
  readonly _socket = { destroyed: false, write: (bytes: Buffer) => this.written.push(bytes) };
  readonly _sender = { _queue: [] as unknown[] };
  send(data: Buffer): void {
    this.sent.push(data.toString());
  }
  close(code: number, reason: string): void {
    this.readyState = 2;
    this.closed.push({ code, reason });
  }
  terminate(): void {}
}

const limits = { maxBufferedBytes: 1000, closeGraceMs: 10 };
const payloads = [Buffer.from('{"a":1}'), Buffer.from('{"b":2}')];
const wire = textFrames(payloads);

function viewerOn(socket: FakeSocket): { viewer: Viewer; gone: ReturnType<typeof vi.fn> } {
  const gone = vi.fn();
  return { viewer: new Viewer(socket as unknown as WebSocket, limits, gone), gone };
}

describe('a viewer sent pre-framed broadcasts', () => {
  it('writes the framed bytes, unchanged, to the TCP socket', () => {
    const socket = new FakeSocket();
    const { viewer } = viewerOn(socket);
    expect(viewer.sendFramed(wire, payloads)).toBe(true);
    expect(socket.written).toEqual([wire]);
    expect(socket.sent).toEqual([]);
  });

  it('goes through ws, one message per payload, when ws has frames queued (order kept)', () => {
    const socket = new FakeSocket();
    socket._sender._queue.push('a frame ws is still compressing');
    const { viewer } = viewerOn(socket);
    viewer.sendFramed(wire, payloads);
    expect(socket.written).toEqual([]);
    expect(socket.sent).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('goes through ws when the connection negotiated an extension', () => {
    const socket = new FakeSocket();
    socket.extensions = 'permessage-deflate';
    const { viewer } = viewerOn(socket);
    viewer.sendFramed(wire, payloads);
    expect(socket.written).toEqual([]);
    expect(socket.sent).toHaveLength(2);
  });

  it('drops a viewer whose unsent bytes would pass the cap, and sends it nothing more', () => {
    const socket = new FakeSocket();
    const { viewer, gone } = viewerOn(socket);
    socket.bufferedAmount = limits.maxBufferedBytes - wire.length + 1;
    expect(viewer.sendFramed(wire, payloads)).toBe(false);
    expect(socket.closed).toEqual([{ code: 1013, reason: 'too slow: messages were not read in time' }]);
    expect(gone).toHaveBeenCalledWith(viewer);
    expect(viewer.sendFramed(wire, payloads)).toBe(false);
    expect(socket.written).toEqual([]);
  });

  it('sends nothing after the connection started closing', () => {
    const socket = new FakeSocket();
    const { viewer } = viewerOn(socket);
    socket.readyState = 2;
    expect(viewer.sendFramed(wire, payloads)).toBe(false);
    expect(socket.written).toEqual([]);
    expect(socket.sent).toEqual([]);
  });
});
