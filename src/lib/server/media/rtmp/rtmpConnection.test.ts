import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestFeed, IngestSink, StreamKeys } from '../broadcastPorts.js';
import { FlvTagReader, type FlvTag } from '../flv.js';
import { Amf0EcmaArray, decodeAmf0, encodeAmf0, type Amf0Value } from './amf0.js';
import { ChunkStreamReader, ChunkStreamWriter, messageType } from './chunkStream.js';
import type { RtmpLog } from './rtmpConnection.js';
import { RtmpServer } from './rtmpServer.js';

const keys: StreamKeys = {
  stageForKey: async (key) => {
    if (key === 'broken') throw new Error('database down');
    return key === 'good-key' ? 'main-stage' : null;
  }
};

const servers: RtmpServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function quietLog(): RtmpLog & { messages: string[] } {
  const messages: string[] = [];
  const record = (_fields: unknown, message: string) => void messages.push(message);
  return { messages, info: record, warn: record } as unknown as RtmpLog & { messages: string[] };
}

async function start(sink: IngestSink, extra: { idleTimeoutMs?: number } = {}) {
  const log = quietLog();
  const server = new RtmpServer({ keys, sink, log, port: 0, ...extra });
  servers.push(server);
  return { port: await server.listen(), log };
}

/** A minimal publishing client speaking the protocol by hand, for what ffmpeg cannot be made to do on cue. */
async function publisher(port: number, key: string) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.on('error', () => undefined);
  const writer = new ChunkStreamWriter();
  const reader = new ChunkStreamReader();
  const commands: Amf0Value[][] = [];
  let handshake = Buffer.alloc(0);
  let handshaken = false;
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('data', (bytes: Buffer) => {
    if (!handshaken) {
      handshake = Buffer.concat([handshake, bytes]);
      if (handshake.length < 1 + 2 * 1536) return;
      handshaken = true;
      bytes = handshake.subarray(1 + 2 * 1536);
    }
    for (const message of reader.push(bytes))
      if (message.typeId === messageType.commandAmf0) commands.push(decodeAmf0(message.payload));
  });
  await new Promise((resolve) => socket.on('connect', resolve));
  socket.write(Buffer.concat([Buffer.from([3]), Buffer.alloc(1536), Buffer.alloc(1536)]));
  const command = (values: Amf0Value[], streamId = 0) =>
    socket.write(
      writer.write({ typeId: messageType.commandAmf0, streamId, timestamp: 0, payload: encodeAmf0(...values) }, 3)
    );
  const status = async (code: string) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = commands.find(
        (values) => values[0] === 'onStatus' && (values[3] as { code?: string }).code === code
      );
      if (found) return found[3] as { level: string; code: string; description: string };
      if (Date.now() > deadline) throw new Error(`no ${code}; got ${JSON.stringify(commands)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  command(['connect', 1, { app: 'live', flashVer: 'TestEncoder/1.0', tcUrl: `rtmp://127.0.0.1:${port}/live` }]);
  command(['createStream', 2, null]);
  command(['publish', 3, null, `${key}?client=test`, 'live'], 1);
  const media = (typeId: number, timestamp: number, payload: Buffer) =>
    socket.write(writer.write({ typeId, streamId: 1, timestamp, payload }, typeId === messageType.audio ? 4 : 6));
  return { socket, writer, commands, status, command, media, closed };
}

function recordingSink(read = true) {
  const feeds: IngestFeed[] = [];
  const ends: Promise<Buffer>[] = [];
  const sink: IngestSink = {
    accept(feed) {
      feeds.push(feed);
      const chunks: Buffer[] = [];
      if (read) feed.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      ends.push(new Promise((resolve) => feed.stream.on('end', () => resolve(Buffer.concat(chunks)))));
      return true;
    }
  };
  return { sink, feeds, ends };
}

async function tagsOf(bytes: Buffer): Promise<FlvTag[]> {
  const tags: FlvTag[] = [];
  for await (const tag of Readable.from([bytes]).pipe(new FlvTagReader())) tags.push(tag as FlvTag);
  return tags;
}

