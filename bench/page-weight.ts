/**
 * Page weight: what a first visit to the demo's programme page costs a reader
 * on a phone. Goal from the issue: at most 60 KiB compressed in total and at
 * most 15 KiB of JavaScript on first load.
 *
 * Each page is visited in Debian's Chromium on a cold cache (a fresh browser
 * context every time) under Lighthouse-like mobile throttling; bytes come from
 * the DevTools protocol (on the wire, compressed as Chromium negotiated it),
 * paint times from the page's own PerformanceObservers. The peer, fetched the
 * same way in the same run, is the same programme as the frab schedule.json
 * export: what a conference app downloads to show the same information.
 *
 * Prints a table, the ratios to the budget and to the peer, then one JSON line.
 * Exits 0 when over budget (it is a measurement, not a gate) and says so.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.js';
import { startTestServer, type TestServer } from '../e2e/support/testServer.js';
import { readDocumentTimings, recordDocumentTimings, type DocumentTiming } from './support/documentTimings.js';
import { median, medianOrNull } from './support/median.js';
import {
  applyThrottling,
  mobileThrottling,
  mobileViewport,
  type ThrottlingProfile
} from './support/mobileThrottling.js';
import { TransferLedger, type Transfer } from './support/transferLedger.js';

const budget = { totalBytes: 60 * 1024, jsBytes: 15 * 1024 };
const measuredPage = '/seoul-2020/programme';
/** The other public pages, for context: measured the same way, not held to the goal. */
const contextPages = ['/seoul-2020', '/seoul-2020/sessions/d2-keynote', '/seoul-2020/speakers'];
const peerPath = '/seoul-2020/schedule.json';
const runs = 3;
/** A reader away from the edition's city (a first visit reloads once to show their zone). */
const readerZone = 'Europe/Helsinki';
/** A visit is over when nothing has moved on the network for this long after the last document loaded. */
const quietMs = 1_000;
const visitLimitMs = 20_000;
const benchLimitMs = 150_000;

interface Visit {
  readonly ledger: TransferLedger;
  readonly documents: readonly DocumentTiming[];
  /** False when the visit hit its time limit before the network went quiet. */
  readonly settled: boolean;
}

interface PageFigures {
  totalBytes: number;
  decodedBytes: number;
  jsBytes: number;
  jsDecodedBytes: number;
  cssBytes: number;
  htmlBytes: number;
  requests: number;
  /** HTML documents fetched: 2 when the first visit reloads for the reader's zone. */
  documents: number;
  /** First content on screen, from the reader's navigation. */
  fcpMs: number | null;
  /** Largest paint of the document the reader ends up with, from the reader's navigation. */
  lcpMs: number | null;
  loadMs: number | null;
}

type Held = { server?: TestServer; browser?: Browser };

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

