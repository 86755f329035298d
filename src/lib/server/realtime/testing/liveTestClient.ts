/**
 * Test harness for the hub: a hub on a loopback http.Server and a WebSocket
 * client that records every frame it gets, so tests read like what a viewer
 * sees. Used only by tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as ws from 'ws';
import { WebSocket, type ClientOptions } from 'ws';
import type { Bus } from '../bus.js';
import { Hub, type HubOptions } from '../hub.js';
import { attachLiveEndpoint, livePath } from '../liveEndpoint.js';
import { MemoryBus } from '../memoryBus.js';

export interface TestHub {
  readonly hub: Hub;
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

export async function startTestHub(options: HubOptions = {}, bus: Bus = new MemoryBus()): Promise<TestHub> {
  const hub = new Hub(bus, options);
  await hub.start();
  const server = createServer((_req, res) => res.writeHead(404).end());
  const endpoint = attachLiveEndpoint(server, hub);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    hub,
    server,
    url: `ws://127.0.0.1:${port}${livePath}`,
    close: async () => {
      endpoint.close();
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}

export type Frame = Record<string, any>;

export class LiveTestClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #waiters: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    );
    socket.on('error', () => {});
  }

  static async open(url: string, options: ClientOptions = {}): Promise<LiveTestClient> {
    const socket = new WebSocket(url, { perMessageDeflate: false, ...options });
    const client = new LiveTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await client.next((f) => f.type === 'welcome');
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Subscribes and waits for the `subscribed` reply. */
  async subscribe(channel: string, since?: number): Promise<Frame> {
    const from = this.frames.length;
    this.send({ v: 1, type: 'subscribe', channel, ...(since === undefined ? {} : { since }) });
    return this.next((f) => f.type === 'subscribed' && f.channel === channel, from);
  }

  /** The first frame from index `from` that matches, waiting for it if needed. */
  async next(matches: (frame: Frame) => boolean, from = 0, timeoutMs = 5_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(matches);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Sequence numbers of the events received on a channel, in arrival order. */
  seqs(channel: string): number[] {
    return this.frames.filter((f) => f.type === 'event' && f.channel === channel).map((f) => f.seq as number);
  }

  async waitForEvents(channel: string, count: number, timeoutMs = 5_000): Promise<void> {
    await this.next(() => this.seqs(channel).length >= count, 0, timeoutMs);
  }

  close(): void {
    this.socket.close();
  }
}

/** ws's frame parser, which @types/ws does not declare. */
interface FrameReceiver {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  write(chunk: Buffer): void;
}
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; maxPayload?: number }) => FrameReceiver;
};

/** Reads server-to-client WebSocket frames the way a ws client does: `text:` or `binary:` and the message. Throws on a malformed frame. */
export function readFrames(wire: Buffer): string[] {
  const receiver = new Receiver({ isServer: false, maxPayload: 16 * 1024 * 1024 });
  const messages: string[] = [];
  let failure: Error | null = null;
  receiver.on('message', (data, isBinary) => messages.push(`${isBinary ? 'binary' : 'text'}:${data.toString()}`));
  receiver.on('error', (error) => (failure = error));
  receiver.write(wire);
  if (failure) throw failure;
  return messages;
}
