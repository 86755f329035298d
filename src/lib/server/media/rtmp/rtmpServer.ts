/**
 * The RTMP publish server: OBS, ffmpeg or any encoder pushes to
 * `rtmp://<host>:<port>/live/<stream key>`; each connection is an
 * `RtmpConnection`. Owns the listening socket, the limit on concurrent
 * connections and shutting every connection down on close.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { IngestSink, StreamKeys } from '../broadcastPorts.js';
import { RtmpConnection, type RtmpLog } from './rtmpConnection.js';

export interface RtmpServerOptions {
  readonly keys: StreamKeys;
  readonly sink: IngestSink;
  readonly log: RtmpLog;
  /** Loopback unless the operator opens it up (RTMP carries stream keys in clear; put RTMPS in front for the internet). */
  readonly host?: string;
  /** 0 picks a free port; the default is RTMP's 1935. */
  readonly port?: number;
  readonly app?: string;
  readonly maxConnections?: number;
  readonly publishTimeoutMs?: number;
  readonly idleTimeoutMs?: number;
}

export class RtmpServer {
  readonly #server: Server;
  readonly #connections = new Set<RtmpConnection>();
  readonly #options: Required<RtmpServerOptions>;

  constructor(options: RtmpServerOptions) {
    this.#options = {
      host: '127.0.0.1',
      port: 1935,
      app: 'live',
      maxConnections: 64,
      publishTimeoutMs: 10_000,
      idleTimeoutMs: 15_000,
      ...options
    };
    this.#server = createServer((socket) => this.#accept(socket));
    this.#server.on('error', (error) => this.#options.log.warn({ err: error.message }, 'rtmp server error'));
  }

  /** Starts listening; resolves with the port (the chosen one when the port was 0). */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.#server.once('error', onError);
      this.#server.listen(this.#options.port, this.#options.host, () => {
        this.#server.off('error', onError);
        const address = this.#server.address();
        resolve(typeof address === 'object' && address ? address.port : this.#options.port);
      });
    });
  }

  /** Stops listening and disconnects every encoder; their feeds end. */
  close(): Promise<void> {
    for (const connection of this.#connections) connection.destroy();
    return new Promise((resolve) => {
      if (!this.#server.listening) return resolve();
      this.#server.close(() => resolve());
    });
  }

  #accept(socket: Socket): void {
    if (this.#connections.size >= this.#options.maxConnections) {
      this.#options.log.warn(
        {
          remote: `${socket.remoteAddress}:${socket.remotePort}`,
          limit: this.#options.maxConnections,
          code: 'ingest.too_many_connections'
        },
        'rtmp connection refused: too many connections'
      );
      socket.destroy();
      return;
    }
    const { keys, sink, log, app, publishTimeoutMs, idleTimeoutMs } = this.#options;
    const connection = new RtmpConnection(socket, { keys, sink, log, app, publishTimeoutMs, idleTimeoutMs });
    this.#connections.add(connection);
    socket.once('close', () => this.#connections.delete(connection));
  }
}
