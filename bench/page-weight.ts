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
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.js';
import { startTestServer, type TestServer } from '../e2e/support/testServer.js';
import { readDocumentTimings, recordDocumentTimings, type DocumentTiming } from './support/documentTimings.js';
import { median, medianOrNull } from './support/median.js';
import { applyMobileThrottlingNote, mobileThrottling, mobileViewport, applyThrottling } from './support/mobileThrottling.js';
import { TransferLedger, type Transfer, type TransferSummary } from './support/transferLedger.js';
