import { describe, expect, it, vi } from 'vitest';
import {
  ChunkStreamError,
  ChunkStreamReader,
  ChunkStreamWriter,
  maxMessageSize,
  messageType,
  type RtmpMessage
} from './chunkStream.js';

const video = (timestamp: number, size: number, fill = 0x11): RtmpMessage => ({
  typeId: messageType.video,
  streamId: 1,
  timestamp,
  payload: Buffer.alloc(size, fill)
});

function setChunkSize(size: number): Buffer {
  const payload = Buffer.alloc(4);
  payload.writeUInt32BE(size, 0);
  return chunk(0, 2, { time: 0, length: 4, typeId: messageType.setChunkSize, streamId: 0 }, payload);
}

/** One hand-built chunk, for the header forms our own writer never produces. */
function chunk(
  fmt: number,
  csid: number,
  header: { time?: number; length?: number; typeId?: number; streamId?: number; extendedTime?: number },
  payload: Buffer
): Buffer {
  const basic =
    csid < 64
      ? Buffer.from([(fmt << 6) | csid])
      : csid < 320
        ? Buffer.from([fmt << 6, csid - 64])
        : Buffer.from([(fmt << 6) | 1, (csid - 64) & 0xff, (csid - 64) >> 8]);
  const fields = Buffer.alloc([11, 7, 3, 0][fmt]!);
  if (fmt <= 2) fields.writeUIntBE(header.time ?? 0, 0, 3);
  if (fmt <= 1) {
    fields.writeUIntBE(header.length ?? payload.length, 3, 3);
    fields[6] = header.typeId ?? messageType.video;
  }
  if (fmt === 0) fields.writeUInt32LE(header.streamId ?? 1, 7);
  const extended = header.extendedTime === undefined ? Buffer.alloc(0) : Buffer.alloc(4);
  if (header.extendedTime !== undefined) extended.writeUInt32BE(header.extendedTime, 0);
  return Buffer.concat([basic, fields, extended, payload]);
}

