/**
 * The RTMP chunk stream (Adobe RTMP specification 1.0, section 5.3): messages
 * are cut into chunks of at most "chunk size" bytes, interleaved by chunk
 * stream id, each chunk header compressed against the previous one on its
 * chunk stream (formats 0–3). The reader reassembles messages from bytes of
 * an untrusted peer and applies the chunk-layer control messages itself (Set
 * Chunk Size, Abort); the writer cuts our own messages into chunks.
 */

export interface RtmpMessage {
  /** Message type id: 1 Set Chunk Size … 8 audio, 9 video, 18 data, 20 command. */
  readonly typeId: number;
  readonly streamId: number;
  /** Milliseconds, 32 bits. */
  readonly timestamp: number;
  readonly payload: Buffer;
}

export const messageType = {
  setChunkSize: 1,
  abort: 2,
  acknowledgement: 3,
  userControl: 4,
  windowAckSize: 5,
  setPeerBandwidth: 6,
  audio: 8,
  video: 9,
  dataAmf3: 15,
  commandAmf3: 17,
  dataAmf0: 18,
  commandAmf0: 20
} as const;

export class ChunkStreamError extends Error {
  override readonly name = 'ChunkStreamError';
}

/** The specification's chunk size limit is 2^31 − 1; nobody needs more than 16 MiB and we will not buffer it. */
export const maxChunkSize = 16 * 1024 * 1024;
/** A 4K keyframe is well under 4 MiB; the same limit as the FLV reader. */
export const maxMessageSize = 8 * 1024 * 1024;
/** Chunk size before either side sets one (section 5.4.1). */
export const defaultChunkSize = 128;

interface ChunkStreamState {
  timestamp: number;
  timestampDelta: number;
  length: number;
  typeId: number;
  streamId: number;
  /** Whether the last header on this chunk stream carried an extended timestamp; fmt-3 chunks then repeat it. */
  extended: boolean;
  parts: Buffer[];
  received: number;
}

/**
 * Bytes in (any split), whole messages out. Throws `ChunkStreamError` on a
 * header that cannot be honoured; the connection is then beyond repair and is
 * closed by the caller.
 */
export class ChunkStreamReader {
  #chunkSize = defaultChunkSize;
  #streams = new Map<number, ChunkStreamState>();
  #pending: Buffer[] = [];
  #pendingLength = 0;
  /** Bytes the next chunk needs before parsing is worth trying, so a large chunk arriving in pieces is joined once. */
  #needed = 1;
  /** Bytes of unfinished messages over all chunk streams: interleaving many must not multiply the per-message limit. */
  #partialBytes = 0;

  get chunkSize(): number {
    return this.#chunkSize;
  }

