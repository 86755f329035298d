/**
 * Paint and load times of every document a tab shows during one visit, kept
 * in sessionStorage so they survive a reload: a first visit to a programme
 * page reloads once to show times in the reader's zone, and the reader waits
 * from their click, not from the reload. Times are milliseconds from the
 * start of the visit's first navigation.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface DocumentTiming {
  readonly url: string;
  /** When this document's navigation started, from the first one's. */
  readonly startMs: number;
  readonly fcpMs: number | null;
  readonly lcpMs: number | null;
  readonly loadMs: number | null;
}

const storageKey = 'bench:document-timings';

// Plain source text rather than a function: the TypeScript loader may wrap
// named functions in helpers the page does not have.
const recorder = `(() => {
  try {
    if (window.top !== window) return;
    const key = ${JSON.stringify(storageKey)};
    const documents = JSON.parse(sessionStorage.getItem(key) || '[]');
    const mine = { url: location.href, timeOrigin: performance.timeOrigin, fcp: null, lcp: null, load: null };
    const index = documents.push(mine) - 1;
    const save = () => {
      documents[index] = mine;
      sessionStorage.setItem(key, JSON.stringify(documents));
    };
    save();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') mine.fcp = entry.startTime;
      save();
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      if (entries.length > 0) mine.lcp = entries[entries.length - 1].startTime;
      save();
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    addEventListener('load', () => setTimeout(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      if (navigation) mine.load = navigation.loadEventEnd;
      save();
    }, 0));
  } catch (error) {
    // No sessionStorage (an opaque origin): nothing to record.
  }
})();`;

/** Installs the recorder in every document the context opens from now on. */
export async function recordDocumentTimings(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: recorder });
}

interface StoredTiming {
  url: string;
  timeOrigin: number;
  fcp: number | null;
  lcp: number | null;
  load: number | null;
}

/** The documents shown so far, oldest first; empty while a navigation is between documents. */
export async function readDocumentTimings(page: Page): Promise<DocumentTiming[]> {
  let stored: StoredTiming[];
  try {
    stored = JSON.parse(
      (await page.evaluate(`sessionStorage.getItem(${JSON.stringify(storageKey)}) || '[]'`)) as string
    ) as StoredTiming[];
  } catch {
    return []; // the execution context went away mid-navigation
  }
  const first = stored[0]?.timeOrigin ?? 0;
  const from = (origin: number, value: number | null): number | null =>
    value === null ? null : origin - first + value;
  return stored.map((document) => ({
    url: document.url,
    startMs: document.timeOrigin - first,
    fcpMs: from(document.timeOrigin, document.fcp),
    lcpMs: from(document.timeOrigin, document.lcp),
    loadMs: from(document.timeOrigin, document.load)
  }));
}
