/**
 * Fan-out: N viewers on loopback follow one session channel of the Madang
 * hub, then of a plain Socket.IO 4 server doing the same job, and each gets
 * 200-byte events at 1/s and at 50/s. Prints for both: server RSS per idle
 * connection, server CPU per delivered message, p50/p99/max delivery latency
 * per rate, messages lost, the ratios Madang/Socket.IO next to the issue's
 * targets, and ends with one JSON line. `--redis` adds two hub nodes through
 * the real Redis (viewers split across them, publishing on the first) and
 * prints the p99 it adds. See bench/README.md.
 *
 *   npm run bench:fanout -- --viewers 10000 [--redis] [--rates 1,50] [--seconds 10]
 *
 * The server is its own child process, viewers are spread over several more
 * (the open-file limit is per process); every child is killed at the end,
 * on error and on SIGINT. Every loop is bounded in count and time.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ChildLink, killAllChildren } from './fanout/childLink.js';
import type {
  ConnectDone,
  Peer,
  PublishDone,
  ServerConfig,
  ServerMeasure,
  ServerReady,
  SocketIoClientKind,
  ViewerReport
} from './fanout/benchEvent.js';
import { LatencyHistogram } from './fanout/latencyHistogram.js';

const targets = { rssRatio: 0.5, cpuRatio: 0.5, p99Ms: 100 };
/** Files a server process keeps open besides viewers (Redis connections, pipes, the listener), with room to spare. */
const fileMargin = 64;
const viewersPerProcess = 5_000;
const benchLimitMs = 20 * 60_000;

interface Options {
  viewers: number;
  redis: boolean;
  redisUrl: string;
  rates: number[];
  seconds: number;
  drainSeconds: number;
  viewerProcesses: number | null;
  socketIoClient: SocketIoClientKind;
  peers: Peer[];
}

interface PhaseFigures {
  rate: number;
  published: number;
  /** Events the server was too far behind to publish within the phase's bound. */
  skipped: number;
  /** Events published × viewers. */
  expected: number;
  delivered: number;
  lost: number;
  outOfOrder: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Longest event-loop stall of the server(s) during the phase. */
  serverLoopStallMs: number;
  /** Server CPU (user + system, all nodes) from the phase's start to its end, per event delivered in it. */
  cpuPerDeliveryUs: number | null;
  /** Viewers whose connection closed during the phase (Madang drops a viewer that stops reading; Socket.IO one that misses pings). */
  viewersClosed: number;
  drainMs: number;
  /** Why the phase could not be measured (the server too far behind to answer). */
  error?: string;
}