describe('RTMP chunk stream', () => {
  it('reassembles messages the writer cut into chunks, whatever the split of the bytes', () => {
    const writer = new ChunkStreamWriter();
    const messages = [
      video(0, 300),
      video(33, 5),
      { typeId: messageType.commandAmf0, streamId: 0, timestamp: 0, payload: Buffer.from('hello') },
      video(66, 0)
    ];
    const bytes = Buffer.concat(messages.map((message, i) => writer.write(message, 4 + i)));
    for (const step of [1, 7, 128, bytes.length]) {
      const reader = new ChunkStreamReader();
      const received: RtmpMessage[] = [];
      for (let i = 0; i < bytes.length; i += step) received.push(...reader.push(bytes.subarray(i, i + step)));
      expect(received).toEqual(messages);
    }
  });

  it('follows the chunk size the peer sets, and does not report Set Chunk Size as a message', () => {
    const writer = new ChunkStreamWriter();
    const reader = new ChunkStreamReader();
    const bytes = Buffer.concat([writer.setChunkSize(4096), writer.write(video(0, 10_000), 6)]);
    expect(writer.write(video(0, 4096), 6).length).toBe(12 + 4096);
    expect(reader.push(bytes)).toEqual([video(0, 10_000)]);
    expect(reader.chunkSize).toBe(4096);
  });

  it('decodes the 2- and 3-byte chunk stream id forms', () => {
    for (const csid of [64, 319, 320, 65599]) {
      const writer = new ChunkStreamWriter();
      expect(new ChunkStreamReader().push(writer.write(video(1, 200), csid))).toEqual([video(1, 200)]);
    }
    const reader = new ChunkStreamReader();
    expect(reader.push(chunk(0, 300, { time: 5 }, Buffer.from([1, 2])))).toEqual([
      { typeId: 9, streamId: 1, timestamp: 5, payload: Buffer.from([1, 2]) }
    ]);
  });

  it('applies timestamp deltas of format 1, 2 and 3 headers', () => {
    const reader = new ChunkStreamReader();
    const got = reader.push(
      Buffer.concat([
        chunk(0, 6, { time: 1000, typeId: messageType.audio }, Buffer.from([1])),
        chunk(1, 6, { time: 20, typeId: messageType.audio }, Buffer.from([2, 2])),
        chunk(2, 6, { time: 30 }, Buffer.from([3, 3])),
        chunk(3, 6, {}, Buffer.from([4, 4]))
      ])
    );
    expect(got.map((m) => [m.timestamp, m.payload.length, m.typeId, m.streamId])).toEqual([
      [1000, 1, 8, 1],
      [1020, 2, 8, 1],
      [1050, 2, 8, 1],
      [1080, 2, 8, 1]
    ]);
  });

  it('reads extended timestamps, repeated on continuation chunks as ffmpeg and OBS send them', () => {
    const writer = new ChunkStreamWriter();
    const late = video(0x1_2345_678 % 2 ** 32, 300);
    const bytes = writer.write(late, 4);
    // Three chunks of 128 bytes: 12 + 4 header bytes, then 1 + 4 on each continuation.
    expect(bytes.length).toBe(12 + 4 + 300 + 2 * (1 + 4));
    expect(new ChunkStreamReader().push(bytes)).toEqual([late]);
  });

  it('drops a half-received message on Abort and reads the next one whole', () => {
    const reader = new ChunkStreamReader();
    const abort = Buffer.alloc(4);
    abort.writeUInt32BE(6, 0);
    const got = reader.push(
      Buffer.concat([
        chunk(0, 6, { time: 0, length: 200 }, Buffer.alloc(128, 1)),
        chunk(0, 2, { length: 4, typeId: messageType.abort, streamId: 0 }, abort),
        chunk(0, 6, { time: 40, length: 3 }, Buffer.from([7, 8, 9]))
      ])
    );
    expect(got).toEqual([{ typeId: 9, streamId: 1, timestamp: 40, payload: Buffer.from([7, 8, 9]) }]);
  });

  it('interleaves messages of different chunk streams', () => {
    const reader = new ChunkStreamReader();
    const got = reader.push(
      Buffer.concat([
        chunk(0, 4, { time: 0, length: 130, typeId: messageType.audio }, Buffer.alloc(128, 0xa)),
        chunk(0, 6, { time: 0, length: 2 }, Buffer.from([0xb, 0xb])),
        chunk(3, 4, {}, Buffer.alloc(2, 0xa))
      ])
    );
    expect(got.map((m) => [m.typeId, m.payload.length])).toEqual([
      [9, 2],
      [8, 130]
    ]);
  });

  it('refuses a chunk size over 16 MiB, a message over 8 MiB and a chunk stream that starts mid-message', () => {
    expect(() => new ChunkStreamReader().push(setChunkSize(16 * 1024 * 1024 + 1))).toThrow(ChunkStreamError);
    expect(() => new ChunkStreamReader().push(chunk(0, 6, { length: maxMessageSize + 1 }, Buffer.alloc(0)))).toThrow(
      /larger than/
    );
    expect(() => new ChunkStreamReader().push(chunk(3, 6, {}, Buffer.alloc(0)))).toThrow(/must be format 0/);
    expect(() =>
      new ChunkStreamReader().push(chunk(0, 2, { length: 2, typeId: messageType.setChunkSize }, Buffer.alloc(2)))
    ).toThrow(ChunkStreamError);
  });

  it('refuses unfinished messages on many chunk streams that together exceed the message limit', () => {
    const reader = new ChunkStreamReader();
    const setSize = new ChunkStreamWriter().setChunkSize(1024 * 1024);
    const starts = Array.from({ length: 9 }, (_, i) =>
      chunk(0, 10 + i, { length: 2 * 1024 * 1024 }, Buffer.alloc(1024 * 1024))
    );
    expect(() => reader.push(Buffer.concat([setSize, ...starts]))).toThrow(/several chunk streams/);
  });

  it('buffers a large chunk arriving in small pieces without rejoining it at every piece', () => {
    const writer = new ChunkStreamWriter();
    const reader = new ChunkStreamReader();
    const bytes = Buffer.concat([writer.setChunkSize(8 * 1024 * 1024), writer.write(video(0, 4 * 1024 * 1024, 3), 6)]);
    const concat = vi.spyOn(Buffer, 'concat');
    const got: RtmpMessage[] = [];
    try {
      for (let i = 0; i < bytes.length; i += 1024) got.push(...reader.push(bytes.subarray(i, i + 1024)));
      // Joining at every one of the 4,096 pieces would copy gigabytes; a few joins copy each byte a few times.
      expect(concat.mock.calls.length).toBeLessThan(10);
    } finally {
      concat.mockRestore();
    }
    expect(got).toHaveLength(1);
    expect(got[0]!.payload.equals(Buffer.alloc(4 * 1024 * 1024, 3))).toBe(true);
  });
});
