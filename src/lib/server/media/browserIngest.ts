/**
 * Browser ingest: a producer's browser sends its MediaRecorder output (WebM,
 * VP8/VP9/H.264 + Opus) over a WebSocket at `/ingest/<stageId>`, subprotocol
 * `madang-ingest.v1` (docs/ingest-protocol.md). Owns the upgrade checks
 * (path, same origin, subprotocol, the producer's authorisation), the control
 * frames, and flow control: the server acknowledges bytes only once the
 * stage's feed has taken them, and closes a client that runs ahead of the
 * window, so a slow encoder never makes us buffer without bound.
 */
import type { IncomingMessage, Server } from 'node:http';
import { PassThrough, type Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import type { IngestFeed, IngestSink } from './broadcastPorts.js';

export const ingestSubprotocol = 'madang-ingest.v1';
const pathPattern = /^\/ingest\/([a-z0-9][a-z0-9-]{0,99})$/;

export type BrowserIngestLog = Pick<Logger, 'info' | 'warn'>;

export interface BrowserIngestOptions {
  readonly sink: IngestSink;
  /** Whether the request (its session cookie) belongs to a producer of this stage. */
  readonly authorise: (request: IncomingMessage, stageId: string) => Promise<boolean>;
  readonly log: BrowserIngestLog;
  /** Unacknowledged bytes a client may have in flight; one chunk is always allowed even if larger. */
  readonly windowBytes?: number;
  /** Largest single message; larger ones are closed with 1009 by ws itself. */
  readonly maxChunkBytes?: number;
  readonly helloTimeoutMs?: number;
  /** A producer that sends nothing for this long is closed (not counted while we hold back its acks). */
  readonly idleTimeoutMs?: number;
}

export interface BrowserIngest {
  /** Takes an upgrade for `/ingest/…` and returns true; returns false and leaves the socket alone for any other path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): void;
}

/** Control frames a client sends (text messages). */
const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), mimeType: z.string().min(1).max(200) }),
  z.object({ type: z.literal('end') })
]);

export type IngestErrorCode =
  | 'ingest.control_invalid'
  | 'ingest.hello_required'
  | 'ingest.mime_unsupported'
  | 'ingest.stage_busy'
  | 'ingest.window_exceeded'
  | 'ingest.timeout';

/** Close codes (RFC 6455 section 7.4.1) that go with each error frame. */
const closeCodes: Record<IngestErrorCode, number> = {
  'ingest.control_invalid': 1008,
  'ingest.hello_required': 1008,
  'ingest.mime_unsupported': 1003,
  'ingest.stage_busy': 1013,
  'ingest.window_exceeded': 1008,
  'ingest.timeout': 1008
};

/**
 * MediaRecorder types we can ingest: WebM (Chrome says `video/x-matroska` when it records H.264) with one of
 * VP8, VP9 or H.264 and Opus. Returns null when the type is anything else.
 */
export function ingestibleMimeType(mimeType: string): { container: string; video: string; audio: string } | null {
  const [type, ...parameters] = mimeType.split(';').map((part) => part.trim());
  const container = type?.toLowerCase();
  if (container !== 'video/webm' && container !== 'video/x-matroska') return null;
  const codecsParameter = parameters.find((parameter) => /^codecs\s*=/i.test(parameter));
  if (!codecsParameter) return null;
  const codecs = codecsParameter
    .replace(/^codecs\s*=\s*/i, '')
    .replace(/^"|"$/g, '')
    .split(',')
    .map((codec) => codec.trim().toLowerCase())
    .filter((codec) => codec !== '');
  const video = codecs.filter((codec) => /^(vp8|vp9|vp09(\.[0-9.]+)?|h264|avc1(\.[0-9a-f]+)?)$/.test(codec));
  const audio = codecs.filter((codec) => codec === 'opus');
  if (video.length !== 1 || audio.length !== 1 || codecs.length !== 2) return null;
  return { container, video: video[0]!, audio: audio[0]! };
}