interface RunFigures {
  name: string;
  nodes: number;
  requestedViewers: number;
  viewers: number;
  connectFailures: number;
  /** Why fewer viewers than asked were connected, if so. */
  limitedBy: string | null;
  connectSeconds: number;
  rssPerConnectionBytes: number;
  /** The part of it on the JavaScript heap (the rest is native: sockets, buffers, allocator slack). */
  heapPerConnectionBytes: number;
  serverRssIdleBytes: number;
  cpuPerDeliveryUs: number | null;
  phases: PhaseFigures[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    viewers: 10_000,
    redis: false,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    rates: [1, 50],
    seconds: 10,
    drainSeconds: 10,
    viewerProcesses: null,
    socketIoClient: 'ws',
    peers: ['madang', 'socketio']
  };
  const value = (i: number, name: string): string => {
    const text = argv[i + 1];
    if (text === undefined) throw new Error(`${name} needs a value`);
    return text;
  };
  const positive = (text: string, name: string, max: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new Error(`${name} must be a whole number from 1 to ${max}, not ${JSON.stringify(text)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    switch (arg) {
      case '--viewers':
        options.viewers = positive(value(i++, arg), arg, 100_000);
        break;
      case '--redis':
        options.redis = true;
        break;
      case '--rates':
        options.rates = value(i++, arg)
          .split(',')
          .map((rate) => positive(rate, arg, 1_000));
        break;
      case '--seconds':
        options.seconds = positive(value(i++, arg), arg, 120);
        break;
      case '--drain-seconds':
        options.drainSeconds = positive(value(i++, arg), arg, 120);
        break;
      case '--viewer-processes':
        options.viewerProcesses = positive(value(i++, arg), arg, 32);
        break;
      case '--socketio-client': {
        const kind = value(i++, arg);
        if (kind !== 'ws' && kind !== 'official')
          throw new Error(`${arg} is ws (a bare WebSocket client, as for Madang) or official (socket.io-client)`);
        options.socketIoClient = kind;
        break;
      }
      case '--peers': {
        const peers = value(i++, arg).split(',');
        if (peers.some((peer) => peer !== 'madang' && peer !== 'socketio'))
          throw new Error(`${arg} lists madang and/or socketio`);
        options.peers = peers as Peer[];
        break;
      }
      default:
        throw new Error(
          `unknown option ${arg}; options: --viewers N, --redis, --rates 1,50, --seconds S, --drain-seconds S, --viewer-processes K, --socketio-client ws|official, --peers madang,socketio`
        );
    }
  }
  return options;
}

/** FANOUT_PROFILE_DIR=dir writes a CPU profile of each server process there (for looking into a result). */
const serverProfileArgs = process.env.FANOUT_PROFILE_DIR
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FANOUT_PROFILE_DIR}`]
  : [];
const serverFile = new URL('./fanout/fanoutServer.ts', import.meta.url).pathname;
const viewersFile = new URL('./fanout/fanoutViewers.ts', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuUs = (m: ServerMeasure) => m.userUs + m.systemUs;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function run(
  options: Options,
  peer: Peer,
  nodes: number,
  redisPrefix: string | null
): Promise<RunFigures & { version: string }> {
  const name = nodes > 1 ? `Madang, ${nodes} nodes through Redis` : peer;
  const config: ServerConfig = {
    peer,
    ...(redisPrefix ? { redis: { url: options.redisUrl, prefix: redisPrefix } } : {})
  };
  const starting = await Promise.allSettled(
    Array.from({ length: nodes }, (_, i) =>
      ChildLink.start<ServerReady>(`${peer} server ${i + 1}`, serverFile, config, ['--expose-gc', ...serverProfileArgs])
    )
  );
  const failedStart = starting.find((result) => result.status === 'rejected');
  if (failedStart) {
    // Stop the nodes that did start before giving up on this run.
    await Promise.all(starting.map((result) => (result.status === 'fulfilled' ? result.value.link.stop() : undefined)));
    throw failedStart.reason;
  }
  const started = starting.map(
    (result) => (result as PromiseFulfilledResult<{ link: ChildLink; ready: ServerReady }>).value
  );
  const servers = started.map((s) => s.link);
  const viewerLinks: ChildLink[] = [];
  try {
    const ready = started.map((s) => s.ready);
    const perNode = Math.min(...ready.map((r) => r.fileLimit - r.openFiles - fileMargin));
    let viewers = options.viewers;
    let limitedBy: string | null = null;
    if (viewers > perNode * nodes) {
      viewers = perNode * nodes;
      const limit = ready[0]?.fileLimit ?? 0;
      limitedBy =
        `a server process may open ${limit} files (open-file limit of this machine; each viewer is one socket) and needs ` +
        `${(ready[0]?.openFiles ?? 0) + fileMargin} for itself, so ${nodes === 1 ? 'one node' : `each of ${nodes} nodes`} holds at most ${perNode} viewers`;
      console.log(`  ${name}: ${options.viewers} viewers asked, ${viewers} possible: ${limitedBy}.`);
    }
    const before = await Promise.all(
      servers.map((s) => s.request<ServerMeasure>({ type: 'measure', collect: true }, 60_000))
    );

    const processes = options.viewerProcesses ?? Math.max(2, Math.ceil(viewers / viewersPerProcess));
    const shares = Array.from(
      { length: processes },
      (_, i) => Math.floor(viewers / processes) + (i < viewers % processes ? 1 : 0)
    );
    const urls = ready.map((r) => r.url);
    const connectStart = performance.now();
    for (const [i, share] of shares.entries()) {
      const { link } = await ChildLink.start(`${peer} viewers ${i + 1}`, viewersFile, {
        peer,
        socketIoClient: options.socketIoClient,
        urls,
        viewers: share,
        concurrency: 64,
        connectTimeoutMs: 60_000
      });
      viewerLinks.push(link);
    }
    const connects = await Promise.all(viewerLinks.map((v) => v.request<ConnectDone>({ type: 'connect' }, 240_000)));
    const connectSeconds = (performance.now() - connectStart) / 1000;
    const open = sum(connects.map((c) => c.open));
    const failed = sum(connects.map((c) => c.failed));
    const firstError = connects.find((c) => c.firstError)?.firstError;
    console.log(
      `  ${name}: ${open} viewers following in ${connectSeconds.toFixed(1)} s${failed ? `, ${failed} failed (${firstError})` : ''}`
    );
    if (open === 0) throw new Error(`no viewer could connect to ${name}: ${firstError}`);

    await sleep(2_000);
    const idle = await Promise.all(
      servers.map((s) => s.request<ServerMeasure>({ type: 'measure', collect: true }, 60_000))
    );
    const rssPerConnectionBytes = (sum(idle.map((m) => m.rss)) - sum(before.map((m) => m.rss))) / open;
    const heapPerConnectionBytes = (sum(idle.map((m) => m.heapUsed)) - sum(before.map((m) => m.heapUsed))) / open;

    console.log(
      `  ${name}: server memory per idle connection: ${(rssPerConnectionBytes / 1024).toFixed(1)} KiB RSS, of which ${(heapPerConnectionBytes / 1024).toFixed(1)} KiB JavaScript heap`
    );
    const phases: PhaseFigures[] = [];
    let nextN = 0;
    const cpuStart = await Promise.all(
      servers.map((s) => s.request<ServerMeasure>({ type: 'measure', collect: false }, 60_000))
    );
    /** CPU and deliveries up to the last phase whose end the server(s) could still report. */
    let cpuUsedUs = 0;
    let deliveredMeasured = 0;
    for (const rate of options.rates) {
      const count = rate * options.seconds;
      const firstN = nextN;
      nextN += count;
      try {
        const phase = await runPhase(servers, viewerLinks, options, rate, count, firstN, open);
        phases.push(phase.figures);
        cpuUsedUs = sum(phase.endMeasures.map(cpuUs)) - sum(cpuStart.map(cpuUs));
        deliveredMeasured = sum(phases.map((p) => p.delivered));
        console.log(
          `  ${name}: ${rate}/s → p50 ${ms(phase.figures.p50Ms)}, p99 ${ms(phase.figures.p99Ms)}, max ${ms(phase.figures.maxMs)}, ` +
            `lost ${phase.figures.lost} of ${phase.figures.expected} (${phase.figures.viewersClosed} viewers closed), ` +
            `CPU ${phase.figures.cpuPerDeliveryUs?.toFixed(2) ?? '–'} µs per delivery, server loop stall ≤ ${phase.figures.serverLoopStallMs.toFixed(0)} ms` +
            (phase.figures.skipped > 0
              ? `; the server fell behind: ${phase.figures.skipped} of ${count} events not published in time`
              : '')
        );
      } catch (error) {
        // A server this far behind cannot answer in time: report what was measured, skip the other rates.
        const reason = error instanceof Error ? error.message : String(error);
        console.log(`  ${name}: ${rate}/s could not be measured: ${reason}`);
        phases.push({
          rate,
          published: 0,
          skipped: count,
          expected: 0,
          delivered: 0,
          lost: 0,
          outOfOrder: 0,
          p50Ms: null,
          p99Ms: null,
          maxMs: null,
          serverLoopStallMs: 0,
          cpuPerDeliveryUs: null,
          viewersClosed: 0,
          drainMs: 0,
          error: reason
        });
        break;
      }
    }
    return {
      name,
      version: ready[0]?.version ?? '?',
      nodes,
      requestedViewers: options.viewers,
      viewers: open,
      connectFailures: failed,
      limitedBy,
      connectSeconds,
      rssPerConnectionBytes,
      heapPerConnectionBytes,
      serverRssIdleBytes: sum(idle.map((m) => m.rss)),
      cpuPerDeliveryUs: deliveredMeasured > 0 ? cpuUsedUs / deliveredMeasured : null,
      phases
    };
  } finally {
    await Promise.all([...viewerLinks, ...servers].map((link) => link.stop()));
  }
}

/** One rate: viewers told the phase's numbers, the server publishes, the viewers drain (bounded), then report. */
async function runPhase(
  servers: ChildLink[],
  viewerLinks: ChildLink[],
  options: Options,
  rate: number,
  count: number,
  firstN: number,
  open: number
): Promise<{ figures: PhaseFigures; endMeasures: ServerMeasure[] }> {
  await Promise.all(viewerLinks.map((v) => v.request({ type: 'phase', firstN, lastN: firstN + count - 1 }, 60_000)));
  const startMeasures = await Promise.all(
    servers.map((s) => s.request<ServerMeasure>({ type: 'measure', collect: false }, 60_000))
  );
  const done = await (servers[0] as ChildLink).request<PublishDone>(
    { type: 'publish', rate, count, firstN },
    options.seconds * 3_000 + 60_000
  );
  const expected = done.published * open;
  const drainStart = performance.now();
  for (let polls = 0; polls < options.drainSeconds * 5; polls += 1) {
    const progress = sum(await Promise.all(viewerLinks.map((v) => v.request<number>({ type: 'progress' }, 60_000))));
    if (progress >= expected) break;
    await sleep(200);
  }
  const drainMs = performance.now() - drainStart;
  const reports = await Promise.all(viewerLinks.map((v) => v.request<ViewerReport>({ type: 'report' }, 60_000)));
  const endMeasures = await Promise.all(
    servers.map((s) => s.request<ServerMeasure>({ type: 'measure', collect: false }, 60_000))
  );
  const histogram = new LatencyHistogram();
  for (const report of reports) histogram.merge(report.histogram, report.maxMs);
  const delivered = sum(reports.map((r) => r.received));
  const cpuUsed = sum(endMeasures.map(cpuUs)) - sum(startMeasures.map(cpuUs));
  const figures: PhaseFigures = {
    rate,
    published: done.published,
    skipped: done.skipped,
    expected,
    delivered,
    // Events whose publish failed count as lost; skipped ones were never sent (shown apart).
    lost: sum(reports.map((r) => r.lost)) - done.skipped * open,
    outOfOrder: sum(reports.map((r) => r.outOfOrder)),
    p50Ms: histogram.percentile(0.5),
    p99Ms: histogram.percentile(0.99),
    maxMs: histogram.total > 0 ? histogram.maxMs : null,
    serverLoopStallMs: Math.max(...endMeasures.map((m) => m.loopDelayMaxMs)),
    cpuPerDeliveryUs: delivered > 0 ? cpuUsed / delivered : null,
    viewersClosed: open - sum(reports.map((r) => r.open)),
    drainMs
  };
  return { figures, endMeasures };
}

function ms(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

function printTable(
  madang: RunFigures | undefined,
  socketIo: (RunFigures & { version: string }) | undefined,
  rates: number[]
): Record<string, number | null> {
  const ratios: Record<string, number | null> = {};
  const peerName = socketIo ? `Socket.IO ${socketIo.version}` : 'Socket.IO';
  const rows: [string, string, string, string, string][] = [['', 'Madang', peerName, 'Madang/Socket.IO', 'target']];
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const us = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)} µs`);
  const x = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)}×`);
  const add = (
    label: string,
    key: string,
    a: number | null,
    b: number | null,
    format: (v: number | null) => string,
    target: string
  ) => {
    ratios[key] = ratio(a, b);
    rows.push([label, format(a), format(b), x(ratios[key] ?? null), target]);
  };
  add(
    'RSS per idle connection',
    'rssPerConnection',
    madang?.rssPerConnectionBytes ?? null,
    socketIo?.rssPerConnectionBytes ?? null,
    (v) => (v === null ? '–' : kib(v)),
    `≤ ${targets.rssRatio}×`
  );
  // Over the whole run only when both peers got through every rate: otherwise the runs are not the same job.
  const complete = (figures: RunFigures | undefined) =>
    figures ? figures.phases.length === rates.length && figures.phases.every((p) => !p.error) : false;
  const bothComplete = complete(madang) && complete(socketIo);
  add(
    'server CPU per delivery (run)',
    'cpuPerDelivery',
    madang?.cpuPerDeliveryUs ?? null,
    bothComplete ? (socketIo?.cpuPerDeliveryUs ?? null) : null,
    us,
    `≤ ${targets.cpuRatio}×`
  );
  if (!bothComplete && socketIo && madang) rows.push(['', '', '(a rate was not measured)', '', '']);
  for (const [i, rate] of rates.entries()) {
    const a = madang?.phases[i];
    const b = socketIo?.phases[i];
    add(
      `CPU per delivery at ${rate}/s`,
      `cpuPerDeliveryAt${rate}`,
      a?.cpuPerDeliveryUs ?? null,
      b?.cpuPerDeliveryUs ?? null,
      us,
      ''
    );
    add(`p50 latency at ${rate}/s`, `p50At${rate}`, a?.p50Ms ?? null, b?.p50Ms ?? null, ms, '');
    add(`p99 latency at ${rate}/s`, `p99At${rate}`, a?.p99Ms ?? null, b?.p99Ms ?? null, ms, `≤ ${targets.p99Ms} ms`);
    add(`max latency at ${rate}/s`, `maxAt${rate}`, a?.maxMs ?? null, b?.maxMs ?? null, ms, '');
    const lost = (p: PhaseFigures | undefined) =>
      !p
        ? '–'
        : p.error
          ? 'not measured'
          : `${p.lost} of ${p.expected}${p.viewersClosed > 0 ? `, ${p.viewersClosed} viewers closed` : ''}${p.skipped > 0 ? ` (${p.skipped} events unpublished)` : ''}`;
    rows.push([`lost at ${rate}/s`, lost(a), lost(b), '', '0']);
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows) console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`);
  return ratios;
}

/** The Redis URL as printed: a password in REDIS_URL never reaches the output. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'redis://(unreadable URL)';
  }
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {}); // connect() rejects with the same error
  try {
    await redis.connect();
    let cursor = '0';
    for (let round = 0; round < 1_000; round += 1) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const cores = cpus();
  const machine = {
    cores: cores.length,
    cpu: cores[0]?.model ?? '?',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart: loadavg()[0]
  };
  console.log(
    `Fan-out: ${options.viewers} viewers on one channel, 200-byte events at ${options.rates.join(' and ')}/s for ${options.seconds} s each, loopback.\n` +
      `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}; load average at start ${machine.loadAtStart?.toFixed(2)}` +
      `${(machine.loadAtStart ?? 0) > 0.5 ? ' (other work is running: figures are noisier)' : ''}.`
  );
  const results: Partial<Record<Peer, RunFigures & { version: string }>> = {};
  for (const peer of options.peers) results[peer] = await run(options, peer, 1, null);
  let redis: (RunFigures & { addedP99Ms: Record<string, number | null> }) | null = null;
  if (options.redis) {
    const prefix = `madang:bench-fanout:${randomUUID()}:`;
    const twoNodes = await run(options, 'madang', 2, prefix).catch((error: unknown) => {
      // The single-node figures are still worth printing.
      console.log(
        `  two nodes through Redis could not run (${withoutCredentials(options.redisUrl)}): ${error instanceof Error ? error.message : String(error)}`
      );
      return null;
    });
    await deleteRedisKeys(options.redisUrl, prefix).catch((error: unknown) =>
      console.error(`could not delete the benchmark's Redis keys (${prefix}*): ${String(error)}`)
    );
    if (twoNodes) {
      const addedP99Ms: Record<string, number | null> = {};
      for (const [i, rate] of options.rates.entries()) {
        const one = results.madang?.phases[i]?.p99Ms ?? null;
        const two = twoNodes.phases[i]?.p99Ms ?? null;
        addedP99Ms[`at${rate}`] = one === null || two === null ? null : two - one;
      }
      redis = { ...twoNodes, addedP99Ms };
    }
  }

  console.log('');
  const ratios = printTable(results.madang, results.socketio, options.rates);
  for (const figures of [results.madang, results.socketio]) {
    if (figures?.limitedBy)
      console.log(
        `  ${figures.name}: ${figures.viewers} of ${figures.requestedViewers} viewers: ${figures.limitedBy}.`
      );
  }
  const verdicts = [
    ['RSS per connection', ratios.rssPerConnection, targets.rssRatio],
    ['CPU per delivery over the run', ratios.cpuPerDelivery, targets.cpuRatio],
    ...options.rates.map(
      (rate) => [`CPU per delivery at ${rate}/s`, ratios[`cpuPerDeliveryAt${rate}`], targets.cpuRatio] as const
    )
  ] as const;
  for (const [label, value, target] of verdicts) {
    if (value !== null && value !== undefined)
      console.log(
        `  ${label}: ${value.toFixed(2)}× Socket.IO — ${value <= target ? 'meets' : 'misses'} the target ≤ ${target}×`
      );
  }
  for (const phase of results.madang?.phases ?? []) {
    if (phase.p99Ms !== null)
      console.log(
        `  Madang p99 at ${phase.rate}/s: ${ms(phase.p99Ms)} — ${phase.p99Ms <= targets.p99Ms ? 'meets' : 'misses'} the target ≤ ${targets.p99Ms} ms (at ${results.madang?.viewers} viewers)`
      );
  }
  if (redis) {
    for (const [i, rate] of options.rates.entries()) {
      const phase = redis.phases[i];
      const added = redis.addedP99Ms[`at${rate}`] ?? null;
      console.log(
        `  Two nodes through Redis (${redis.viewers} viewers split, published on node A) at ${rate}/s: p99 ${ms(phase?.p99Ms ?? null)}, ` +
          `${added === null ? 'added p99 unknown' : `${added >= 0 ? '+' : ''}${added.toFixed(1)} ms vs one node`}, lost ${phase?.lost ?? '–'}`
      );
    }
  }
  const machineAtEnd = { ...machine, loadAtEnd: loadavg()[0] };
  console.log(
    JSON.stringify({
      bench: 'fanout',
      options: { ...options, redisUrl: withoutCredentials(options.redisUrl) },
      machine: machineAtEnd,
      targets,
      madang: results.madang ?? null,
      socketio: results.socketio ?? null,
      ratios,
      redis
    })
  );
}

const limit = setTimeout(() => {
  console.error(`fanout: gave up after ${benchLimitMs / 60_000} minutes`);
  killAllChildren();
  process.exit(1);
}, benchLimitMs);
limit.unref();
process.on('exit', killAllChildren);
process.on('SIGINT', () => {
  killAllChildren();
  process.exit(130);
});
process.on('SIGTERM', () => {
  killAllChildren();
  process.exit(143);
});

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`fanout: ${error instanceof Error ? error.message : String(error)}`);
    killAllChildren();
    process.exit(1);
  }
);