  push(bytes: Buffer): RtmpMessage[] {
    this.#pending.push(bytes);
    this.#pendingLength += bytes.length;
    if (this.#pendingLength < this.#needed) return [];
    let buffer = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending, this.#pendingLength);
    const messages: RtmpMessage[] = [];
    let offset = 0;
    for (;;) {
      const used = this.#readChunk(buffer, offset, messages);
      if (used === 0) break;
      offset += used;
    }
    buffer = buffer.subarray(offset);
    this.#pending = buffer.length === 0 ? [] : [buffer];
    this.#pendingLength = buffer.length;
    return messages;
  }

  /** Bytes consumed by one whole chunk at `start`, or 0 (with `#needed` set) when it has not all arrived. */
  #readChunk(bytes: Buffer, start: number, out: RtmpMessage[]): number {
    const available = bytes.length - start;
    const wait = (count: number) => {
      this.#needed = count;
      return 0;
    };
    if (available < 1) return wait(1);
    const fmt = bytes[start]! >> 6;
    let csid = bytes[start]! & 0x3f;
    let offset = start + 1;
    if (csid === 0) {
      if (available < 2) return wait(2);
      csid = 64 + bytes[offset]!;
      offset += 1;
    } else if (csid === 1) {
      if (available < 3) return wait(3);
      csid = 64 + bytes[offset]! + bytes[offset + 1]! * 256;
      offset += 2;
    }
    const headerLength = [11, 7, 3, 0][fmt]!;
    if (bytes.length - offset < headerLength) return wait(offset - start + headerLength);

    let state = this.#streams.get(csid);
    if (!state) {
      if (fmt !== 0)
        throw new ChunkStreamError(
          `Chunk stream ${csid} starts with a format ${fmt} header; the first chunk on a chunk stream must be format 0.`
        );
      state = {
        timestamp: 0,
        timestampDelta: 0,
        length: 0,
        typeId: 0,
        streamId: 0,
        extended: false,
        parts: [],
        received: 0
      };
    }

    let timeField = 0;
    let length = state.length;
    let typeId = state.typeId;
    let streamId = state.streamId;
    if (fmt <= 2) timeField = bytes.readUIntBE(offset, 3);
    if (fmt <= 1) {
      length = bytes.readUIntBE(offset + 3, 3);
      typeId = bytes[offset + 6]!;
    }
    if (fmt === 0) streamId = bytes.readUInt32LE(offset + 7);
    offset += headerLength;

    const extended = fmt <= 2 ? timeField === 0xffffff : state.extended;
    if (extended) {
      if (bytes.length - offset < 4) return wait(offset - start + 4);
      const extendedTime = bytes.readUInt32BE(offset);
      offset += 4;
      if (fmt <= 2) timeField = extendedTime;
    }

    const startsMessage = state.received === 0;
    if (fmt <= 1 && !startsMessage && length !== state.length) {
      throw new ChunkStreamError(`Chunk stream ${csid} changed the message length in the middle of a message.`);
    }
    if (length > maxMessageSize)
      throw new ChunkStreamError(`A message of ${length} bytes is larger than the ${maxMessageSize} accepted.`);

    const payloadLength = Math.min(this.#chunkSize, length - state.received);
    if (bytes.length - offset < payloadLength) return wait(offset - start + payloadLength);

    // Only now, with the whole chunk here, does the header change the chunk stream's state.
    if (startsMessage) {
      if (fmt === 0) {
        state.timestamp = timeField;
        state.timestampDelta = 0;
      } else if (fmt <= 2) {
        state.timestampDelta = timeField;
        state.timestamp = (state.timestamp + timeField) >>> 0;
      } else {
        state.timestamp = (state.timestamp + state.timestampDelta) >>> 0;
      }
    }
    state.length = length;
    state.typeId = typeId;
    state.streamId = streamId;
    if (fmt <= 2) state.extended = extended;
    this.#streams.set(csid, state);

    if (payloadLength > 0) state.parts.push(bytes.subarray(offset, offset + payloadLength));
    state.received += payloadLength;
    this.#partialBytes += payloadLength;
    if (this.#partialBytes > maxMessageSize)
      throw new ChunkStreamError(
        `Unfinished messages on several chunk streams hold more than ${maxMessageSize} bytes.`
      );
    offset += payloadLength;
    this.#needed = 1;

    if (state.received === state.length) {
      const payload = Buffer.concat(state.parts, state.received);
      this.#partialBytes -= state.received;
      state.parts = [];
      state.received = 0;
      this.#deliver({ typeId: state.typeId, streamId: state.streamId, timestamp: state.timestamp, payload }, out);
    }
    return offset - start;
  }

  #deliver(message: RtmpMessage, out: RtmpMessage[]): void {
    if (message.typeId === messageType.setChunkSize) {
      if (message.payload.length < 4) throw new ChunkStreamError('A Set Chunk Size message shorter than 4 bytes.');
      const size = message.payload.readUInt32BE(0) & 0x7fffffff;
      if (size < 1 || size > maxChunkSize)
        throw new ChunkStreamError(`The peer set a chunk size of ${size} bytes; accepted are 1 to ${maxChunkSize}.`);
      this.#chunkSize = size;
      return;
    }
    if (message.typeId === messageType.abort) {
      if (message.payload.length < 4) throw new ChunkStreamError('An Abort message shorter than 4 bytes.');
      const state = this.#streams.get(message.payload.readUInt32BE(0));
      if (state) {
        this.#partialBytes -= state.received;
        state.parts = [];
        state.received = 0;
      }
      return;
    }
    out.push(message);
  }
}

/** Cuts our messages into chunks: a format-0 header, then format-3 continuations. */
export class ChunkStreamWriter {
  #chunkSize = defaultChunkSize;

  get chunkSize(): number {
    return this.#chunkSize;
  }

  /** Encodes a Set Chunk Size message and applies it to every message written after it. */
  setChunkSize(size: number): Buffer {
    if (!Number.isInteger(size) || size < 1 || size > maxChunkSize)
      throw new RangeError(`Chunk size ${size} is outside 1 to ${maxChunkSize}.`);
    const payload = Buffer.allocUnsafe(4);
    payload.writeUInt32BE(size, 0);
    const bytes = this.write({ typeId: messageType.setChunkSize, streamId: 0, timestamp: 0, payload }, 2);
    this.#chunkSize = size;
    return bytes;
  }

  write(message: RtmpMessage, chunkStreamId: number): Buffer {
    const extended = message.timestamp >= 0xffffff;
    const parts: Buffer[] = [];
    let sent = 0;
    do {
      const first = sent === 0;
      parts.push(basicHeader(first ? 0 : 3, chunkStreamId));
      if (first) {
        const header = Buffer.allocUnsafe(11);
        header.writeUIntBE(extended ? 0xffffff : message.timestamp, 0, 3);
        header.writeUIntBE(message.payload.length, 3, 3);
        header[6] = message.typeId;
        header.writeUInt32LE(message.streamId, 7);
        parts.push(header);
      }
      if (extended) {
        const time = Buffer.allocUnsafe(4);
        time.writeUInt32BE(message.timestamp >>> 0, 0);
        parts.push(time);
      }
      const size = Math.min(this.#chunkSize, message.payload.length - sent);
      parts.push(message.payload.subarray(sent, sent + size));
      sent += size;
    } while (sent < message.payload.length);
    return Buffer.concat(parts);
  }
}

function basicHeader(fmt: number, csid: number): Buffer {
  if (csid < 2 || csid > 65599) throw new RangeError(`Chunk stream id ${csid} is outside 2 to 65599.`);
  if (csid < 64) return Buffer.from([(fmt << 6) | csid]);
  if (csid < 320) return Buffer.from([fmt << 6, csid - 64]);
  return Buffer.from([(fmt << 6) | 1, (csid - 64) & 0xff, (csid - 64) >> 8]);
}