async function visit(browser: Browser, url: string, throttling: ThrottlingProfile | null): Promise<Visit> {
  const context = await browser.newContext({ ...mobileViewport, timezoneId: readerZone, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const ledger = await TransferLedger.attach(cdp);
    if (throttling) await applyThrottling(cdp, throttling);
    await recordDocumentTimings(context);
    await page.goto(url, { waitUntil: 'load', timeout: visitLimitMs });
    // The zone reload, late images and the favicon all come after the first `load`.
    const until = Date.now() + visitLimitMs;
    let documents: DocumentTiming[] = [];
    let settled = false;
    while (!settled && Date.now() < until) {
      await sleep(100);
      if (ledger.inFlight > 0 || Date.now() - ledger.lastActivityAt < quietMs) continue;
      documents = await readDocumentTimings(page);
      settled = documents.length > 0 && documents[documents.length - 1]!.loadMs !== null;
    }
    if (!settled) documents = await readDocumentTimings(page);
    return { ledger, documents, settled };
  } finally {
    await context.close();
  }
}

function figuresOf({ ledger, documents }: Visit): PageFigures {
  const summary = ledger.summary();
  const { byKind } = summary;
  const paints = documents.map((d) => d.fcpMs).filter((ms): ms is number => ms !== null);
  const last = documents[documents.length - 1];
  return {
    totalBytes: summary.transferredBytes,
    decodedBytes: summary.decodedBytes,
    jsBytes: byKind.Script.transferredBytes,
    jsDecodedBytes: byKind.Script.decodedBytes,
    cssBytes: byKind.Stylesheet.transferredBytes,
    htmlBytes: byKind.Document.transferredBytes,
    requests: summary.requests,
    documents: byKind.Document.requests,
    fcpMs: paints.length > 0 ? Math.min(...paints) : null,
    lcpMs: last?.lcpMs ?? null,
    loadMs: last?.loadMs ?? null
  };
}

/** The median of each figure on its own, in whole bytes and milliseconds. */
function medianFigures(visits: readonly PageFigures[]): PageFigures {
  type Timing = 'fcpMs' | 'lcpMs' | 'loadMs';
  const bytes = (key: Exclude<keyof PageFigures, Timing>) => Math.round(median(visits.map((v) => v[key])));
  const ms = (key: Timing) => {
    const value = medianOrNull(visits.map((v) => v[key]));
    return value === null ? null : Math.round(value);
  };
  return {
    totalBytes: bytes('totalBytes'),
    decodedBytes: bytes('decodedBytes'),
    jsBytes: bytes('jsBytes'),
    jsDecodedBytes: bytes('jsDecodedBytes'),
    cssBytes: bytes('cssBytes'),
    htmlBytes: bytes('htmlBytes'),
    requests: bytes('requests'),
    documents: bytes('documents'),
    fcpMs: ms('fcpMs'),
    lcpMs: ms('lcpMs'),
    loadMs: ms('loadMs')
  };
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const ratio = (value: number, base: number) => Math.round((value / base) * 1000) / 1000;

const columns: readonly [title: string, value: (figures: PageFigures) => string | number | null][] = [
  ['total KiB', (f) => kib(f.totalBytes)],
  ['JS KiB', (f) => kib(f.jsBytes)],
  ['CSS KiB', (f) => kib(f.cssBytes)],
  ['HTML KiB', (f) => kib(f.htmlBytes)],
  ['decoded', (f) => kib(f.decodedBytes)],
  ['requests', (f) => f.requests],
  ['docs', (f) => f.documents],
  ['FCP ms', (f) => f.fcpMs],
  ['LCP ms', (f) => f.lcpMs],
  ['load ms', (f) => f.loadMs]
];

function tableRow(label: string, cells: readonly (string | number | null)[]): string {
  return label.padEnd(34) + cells.map((value, i) => String(value ?? '—').padStart(columns[i]![0].length + 2)).join('');
}

function describeTransfer(transfer: Transfer, origin: string): string {
  const path = transfer.url.startsWith(origin) ? transfer.url.slice(origin.length) : transfer.url;
  const moved = transfer.fromCache
    ? 'from memory cache'
    : `${kib(transfer.transferredBytes)} KiB ${transfer.contentEncoding ?? 'identity'}`;
  const decoded = `${kib(transfer.decodedBytes)} KiB decoded`;
  return `  ${transfer.kind.padEnd(10)} ${path.padEnd(44)} ${moved.padStart(18)} ${decoded.padStart(17)}`;
}

async function measure(held: Held): Promise<void> {
  const handler = resolve('build/handler.js');
  if (!existsSync(handler))
    throw new Error('The web app is not built (build/handler.js is missing): run `npx vite build` first.');

  held.server = await startTestServer();
  held.browser = await launchBrowser();
  const browser = held.browser;
  const origin = held.server.url;
  const paths = [measuredPage, ...contextPages];

  const visits = new Map<string, Visit[]>(paths.map((path) => [path, []]));
  const peerVisits: Visit[] = [];
  for (let run = 1; run <= runs; run++) {
    for (const path of paths) {
      process.stderr.write(`run ${run}/${runs}: ${path}\n`);
      visits.get(path)!.push(await visit(browser, origin + path, mobileThrottling));
    }
    // Bytes do not depend on throttling; the peer is only weighed.
    peerVisits.push(await visit(browser, origin + peerPath, null));
  }

  const figures = Object.fromEntries(paths.map((path) => [path, medianFigures(visits.get(path)!.map(figuresOf))]));
  const page = figures[measuredPage]!;
  const isPeer = (transfer: Transfer) => transfer.kind === 'Document' && new URL(transfer.url).pathname === peerPath;
  const peerSummaries = peerVisits.map((v) => v.ledger.summary(isPeer));
  const peer = {
    path: peerPath,
    bytes: Math.round(median(peerSummaries.map((s) => s.transferredBytes))),
    decodedBytes: Math.round(median(peerSummaries.map((s) => s.decodedBytes)))
  };
  const pageVisits = [...visits.values()].flat();
  // Only the peer's own request counts for it: Chromium also asks a JSON document for /favicon.ico.
  const weighed = [...pageVisits.map((v) => v.ledger.summary()), ...peerSummaries];
  const problems = [...new Set(weighed.flatMap((summary) => summary.problems))];
  const unsettled = [...pageVisits, ...peerVisits].filter((v) => !v.settled).length;
  const sample = visits.get(measuredPage)![0]!.ledger.summary();
  const offered = [...new Set(sample.transfers.map((t) => t.acceptEncoding).filter((e) => e !== null))];

  const lines: string[] = [];
  lines.push(`Page weight of the demo forum in Chromium ${browser.version()}, cold cache, median of ${runs} visits`);
  const { width, height } = mobileViewport.viewport;
  lines.push(`Throttling: ${mobileThrottling.name}; viewport ${width}×${height}; reader in ${readerZone}`);
  lines.push(
    `Build: ${statSync(handler).mtime.toISOString()}; Chromium sent Accept-Encoding: ${offered.join(' | ') || 'unknown'}`
  );
  lines.push(`Bytes are on the wire (headers + compressed body); times are from the reader's navigation.`);
  lines.push(
    `requests: network requests, cache hits not counted; docs: HTML documents (2 = reloaded to show the reader's zone).`
  );
  lines.push('');
  lines.push(
    tableRow(
      'page',
      columns.map(([title]) => title)
    )
  );
  for (const path of paths)
    lines.push(
      tableRow(
        path,
        columns.map(([, value]) => value(figures[path]!))
      )
    );
  lines.push(tableRow(`${peerPath} (peer)`, [kib(peer.bytes), '', '', '', kib(peer.decodedBytes), 1]));
  lines.push('');
  lines.push(`${measuredPage}, first visit, request by request:`);
  for (const transfer of sample.transfers) lines.push(describeTransfer(transfer, origin));
  lines.push('');

  const ratios = {
    ratioToBudget: ratio(page.totalBytes, budget.totalBytes),
    jsRatioToBudget: ratio(page.jsBytes, budget.jsBytes),
    ratioToScheduleJson: ratio(page.totalBytes, peer.bytes)
  };
  const overBudget = page.totalBytes > budget.totalBytes || page.jsBytes > budget.jsBytes;
  const compare = (label: string, bytes: number, base: number, against: string, result: number, limit?: number) =>
    `  ${label.padEnd(6)}${kib(bytes).padStart(6)} KiB / ${against} ${kib(base)} KiB = ${result}` +
    (limit === undefined ? '' : bytes > limit ? ' (OVER)' : ' (within)');
  lines.push(`${measuredPage} against its budget and its peer:`);
  lines.push(compare('total', page.totalBytes, budget.totalBytes, 'budget', ratios.ratioToBudget, budget.totalBytes));
  lines.push(compare('JS', page.jsBytes, budget.jsBytes, 'budget', ratios.jsRatioToBudget, budget.jsBytes));
  lines.push(compare('total', page.totalBytes, peer.bytes, peerPath, ratios.ratioToScheduleJson));
  const limits = `${kib(budget.totalBytes)} KiB in total and ${kib(budget.jsBytes)} KiB of JavaScript`;
  lines.push(overBudget ? `OVER BUDGET: ${measuredPage} must stay within ${limits}.` : `Within budget (${limits}).`);
  // A hashed asset missing mid-run usually means someone rebuilt the app meanwhile.
  for (const problem of problems) lines.push(`WARNING: request failed, figures may be short: ${problem}`);
  if (unsettled > 0) {
    lines.push(
      `WARNING: ${unsettled} visit(s) did not go quiet within ${visitLimitMs / 1000} s; their figures may be short.`
    );
  }
  lines.push(
    JSON.stringify({
      bench: 'page-weight',
      page: measuredPage,
      totalBytes: page.totalBytes,
      jsBytes: page.jsBytes,
      requests: page.requests,
      lcpMs: page.lcpMs,
      fcpMs: page.fcpMs,
      loadMs: page.loadMs,
      ...ratios,
      overBudget,
      budget,
      peer,
      runs,
      throttling: mobileThrottling,
      pages: figures
    })
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

const held: Held = {};
let deadline: NodeJS.Timeout | undefined;
try {
  await Promise.race([
    measure(held),
    new Promise<never>((_, reject) => {
      deadline = setTimeout(
        () => reject(new Error(`page-weight did not finish within ${benchLimitMs / 1000} s`)),
        benchLimitMs
      );
    })
  ]);
} catch (error) {
  process.stderr.write(`page-weight failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  await held.browser?.close().catch(() => undefined);
  await held.server?.stop();
}