export function createBrowserIngest(options: BrowserIngestOptions): BrowserIngest {
  const settings = {
    windowBytes: options.windowBytes ?? 4 * 1024 * 1024,
    maxChunkBytes: options.maxChunkBytes ?? 8 * 1024 * 1024,
    helloTimeoutMs: options.helloTimeoutMs ?? 10_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 15_000
  };
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: settings.maxChunkBytes,
    perMessageDeflate: false,
    clientTracking: true,
    handleProtocols: (protocols) => (protocols.has(ingestSubprotocol) ? ingestSubprotocol : false)
  });

  const refuse = (socket: Duplex, status: 400 | 403 | 404 | 503, code: string, message: string) => {
    const body = JSON.stringify({ code, message });
    const reason = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[status];
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
    );
  };

  const upgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer, stageId: string) => {
    const remote = request.socket.remoteAddress ?? '?';
    if (!isSameOrigin(request)) {
      options.log.warn(
        { remote, stageId, origin: request.headers.origin, code: 'ingest.origin_refused' },
        'browser ingest refused: cross-origin'
      );
      return refuse(socket, 403, 'ingest.origin_refused', 'Browser ingest only accepts pages of this site.');
    }
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim());
    if (!offered.includes(ingestSubprotocol)) {
      return refuse(
        socket,
        400,
        'ingest.subprotocol_required',
        `Offer the WebSocket subprotocol ${ingestSubprotocol}.`
      );
    }
    let allowed: boolean;
    try {
      allowed = await options.authorise(request, stageId);
    } catch (error) {
      options.log.warn(
        { remote, stageId, err: error instanceof Error ? error.message : String(error) },
        'browser ingest authorisation failed'
      );
      return refuse(socket, 503, 'ingest.unavailable', 'The server could not check your access; try again.');
    }
    if (!allowed) {
      options.log.warn(
        { remote, stageId, code: 'ingest.forbidden' },
        'browser ingest refused: not a producer of this stage'
      );
      return refuse(socket, 403, 'ingest.forbidden', 'Only a producer of this stage may send it video.');
    }
    if (socket.destroyed) return;
    sockets.handleUpgrade(request, socket, head, (ws) => new IngestSession(ws, request, stageId, options, settings));
  };

  return {
    handleUpgrade(request, socket, head) {
      const path = (request.url ?? '/').split('?', 1)[0]!;
      if (!path.startsWith('/ingest/')) return false;
      socket.on('error', () => socket.destroy());
      const match = pathPattern.exec(path);
      if (!match) refuse(socket, 404, 'ingest.stage_not_found', 'No such stage.');
      else void upgrade(request, socket, head, match[1]!);
      return true;
    },
    close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    }
  };
}

/**
 * Listens for upgrades on `server`. Other paths are left to other listeners (the real-time hub's `/live`); a
 * listener that answers 404 to every path it does not own must skip `/ingest/` for the two to coexist.
 */
export function attachBrowserIngest(server: Server, options: BrowserIngestOptions): BrowserIngest {
  const ingest = createBrowserIngest(options);
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) =>
    void ingest.handleUpgrade(request, socket, head);
  server.on('upgrade', onUpgrade);
  return {
    handleUpgrade: ingest.handleUpgrade,
    close() {
      server.off('upgrade', onUpgrade);
      ingest.close();
    }
  };
}

/** CSRF for WebSockets: a browser always sends Origin; it must name this host. Non-browser clients send none. */
function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

class IngestSession {
  #state: 'awaiting-hello' | 'open' | 'ended' = 'awaiting-hello';
  #stream: PassThrough | null = null;
  #received = 0;
  #acknowledged = 0;
  #waitingForDrain = false;
  #timer: NodeJS.Timeout;
  readonly #remote: string;

