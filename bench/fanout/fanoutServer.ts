/**
 * A server process of the fan-out benchmark: either one Madang hub node (the
 * real Hub and live endpoint, on the in-memory bus or, for the two-node mode,
 * the Redis bus) or a plain Socket.IO 4 server (one room per channel,
 * `io.to(room).emit`), on loopback. It publishes the benchmark's events when
 * asked and reports its memory and CPU. Started by bench/fanout.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server as SocketIoServer } from 'socket.io';
import { Hub } from '../../src/lib/server/realtime/hub.js';
import { attachLiveEndpoint, livePath } from '../../src/lib/server/realtime/liveEndpoint.js';
import { MemoryBus } from '../../src/lib/server/realtime/memoryBus.js';
import { RedisBus } from '../../src/lib/server/realtime/redisBus.js';
import { announceFailure, announceReady, serveRequests } from './childLink.js';
import {
  benchChannel,
  benchEventName,
  benchPayload,
  preciseNow,
  type PublishDone,
  type Request,
  type ServerConfig,
  type ServerMeasure,
  type ServerReady
} from './benchEvent.js';

interface Running {
  readonly url: string;
  readonly version: string;
  connections(): number;
  publish(n: number): Promise<unknown>;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ServerConfig;
const failures = new Map<string, number>();
const onFailure = (_error: unknown, context: string) => failures.set(context, (failures.get(context) ?? 0) + 1);
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

async function startMadang(http: HttpServer, port: number): Promise<Running> {
  const bus = config.redis
    ? new RedisBus(config.redis.url, { prefix: config.redis.prefix, onFailure })
    : new MemoryBus();
  const hub = new Hub(bus, { onFailure });
  await hub.start();
  attachLiveEndpoint(http, hub);
  const version = (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return {
    url: `ws://127.0.0.1:${port}${livePath}`,
    version,
    connections: () => hub.connectionCount,
    publish: (n) => hub.publish(benchChannel, benchEventName, benchPayload(n, preciseNow()))
  };
}

function startSocketIo(http: HttpServer, port: number): Running {
  // Defaults, except what makes the comparison fair: WebSocket only (as the
  // hub), no per-message compression (the hub has none), no client bundle.
  const io = new SocketIoServer(http, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
  io.on('connection', (socket) => {
    socket.on('subscribe', (channel: unknown, ack: unknown) => {
      if (typeof channel !== 'string') return;
      void socket.join(channel);
      if (typeof ack === 'function') (ack as (ok: boolean) => void)(true);
    });
  });
  const version = (createRequire(import.meta.url)('socket.io/package.json') as { version: string }).version;
  return {
    url: `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`,
    version,
    connections: () => io.engine.clientsCount,
    publish: async (n) => io.to(benchChannel).emit('tick', benchPayload(n, preciseNow()))
  };
}

function fileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = Number(line?.split(/\s{2,}/)[1]);
  return Number.isFinite(soft) ? soft : 1024;
}

async function measure(running: Running, collect: boolean): Promise<ServerMeasure> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; collect && i < 3; i += 1) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const loopDelayMaxMs = loopDelay.max / 1e6;
  loopDelay.reset();
  return {
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    userUs: cpu.user,
    systemUs: cpu.system,
    connections: running.connections(),
    loopDelayMaxMs
  };
}

/**
 * Publishes `count` events at `rate` per second on a fixed schedule. A server
 * too busy to keep up falls behind; past three times the phase's length the
 * rest is skipped (reported, never counted as delivered), so a phase is bounded.
 */
async function publish(running: Running, rate: number, count: number, firstN: number): Promise<PublishDone> {
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  const deadline = start + count * interval * 3 + 2_000;
  let failed = 0;
  let skipped = 0;
  let lateMaxMs = 0;
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (performance.now() > deadline) {
      skipped = count - i;
      break;
    }
    lateMaxMs = Math.max(lateMaxMs, performance.now() - due);
    inFlight.push(running.publish(firstN + i).catch(() => (failed += 1)));
  }
  await Promise.all(inFlight);
  return { published: count - failed - skipped, failed, skipped, lateMaxMs };
}

async function main(): Promise<void> {
  const http = createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  const { port } = http.address() as AddressInfo;
  const running = config.peer === 'madang' ? await startMadang(http, port) : startSocketIo(http, port);
  serveRequests(async (request: Request) => {
    switch (request.type) {
      case 'measure':
        return measure(running, request.collect);
      case 'publish':
        return publish(running, request.rate, request.count, request.firstN);
      case 'connect':
      case 'phase':
      case 'progress':
      case 'report':
        throw new Error(`a server does not answer ${request.type}`);
    }
  });
  process.on('exit', () => {
    if (failures.size > 0)
      console.error(`[${config.peer} server] failures: ${JSON.stringify(Object.fromEntries(failures))}`);
  });
  const ready: ServerReady = {
    url: running.url,
    version: running.version,
    fileLimit: fileLimit(),
    openFiles: readdirSync('/proc/self/fd').length
  };
  announceReady(ready);
}

main().catch((error: unknown) => {
  announceFailure(error);
  process.exit(1);
});
