/**
 * One encoder's RTMP connection, from handshake to the end of its publish:
 * answers the commands OBS and ffmpeg send (connect, releaseStream, FCPublish,
 * createStream, publish), checks the stream key, and turns the published
 * audio, video and metadata messages into FLV tags on the stage's feed. Never
 * throws out of a socket handler: a peer that breaks the protocol is logged and
 * disconnected.
 */
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import type { Logger } from 'pino';
import type { IngestFeed, IngestSink, StreamKeys } from '../broadcastPorts.js';
import { encodeFlvTag, flvHeader, type FlvTagType } from '../flv.js';
import { Amf0EcmaArray, Amf0Reader, decodeAmf0, encodeAmf0, type Amf0Object, type Amf0Value } from './amf0.js';
import { ChunkStreamReader, ChunkStreamWriter, messageType, type RtmpMessage } from './chunkStream.js';

export type RtmpLog = Pick<Logger, 'info' | 'warn'>;

export interface RtmpConnectionOptions {
  readonly keys: StreamKeys;
  readonly sink: IngestSink;
  readonly log: RtmpLog;
  /** The application name in `rtmp://host/<app>/<key>`. */
  readonly app: string;
  /** A connection that has not started publishing by then is closed. */
  readonly publishTimeoutMs: number;
  /** A publisher that sends nothing for this long is closed (not counted while we hold it back). */
  readonly idleTimeoutMs: number;
}

const handshakeSize = 1536;
/** The window we announce, and assume for the peer until it sends its own. */
const windowAckSize = 2_500_000;
const ourChunkSize = 4096;
/** Chunk stream ids for what we send: protocol control, commands, the published stream's status. */
const csid = { control: 2, command: 3, status: 5 } as const;
/** The message stream createStream hands out; one publish per connection. */
const publishStreamId = 1;

type State = 'awaiting-c0c1' | 'awaiting-c2' | 'open' | 'checking-key' | 'publishing' | 'ended';