  constructor(
    private readonly ws: WebSocket,
    private readonly request: IncomingMessage,
    private readonly stageId: string,
    private readonly options: BrowserIngestOptions,
    private readonly settings: { windowBytes: number; helloTimeoutMs: number; idleTimeoutMs: number }
  ) {
    this.#remote = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
    ws.on('message', (data, isBinary) => {
      try {
        this.#receive(data, isBinary);
      } catch (error) {
        this.options.log.warn(
          { remote: this.#remote, stageId, err: error instanceof Error ? error.message : String(error) },
          'browser ingest failed'
        );
        ws.terminate();
      }
    });
    // ws closes with 1009 itself on an oversized message; the error only needs a listener and a log line.
    ws.on('error', (error) =>
      this.options.log.info({ remote: this.#remote, stageId, err: error.message }, 'browser ingest connection error')
    );
    ws.on('close', () => this.#finish());
    this.#timer = setTimeout(
      () => this.#fail('ingest.timeout', `No hello within ${settings.helloTimeoutMs / 1000} s.`),
      settings.helloTimeoutMs
    );
  }

  #receive(data: RawData, isBinary: boolean): void {
    if (this.#state === 'ended') return;
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (!isBinary) return this.#control(bytes.toString('utf8'));
    if (this.#state !== 'open')
      return this.#fail('ingest.hello_required', 'Send {"type":"hello","mimeType":…} before any media.');
    const inFlight = this.#received - this.#acknowledged;
    if (inFlight > 0 && inFlight + bytes.length > this.settings.windowBytes) {
      return this.#fail(
        'ingest.window_exceeded',
        `More than ${this.settings.windowBytes} bytes sent without acknowledgement; wait for "ack" before sending more.`
      );
    }
    this.#received += bytes.length;
    this.#armIdleTimer();
    const stream = this.#stream!;
    if (stream.write(bytes) && !this.#waitingForDrain) return this.#acknowledge();
    if (this.#waitingForDrain) return;
    this.#waitingForDrain = true;
    clearTimeout(this.#timer);
    stream.once('drain', () => {
      this.#waitingForDrain = false;
      if (this.#state !== 'open') return;
      this.#armIdleTimer();
      this.#acknowledge();
    });
  }

  #control(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.#fail(
        'ingest.control_invalid',
        'A text message must be a JSON control frame such as {"type":"hello","mimeType":"video/webm;codecs=vp8,opus"}.'
      );
    }
    const parsed = clientFrameSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
      return this.#fail(
        'ingest.control_invalid',
        `Unknown or malformed control frame${where}: expected {"type":"hello","mimeType":…} or {"type":"end"}.`
      );
    }
    const frame = parsed.data;
    switch (frame.type) {
      case 'hello':
        return this.#hello(frame.mimeType);
      case 'end':
        this.#endFeed();
        this.#state = 'ended';
        clearTimeout(this.#timer);
        this.ws.close(1000, 'end');
        return;
    }
  }

  #hello(mimeType: string): void {
    if (this.#state !== 'awaiting-hello') return this.#fail('ingest.control_invalid', 'hello was already sent.');
    if (!ingestibleMimeType(mimeType)) {
      return this.#fail(
        'ingest.mime_unsupported',
        `"${mimeType.slice(0, 100)}" cannot be ingested; record WebM with VP8, VP9 or H.264 video and Opus audio.`
      );
    }
    const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
    const userAgent = (this.request.headers['user-agent'] ?? 'unknown').replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
    const feed: IngestFeed = {
      stageId: this.stageId,
      via: 'browser',
      format: 'webm',
      stream,
      description: `browser from ${this.#remote}, ${mimeType.slice(0, 100)}, "${userAgent}"`,
      close: (reason: string) => {
        this.options.log.info(
          { remote: this.#remote, stageId: this.stageId, reason },
          'browser source closed by the stage'
        );
        this.#state = 'ended';
        this.#endFeed();
        this.ws.close(1000, truncateReason(reason));
      }
    };
    if (!this.options.sink.accept(feed)) {
      stream.destroy();
      return this.#fail('ingest.stage_busy', 'This stage already has a source.');
    }
    this.#stream = stream;
    this.#state = 'open';
    // The consumer gave up on this source (its encoder stopped): the producer is told by a close.
    stream.on('close', () => {
      if (this.#state === 'open') {
        this.#state = 'ended';
        this.ws.close(1011, 'the stage stopped taking this source');
      }
    });
    this.#armIdleTimer();
    this.#send({ type: 'ready' });
    this.options.log.info({ remote: this.#remote, stageId: this.stageId, mimeType }, 'browser ingest started');
  }

  #acknowledge(): void {
    this.#acknowledged = this.#received;
    this.#send({ type: 'ack', bytes: this.#received });
  }

  #armIdleTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (!this.#waitingForDrain)
        this.#fail('ingest.timeout', `Nothing received for ${this.settings.idleTimeoutMs / 1000} s.`);
    }, this.settings.idleTimeoutMs);
  }

  /** Tells the client why in an error frame, then closes; the feed ends with what arrived before. */
  #fail(code: IngestErrorCode, message: string): void {
    if (this.#state === 'ended') return;
    this.options.log.warn({ remote: this.#remote, stageId: this.stageId, code }, `browser ingest closed: ${message}`);
    this.#state = 'ended';
    clearTimeout(this.#timer);
    this.#endFeed();
    this.#send({ type: 'error', code, message });
    this.ws.close(closeCodes[code], truncateReason(message));
  }

  #send(frame: object): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(frame));
  }

  #endFeed(): void {
    const stream = this.#stream;
    this.#stream = null;
    if (stream && !stream.destroyed && !stream.writableEnded) stream.end();
  }

  #finish(): void {
    clearTimeout(this.#timer);
    if (this.#stream)
      this.options.log.info(
        { remote: this.#remote, stageId: this.stageId, bytes: this.#received },
        'browser ingest ended'
      );
    this.#state = 'ended';
    this.#endFeed();
  }
}

/** A close frame's reason is at most 123 bytes (RFC 6455 section 5.5). */
function truncateReason(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text) > 123) text = text.slice(0, -1);
  return text;
}