describe('an RTMP publish, message by message', () => {
  it('writes metadata without its @setDataFrame wrapper and media with 32-bit timestamps, and ends the feed on deleteStream', async () => {
    const { sink, ends } = recordingSink();
    const { port } = await start(sink);
    const client = await publisher(port, 'good-key');
    expect(await client.status('NetStream.Publish.Start')).toMatchObject({ level: 'status' });
    const metadata = encodeAmf0('onMetaData', new Amf0EcmaArray({ width: 320, height: 180 }));
    client.media(messageType.dataAmf0, 0, Buffer.concat([encodeAmf0('@setDataFrame'), metadata]));
    client.media(messageType.video, 0, Buffer.from([0x17, 0, 0, 0, 0, 1]));
    client.media(messageType.audio, 20, Buffer.from([0xaf, 1, 9]));
    client.media(messageType.video, 0x1_0000_0005, Buffer.from([0x27, 1, 0, 0, 0, 2]));
    client.command(['deleteStream', 4, null, 1]);
    const tags = await tagsOf(await ends[0]!);
    expect(tags).toEqual([
      { type: 'script', timestamp: 0, data: metadata },
      { type: 'video', timestamp: 0, data: Buffer.from([0x17, 0, 0, 0, 0, 1]) },
      { type: 'audio', timestamp: 20, data: Buffer.from([0xaf, 1, 9]) },
      { type: 'video', timestamp: 5, data: Buffer.from([0x27, 1, 0, 0, 0, 2]) }
    ]);
  });

  it('pauses a publisher while the stage is not reading, and loses nothing when it reads again', async () => {
    const { sink, feeds } = recordingSink(false);
    const { port } = await start(sink);
    const client = await publisher(port, 'good-key');
    await client.status('NetStream.Publish.Start');
    const frame = Buffer.alloc(64 * 1024, 0x27);
    let sent = 0;
    // Write until the kernel buffers are full too: the client's socket reports it cannot take more.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const accepted = client.media(messageType.video, sent * 40, frame);
      sent += 1;
      if (!accepted) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (client.socket.writableLength > 0) break;
      }
    }
    expect(client.socket.writableLength).toBeGreaterThan(0);
    const feed = feeds[0]!;
    expect(feed.stream.readableLength).toBeLessThanOrEqual(2 * 1024 * 1024 + 128 * 1024);

    const chunks: Buffer[] = [];
    feed.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => feed.stream.on('end', resolve));
    await new Promise<void>((resolve) =>
      client.socket.writableLength === 0 ? resolve() : client.socket.once('drain', resolve)
    );
    client.command(['FCUnpublish', 5, null, 'good-key']);
    await ended;
    const tags = await tagsOf(Buffer.concat(chunks));
    expect(tags).toHaveLength(sent);
    expect(tags.map((tag) => tag.timestamp)).toEqual(Array.from({ length: sent }, (_, i) => i * 40));
  }, 20_000);

  it('disconnects the encoder when the stage closes its feed', async () => {
    const { sink, feeds, ends } = recordingSink();
    const { port, log } = await start(sink);
    const client = await publisher(port, 'good-key');
    await client.status('NetStream.Publish.Start');
    feeds[0]!.close('the producer stopped the stage');
    await client.closed;
    await ends[0];
    expect(log.messages).toContain('rtmp source closed by the stage');
  });

  it('closes a publisher that goes silent, and ends its feed', async () => {
    const { sink, ends } = recordingSink();
    const { port, log } = await start(sink, { idleTimeoutMs: 300 });
    const client = await publisher(port, 'good-key');
    await client.status('NetStream.Publish.Start');
    await client.closed;
    await ends[0];
    expect(log.messages.some((message) => message.includes('went silent'))).toBe(true);
  });

  it('tells the encoder to try again when the key cannot be checked', async () => {
    const { sink, feeds } = recordingSink();
    const { port } = await start(sink);
    const client = await publisher(port, 'broken');
    expect(await client.status('NetStream.Publish.BadName')).toMatchObject({
      level: 'error',
      description: 'the server could not check the stream key; try again'
    });
    await client.closed;
    expect(feeds).toHaveLength(0);
  });

  it('refuses a connect to another application', async () => {
    const { sink } = recordingSink();
    const { port } = await start(sink);
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    socket.on('error', () => undefined);
    const received: Buffer[] = [];
    socket.on('data', (bytes: Buffer) => received.push(bytes));
    const writer = new ChunkStreamWriter();
    socket.write(
      Buffer.concat([
        Buffer.from([3]),
        Buffer.alloc(3072),
        writer.write({ typeId: 20, streamId: 0, timestamp: 0, payload: encodeAmf0('connect', 1, { app: 'vod' }) }, 3)
      ])
    );
    await new Promise((resolve) => socket.on('close', resolve));
    const messages = new ChunkStreamReader().push(Buffer.concat(received).subarray(1 + 2 * 1536));
    expect(decodeAmf0(messages.at(-1)!.payload)).toMatchObject([
      '_error',
      1,
      null,
      { code: 'NetConnection.Connect.Rejected' }
    ]);
  });
});