export class RtmpConnection {
  readonly remote: string;
  #state: State = 'awaiting-c0c1';
  #handshake: Buffer[] = [];
  #handshakeLength = 0;
  #reader = new ChunkStreamReader();
  #writer = new ChunkStreamWriter();
  #queue: RtmpMessage[] = [];
  #busy = false;
  #waitingForDrain = false;
  #bytesReceived = 0;
  #bytesAcknowledged = 0;
  #peerWindow = windowAckSize;
  #encoder = 'unknown';
  #feedStream: PassThrough | null = null;
  #publishTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: Socket,
    private readonly options: RtmpConnectionOptions
  ) {
    this.remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    socket.setNoDelay(true);
    socket.on('data', (bytes: Buffer) => this.#guard(() => this.#receive(bytes)));
    socket.on('error', (error) =>
      this.options.log.info({ remote: this.remote, err: error.message }, 'rtmp connection error')
    );
    socket.on('close', () => this.#finish());
    socket.on('timeout', () => {
      // A publisher we paused for backpressure is silent because of us.
      if (this.#waitingForDrain) return;
      this.options.log.warn(
        { remote: this.remote, seconds: this.options.idleTimeoutMs / 1000, code: 'ingest.timeout' },
        'rtmp publisher went silent; disconnecting'
      );
      socket.destroy();
    });
    this.#publishTimer = setTimeout(() => {
      if (this.#state === 'publishing' || this.#state === 'ended') return;
      this.options.log.warn(
        { remote: this.remote, seconds: this.options.publishTimeoutMs / 1000, code: 'ingest.timeout' },
        'rtmp connection did not publish in time; disconnecting'
      );
      socket.destroy();
    }, this.options.publishTimeoutMs);
    this.#publishTimer.unref();
  }

  /** Disconnects now; the feed, if any, ends. */
  destroy(): void {
    this.socket.destroy();
  }

  #guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.options.log.warn(
        { remote: this.remote, err: error instanceof Error ? error.message : String(error), code: 'ingest.protocol' },
        'rtmp peer broke the protocol; disconnecting'
      );
      this.socket.destroy();
    }
  }

  #receive(bytes: Buffer): void {
    if (this.#state === 'ended') return;
    this.#bytesReceived += bytes.length;
    if (this.#state === 'awaiting-c0c1' || this.#state === 'awaiting-c2') {
      this.#handshake.push(bytes);
      this.#handshakeLength += bytes.length;
      bytes = this.#advanceHandshake();
      if (bytes.length === 0) return;
    }
    this.#queue.push(...this.#reader.push(bytes));
    this.#acknowledge();
    this.#pump();
  }

  /** Simple handshake (RTMP 1.0 section 5.2): S1 with a zeroed version field tells the client no digest is used. */
  #advanceHandshake(): Buffer {
    let all = Buffer.concat(this.#handshake, this.#handshakeLength);
    if (this.#state === 'awaiting-c0c1') {
      if (all.length >= 1 && all[0] !== 3)
        throw new Error(`RTMP version ${all[0]} requested; only plain RTMP (3) is served`);
      if (all.length < 1 + handshakeSize) return this.#keepHandshake(all);
      const c1 = all.subarray(1, 1 + handshakeSize);
      const s1 = Buffer.alloc(handshakeSize);
      s1.writeUInt32BE(Math.floor(performance.now()) >>> 0, 0);
      for (let i = 8; i < handshakeSize; i++) s1[i] = (Math.random() * 256) | 0;
      this.socket.write(Buffer.concat([Buffer.from([3]), s1, c1]));
      this.#state = 'awaiting-c2';
      all = all.subarray(1 + handshakeSize);
    }
    if (all.length < handshakeSize) return this.#keepHandshake(all);
    // C2 should echo S1; encoders get it wrong often enough that checking it only loses publishers.
    this.#state = 'open';
    this.#handshake = [];
    this.#handshakeLength = 0;
    return all.subarray(handshakeSize);
  }

  #keepHandshake(rest: Buffer): Buffer {
    this.#handshake = rest.length === 0 ? [] : [rest];
    this.#handshakeLength = rest.length;
    return Buffer.alloc(0);
  }

  #acknowledge(): void {
    if (this.#bytesReceived - this.#bytesAcknowledged < this.#peerWindow) return;
    this.#bytesAcknowledged = this.#bytesReceived;
    const payload = Buffer.allocUnsafe(4);
    payload.writeUInt32BE(this.#bytesReceived % 2 ** 32, 0);
    this.#send(messageType.acknowledgement, payload, csid.control);
  }

  /** Messages are handled in order; the key check is asynchronous, so the socket waits while it runs. */
  #pump(): void {
    while (!this.#busy && this.#queue.length > 0 && this.#state !== 'ended') {
      const message = this.#queue.shift()!;
      const pending = this.#handle(message);
      if (pending) {
        this.#busy = true;
        this.socket.pause();
        void pending
          .then(
            () => undefined,
            (error: unknown) =>
              this.#guard(() => {
                throw error;
              })
          )
          .then(() => {
            this.#busy = false;
            this.#resumeIfFree();
            this.#guard(() => this.#pump());
          });
      }
    }
  }

  #resumeIfFree(): void {
    if (!this.#busy && !this.#waitingForDrain && this.#state !== 'ended') this.socket.resume();
  }

  #handle(message: RtmpMessage): Promise<void> | void {
    switch (message.typeId) {
      case messageType.windowAckSize:
        if (message.payload.length >= 4) this.#peerWindow = Math.max(1, message.payload.readUInt32BE(0));
        return;
      case messageType.userControl:
        return this.#userControl(message.payload);
      case messageType.commandAmf0:
        return this.#command(decodeAmf0(message.payload), message.streamId);
      case messageType.commandAmf3:
        // An AMF3 command message is AMF0 after one format byte.
        return this.#command(decodeAmf0(message.payload.subarray(1)), message.streamId);
      case messageType.audio:
        return this.#writeTag('audio', message);
      case messageType.video:
        return this.#writeTag('video', message);
      case messageType.dataAmf0:
      case messageType.dataAmf3:
        return this.#writeMetadata(message);
      default:
        // Acknowledgements, Set Peer Bandwidth, shared objects, aggregates: nothing a publish needs.
        return;
    }
  }

  #userControl(payload: Buffer): void {
    // Ping Request (6) must be answered with a Ping Response (7) carrying the same time, or some encoders give up.
    if (payload.length >= 6 && payload.readUInt16BE(0) === 6) {
      const response = Buffer.from(payload.subarray(0, 6));
      response.writeUInt16BE(7, 0);
      this.#send(messageType.userControl, response, csid.control);
    }
  }

  #command(values: Amf0Value[], streamId: number): Promise<void> | void {
    const [name, transaction] = values;
    if (typeof name !== 'string') throw new Error('an RTMP command without a name');
    const transactionId = typeof transaction === 'number' ? transaction : 0;
    switch (name) {
      case 'connect':
        return this.#connect(transactionId, values[2]);
      case 'releaseStream':
      case 'FCPublish':
        return this.#result(transactionId, null, undefined);
      case 'createStream':
        return this.#result(transactionId, null, publishStreamId);
      case 'publish':
        return this.#publish(values[3], streamId);
      case 'FCUnpublish':
      case 'deleteStream':
      case 'closeStream':
        this.#endFeed();
        return;
      case 'play':
        this.#status(streamId, 'error', 'NetStream.Play.Failed', 'this server only takes published streams');
        this.#closeSoon();
        return;
      default:
        return;
    }
  }

  #connect(transactionId: number, commandObject: Amf0Value): void {
    const command = commandObjectOf(commandObject);
    const app = typeof command.app === 'string' ? (command.app.replace(/\/+$/, '').split('?', 1)[0] ?? '') : '';
    if (typeof command.flashVer === 'string') this.#encoder = printable(command.flashVer);
    if (app !== this.options.app) {
      this.options.log.warn(
        { remote: this.remote, app: printable(app) },
        'rtmp connect to an unknown application refused'
      );
      this.#send(
        messageType.commandAmf0,
        encodeAmf0('_error', transactionId, null, {
          level: 'error',
          code: 'NetConnection.Connect.Rejected',
          description: `use rtmp://<host>/${this.options.app}/<stream key>`
        }),
        csid.command
      );
      this.#closeSoon();
      return;
    }
    const windowSize = Buffer.allocUnsafe(4);
    windowSize.writeUInt32BE(windowAckSize, 0);
    this.#send(messageType.windowAckSize, windowSize, csid.control);
    const bandwidth = Buffer.allocUnsafe(5);
    bandwidth.writeUInt32BE(windowAckSize, 0);
    bandwidth[4] = 2; // dynamic
    this.#send(messageType.setPeerBandwidth, bandwidth, csid.control);
    this.#write(this.#writer.setChunkSize(ourChunkSize));
    this.#result(
      transactionId,
      { fmsVer: 'FMS/3,0,1,123', capabilities: 31 },
      {
        level: 'status',
        code: 'NetConnection.Connect.Success',
        description: 'Connection succeeded.',
        objectEncoding: 0
      }
    );
  }

  async #publish(nameValue: Amf0Value, streamId: number): Promise<void> {
    if (this.#state !== 'open') return;
    const key = typeof nameValue === 'string' ? nameValue.split('?', 1)[0]! : '';
    this.#state = 'checking-key';
    let stageId: string | null;
    try {
      stageId = key === '' ? null : await this.options.keys.stageForKey(key);
    } catch (error) {
      this.options.log.warn(
        { remote: this.remote, err: error instanceof Error ? error.message : String(error) },
        'rtmp stream key could not be checked'
      );
      this.#refuse(streamId, 'the server could not check the stream key; try again');
      return;
    }
    if (this.#state !== 'checking-key') return; // disconnected meanwhile
    if (stageId === null) {
      this.options.log.warn(
        { remote: this.remote, key: redactKey(key), code: 'ingest.key_invalid' },
        'rtmp publish refused: wrong stream key'
      );
      this.#refuse(streamId, 'wrong stream key');
      return;
    }
    const stream = new PassThrough({ highWaterMark: 1024 * 1024 });
    const feed: IngestFeed = {
      stageId,
      via: 'rtmp',
      format: 'flv',
      stream,
      description: `rtmp from ${this.remote}, encoder "${this.#encoder}"`,
      close: (reason: string) => {
        this.options.log.info({ remote: this.remote, stageId, reason }, 'rtmp source closed by the stage');
        this.socket.destroy();
      }
    };
    if (!this.options.sink.accept(feed)) {
      stream.destroy();
      this.options.log.warn(
        { remote: this.remote, stageId, code: 'ingest.stage_busy' },
        'rtmp publish refused: the stage already has a source'
      );
      this.#refuse(streamId, 'this stage already has a source');
      return;
    }
    this.#feedStream = stream;
    this.#state = 'publishing';
    clearTimeout(this.#publishTimer);
    this.socket.setTimeout(this.options.idleTimeoutMs);
    // The consumer gave up (its encoder died): the publisher is told by a disconnect.
    stream.on('close', () => {
      if (this.#state === 'publishing') this.socket.destroy();
    });
    stream.write(flvHeader());
    const streamBegin = Buffer.alloc(6);
    streamBegin.writeUInt32BE(streamId, 2);
    this.#send(messageType.userControl, streamBegin, csid.control);
    this.#status(streamId, 'status', 'NetStream.Publish.Start', `publishing to stage ${stageId}`);
    this.options.log.info({ remote: this.remote, stageId, encoder: this.#encoder }, 'rtmp publish started');
  }

  #refuse(streamId: number, description: string): void {
    this.#status(streamId, 'error', 'NetStream.Publish.BadName', description);
    this.#closeSoon();
  }

  #writeTag(type: FlvTagType, message: RtmpMessage): void {
    if (this.#state !== 'publishing' || message.payload.length === 0) return;
    this.#feed(encodeFlvTag({ type, timestamp: message.timestamp, data: message.payload }));
  }

  /** `@setDataFrame` wraps onMetaData on the wire; in FLV the metadata stands alone, so the wrapper is cut off. */
  #writeMetadata(message: RtmpMessage): void {
    if (this.#state !== 'publishing') return;
    let data = message.typeId === messageType.dataAmf3 ? message.payload.subarray(1) : message.payload;
    const reader = new Amf0Reader(data);
    if (reader.read() === '@setDataFrame') data = data.subarray(reader.offset);
    if (data.length > 0) this.#feed(encodeFlvTag({ type: 'script', timestamp: message.timestamp, data }));
  }

  #feed(bytes: Buffer): void {
    const stream = this.#feedStream;
    if (!stream || stream.destroyed || stream.writableEnded) return;
    if (!stream.write(bytes) && !this.#waitingForDrain) {
      this.#waitingForDrain = true;
      this.socket.pause();
      stream.once('drain', () => {
        this.#waitingForDrain = false;
        // The idle timer may have fired while we held the publisher back; start it afresh.
        if (this.#state === 'publishing') this.socket.setTimeout(this.options.idleTimeoutMs);
        this.#resumeIfFree();
      });
    }
  }

  #endFeed(): void {
    const stream = this.#feedStream;
    if (this.#state === 'publishing') this.#state = 'open';
    this.#feedStream = null;
    if (stream && !stream.destroyed && !stream.writableEnded) stream.end();
  }

  #finish(): void {
    clearTimeout(this.#publishTimer);
    const wasPublishing = this.#feedStream !== null;
    this.#endFeed();
    this.#state = 'ended';
    this.#queue = [];
    if (wasPublishing) this.options.log.info({ remote: this.remote }, 'rtmp publisher disconnected');
  }

  /** Lets the last status reach the encoder (it prints it) before the connection goes. */
  #closeSoon(): void {
    this.#state = 'ended';
    this.#queue = [];
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 2000).unref();
  }

  #result(transactionId: number, properties: Amf0Value, information: Amf0Value): void {
    this.#send(messageType.commandAmf0, encodeAmf0('_result', transactionId, properties, information), csid.command);
  }

  #status(streamId: number, level: 'status' | 'error', code: string, description: string): void {
    this.#send(
      messageType.commandAmf0,
      encodeAmf0('onStatus', 0, null, { level, code, description }),
      csid.status,
      streamId
    );
  }

  #send(typeId: number, payload: Buffer, chunkStreamId: number, streamId = 0): void {
    this.#write(this.#writer.write({ typeId, streamId, timestamp: 0, payload }, chunkStreamId));
  }

  #write(bytes: Buffer): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(bytes);
  }
}

/** The connect command object; some encoders send it as an ECMA array. */
function commandObjectOf(value: Amf0Value): Amf0Object {
  if (value instanceof Amf0EcmaArray) return value.entries;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)) return value;
  return {};
}

/** Encoder names go into logs and descriptions: no control characters, bounded. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}

/** Enough of a key to tell two apart in a log, not enough to use it. */
export function redactKey(key: string): string {
  return `${printable(key).slice(0, 4)}…`;
}
