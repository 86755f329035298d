/**
 * A viewer process of the fan-out benchmark: opens its share of the viewer
 * connections (a bounded number at a time), follows the benchmark channel,
 * and for every event records the delivery latency (receive time minus the
 * publish time in the payload) and counts it per viewer by its number, so
 * the orchestrator can tell what was lost. Both peers are read the same way
 * (a ws client, the event's time and number read straight from the frame);
 * `official` uses socket.io-client (and its parser) for Socket.IO instead.
 */
import { io as socketIoClient } from 'socket.io-client';
import { WebSocket } from 'ws';
import { announceFailure, announceReady, serveRequests } from './childLink.js';
import {
  benchChannel,
  preciseNow,
  readTick,
  type BenchPayload,
  type ClientConfig,
  type ConnectDone,
  type Request,
  type ViewerReport
} from './benchEvent.js';
import { LatencyHistogram } from './latencyHistogram.js';

const config = JSON.parse(process.argv[2] ?? '{}') as ClientConfig;
const count = config.viewers;
const lastN = new Float64Array(count).fill(-1);
const received = new Uint32Array(count);
const isOpen = new Uint8Array(count);
/** Viewers that followed the channel at some point: the ones the loss is counted for. */
const followed = new Uint8Array(count);
const closers: (() => void)[] = [];
const histogram = new LatencyHistogram();
let window = { firstN: 0, lastN: -1 };
let outOfOrder = 0;

function tick(viewer: number, payload: Pick<BenchPayload, 't' | 'n'>, now: number): void {
  const n = payload.n;
  if (n < window.firstN || n > window.lastN) return;
  if (n <= (lastN[viewer] as number)) {
    outOfOrder += 1;
    return;
  }
  lastN[viewer] = n;
  received[viewer] = (received[viewer] as number) + 1;
  histogram.record(now - payload.t);
}

/** Resolves once the viewer follows the channel; rejects on failure or after the connect time limit. */
function openViewer(viewer: number, url: string): Promise<void> {
  if (config.peer === 'socketio' && config.socketIoClient === 'official') return openOfficialSocketIo(viewer, url);
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    let following = false;
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('timed out before following the channel'));
    }, config.connectTimeoutMs);
    const follows = () => {
      if (following) return;
      following = true;
      isOpen[viewer] = 1;
      followed[viewer] = 1;
      clearTimeout(timer);
      resolve();
    };
    closers[viewer] = () => socket.terminate();
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (!following) reject(error);
    });
    socket.on('close', () => {
      isOpen[viewer] = 0;
      clearTimeout(timer);
      if (!following) reject(new Error('closed before following the channel'));
    });
    if (config.peer === 'madang') {
      socket.on('open', () => socket.send(JSON.stringify({ v: 1, type: 'subscribe', channel: benchChannel })));
      socket.on('message', (data: Buffer) => {
        const now = preciseNow();
        const event = readTick(data);
        if (event) tick(viewer, event, now);
        else if (!following && (JSON.parse(data.toString()) as { type: string }).type === 'subscribed') follows();
      });
    } else {
      // Engine.IO 4 / Socket.IO 5 over a bare WebSocket: the server's "0" open
      // packet, our "40" connect, "420[...]" an event with ack id 0, "430[...]"
      // its ack, "42[...]" events, "2" pings answered with "3".
      socket.on('message', (data: Buffer) => {
        const now = preciseNow();
        const event = readTick(data);
        if (event) return tick(viewer, event, now);
        const text = data.toString();
        if (text === '2') socket.send('3');
        else if (text.startsWith('430')) follows();
        else if (text.startsWith('40')) socket.send(`420${JSON.stringify(['subscribe', benchChannel])}`);
        else if (text.startsWith('0')) socket.send('40');
        else if (text.startsWith('44')) socket.terminate();
      });
    }
  });
}

function openOfficialSocketIo(viewer: number, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const origin = new URL(url);
    const socket = socketIoClient(`http://${origin.host}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: config.connectTimeoutMs
    });
    closers[viewer] = () => socket.disconnect();
    let following = false;
    socket.on('tick', (payload: BenchPayload) => tick(viewer, payload, preciseNow()));
    socket.on('connect', () =>
      socket.emit('subscribe', benchChannel, () => {
        following = true;
        isOpen[viewer] = 1;
        followed[viewer] = 1;
        resolve();
      })
    );
    socket.on('connect_error', (error) => {
      if (!following) reject(error);
    });
    socket.on('disconnect', () => {
      isOpen[viewer] = 0;
      if (!following) reject(new Error('disconnected before following the channel'));
    });
  });
}

async function connectAll(): Promise<ConnectDone> {
  let next = 0;
  let open = 0;
  let failed = 0;
  let firstError: string | null = null;
  const worker = async () => {
    for (let viewer = next++; viewer < count; viewer = next++) {
      try {
        await openViewer(viewer, config.urls[viewer % config.urls.length] as string);
        open += 1;
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.concurrency, count) }, worker));
  return { open, failed, firstError };
}

function report(): ViewerReport {
  const expected = window.lastN - window.firstN + 1;
  let total = 0;
  let lost = 0;
  let open = 0;
  for (let viewer = 0; viewer < count; viewer += 1) {
    total += received[viewer] as number;
    open += isOpen[viewer] as number;
    // A viewer that never followed the channel is not part of the run (the orchestrator reports it as failed to connect).
    if ((followed[viewer] as number) === 1) lost += Math.max(0, expected - (received[viewer] as number));
  }
  return { received: total, open, lost, outOfOrder, histogram: histogram.sparse(), maxMs: histogram.maxMs };
}

serveRequests(async (request: Request) => {
  switch (request.type) {
    case 'connect':
      return connectAll();
    case 'phase':
      window = { firstN: request.firstN, lastN: request.lastN };
      received.fill(0);
      outOfOrder = 0;
      histogram.reset();
      return null;
    case 'progress': {
      let total = 0;
      for (let viewer = 0; viewer < count; viewer += 1) total += received[viewer] as number;
      return total;
    }
    case 'report':
      return report();
    case 'measure':
    case 'publish':
      throw new Error(`a viewer process does not answer ${request.type}`);
  }
});
process.on('exit', () => {
  for (const close of closers) close?.();
});
announceReady({ viewers: count });

process.on('uncaughtException', (error) => {
  announceFailure(error);
  process.exit(1);
});
