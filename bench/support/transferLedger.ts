/**
 * Counts what a page really moves over the network, from the DevTools
 * protocol of the page's own target. `Network.loadingFinished.encodedDataLength`
 * is the bytes on the wire (response headers and the compressed body), the
 * figure Lighthouse's "total byte weight" adds up; `Network.dataReceived`
 * gives the decoded body, what the browser has to parse.
 */
import type { CDPSession } from 'playwright-core';

export const resourceKinds = ['Document', 'Script', 'Stylesheet', 'Image', 'Font', 'Other'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export interface Transfer {
  readonly requestId: string;
  url: string;
  kind: ResourceKind;
  status: number | null;
  /** What the browser offered (`Accept-Encoding`) and what the server chose (`Content-Encoding`). */
  acceptEncoding: string | null;
  contentEncoding: string | null;
  /** Bytes on the wire: headers plus the body as sent. */
  transferredBytes: number;
  /** The body after decompression. */
  decodedBytes: number;
  /** Answered from the browser's own cache: no bytes moved. */
  fromCache: boolean;
  finished: boolean;
  failure: string | null;
}

export interface KindTotals {
  requests: number;
  transferredBytes: number;
  decodedBytes: number;
}

export interface TransferSummary {
  /** Requests that went to the network (cache hits are counted apart). */
  readonly requests: number;
  readonly transferredBytes: number;
  readonly decodedBytes: number;
  readonly cachedRequests: number;
  readonly byKind: Readonly<Record<ResourceKind, KindTotals>>;
  /** Failed requests and HTTP errors: a sign that the figures are not the page's. */
  readonly problems: readonly string[];
  readonly transfers: readonly Transfer[];
}

function kindOf(type: string | undefined): ResourceKind {
  return (resourceKinds as readonly string[]).includes(type ?? '') ? (type as ResourceKind) : 'Other';
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? null : (headers[key] ?? null);
}

export class TransferLedger {
  private readonly transfers = new Map<string, Transfer>();
  private redirectHops = 0;
  /** `Date.now()` of the last network event, to tell when the page has gone quiet. */
  lastActivityAt = Date.now();

  private constructor() {}

  /** Listens to the session, then enables the Network domain on an empty cache, before the page navigates. */
  static async attach(cdp: CDPSession): Promise<TransferLedger> {
    const ledger = new TransferLedger();
    cdp.on('Network.requestWillBeSent', (event) => {
      if (!/^https?:/.test(event.request.url)) return;
      if (event.redirectResponse) {
        // A redirect reuses the request id; its hop moved bytes of its own.
        const hop = ledger.transferFor(`${event.requestId}#redirect${++ledger.redirectHops}`);
        hop.url = event.redirectResponse.url;
        hop.kind = kindOf(event.type);
        hop.status = event.redirectResponse.status;
        hop.transferredBytes = event.redirectResponse.encodedDataLength;
        hop.finished = true;
      }
      const transfer = ledger.transferFor(event.requestId);
      transfer.url = event.request.url;
      transfer.kind = kindOf(event.type);
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
      ledger.transferFor(event.requestId).acceptEncoding = headerValue(event.headers, 'accept-encoding');
    });
    cdp.on('Network.requestServedFromCache', (event) => {
      ledger.transferFor(event.requestId).fromCache = true;
    });
    cdp.on('Network.responseReceived', (event) => {
      const transfer = ledger.transferFor(event.requestId);
      transfer.kind = kindOf(event.type);
      transfer.status = event.response.status;
      transfer.contentEncoding ??= headerValue(event.response.headers, 'content-encoding');
      if (event.response.fromDiskCache || event.response.fromPrefetchCache) transfer.fromCache = true;
    });
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      ledger.transferFor(event.requestId).contentEncoding = headerValue(event.headers, 'content-encoding');
    });
    cdp.on('Network.dataReceived', (event) => {
      ledger.transferFor(event.requestId).decodedBytes += event.dataLength;
    });
    cdp.on('Network.loadingFinished', (event) => {
      const transfer = ledger.transferFor(event.requestId);
      transfer.transferredBytes = event.encodedDataLength;
      transfer.finished = true;
    });
    cdp.on('Network.loadingFailed', (event) => {
      const transfer = ledger.transferFor(event.requestId);
      transfer.failure = event.canceled ? 'canceled' : event.errorText;
      transfer.finished = true;
    });
    // Cache hits are part of the page, but a cold load must not have any to begin with.
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    return ledger;
  }

  /** Requests sent and not yet finished or failed. */
  get inFlight(): number {
    let count = 0;
    for (const transfer of this.transfers.values()) if (transfer.url && !transfer.finished) count++;
    return count;
  }

  /** All transfers seen so far; pass `include` to keep only some (one URL, say). */
  summary(include: (transfer: Transfer) => boolean = () => true): TransferSummary {
    const byKind = Object.fromEntries(
      resourceKinds.map((kind) => [kind, { requests: 0, transferredBytes: 0, decodedBytes: 0 }])
    ) as Record<ResourceKind, KindTotals>;
    const transfers = [...this.transfers.values()].filter((transfer) => transfer.url !== '' && include(transfer));
    const problems: string[] = [];
    let requests = 0;
    let transferredBytes = 0;
    let decodedBytes = 0;
    let cachedRequests = 0;
    for (const transfer of transfers) {
      if (transfer.failure) problems.push(`${transfer.url}: ${transfer.failure}`);
      else if (transfer.status !== null && transfer.status >= 400)
        problems.push(`${transfer.url}: HTTP ${transfer.status}`);
      if (transfer.fromCache) {
        cachedRequests++;
        continue;
      }
      const totals = byKind[transfer.kind];
      totals.requests++;
      totals.transferredBytes += transfer.transferredBytes;
      totals.decodedBytes += transfer.decodedBytes;
      requests++;
      transferredBytes += transfer.transferredBytes;
      decodedBytes += transfer.decodedBytes;
    }
    return { requests, transferredBytes, decodedBytes, cachedRequests, byKind, problems, transfers };
  }

  private transferFor(requestId: string): Transfer {
    this.lastActivityAt = Date.now();
    let transfer = this.transfers.get(requestId);
    if (!transfer) {
      transfer = {
        requestId,
        url: '',
        kind: 'Other',
        status: null,
        acceptEncoding: null,
        contentEncoding: null,
        transferredBytes: 0,
        decodedBytes: 0,
        fromCache: false,
        finished: false,
        failure: null
      };
      this.transfers.set(requestId, transfer);
    }
    return transfer;
  }
}
