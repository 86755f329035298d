/**
 * FLV, the container RTMP carries and ffmpeg reads and writes on a pipe: a
 * 9-byte file header, then tags (audio 8, video 9, script data 18), each
 * followed by the size of the tag before it (Adobe FLV spec v10.1, annex E).
 * The RTMP server writes tags from RTMP messages; the program feed reads the
 * encoder's FLV output back into tags so each outside destination can join
 * at a keyframe with the codec headers first.
 */
import { Transform, type TransformCallback } from 'node:stream';

export type FlvTagType = 'audio' | 'video' | 'script';

export interface FlvTag {
  readonly type: FlvTagType;
  /** Milliseconds, 32 bits (FLV's 24-bit timestamp plus its extension byte). */
  readonly timestamp: number;
  readonly data: Buffer;
}

const typeCodes: Record<FlvTagType, number> = { audio: 8, video: 9, script: 18 };
const typeOfCode = new Map<number, FlvTagType>([
  [8, 'audio'],
  [9, 'video'],
  [18, 'script']
]);

/** The header of a file with audio and video, and the zero "previous tag size" that follows it. */
export function flvHeader(hasAudio = true, hasVideo = true): Buffer {
  const header = Buffer.from([0x46, 0x4c, 0x56, 1, (hasAudio ? 4 : 0) | (hasVideo ? 1 : 0), 0, 0, 0, 9, 0, 0, 0, 0]);
  return header;
}

/** One tag with its trailing previous-tag-size field. */
export function encodeFlvTag(tag: FlvTag): Buffer {
  const size = tag.data.length;
  const out = Buffer.allocUnsafe(11 + size + 4);
  out[0] = typeCodes[tag.type];
  out.writeUIntBE(size, 1, 3);
  const timestamp = tag.timestamp >>> 0;
  out.writeUIntBE(timestamp & 0xffffff, 4, 3);
  out[7] = (timestamp >>> 24) & 0xff;
  out.writeUIntBE(0, 8, 3);
  tag.data.copy(out, 11);
  out.writeUInt32BE(11 + size, 11 + size);
  return out;
}

/** A video tag that starts a group of pictures (frame type 1), so a player can begin decoding there. */
export function isKeyframe(tag: FlvTag): boolean {
  return tag.type === 'video' && tag.data.length > 0 && tag.data[0]! >> 4 === 1;
}

/**
 * A codec configuration tag: the AVC decoder configuration record (video,
 * codec 7, packet type 0) or the AAC AudioSpecificConfig (audio, format 10,
 * packet type 0). A decoder needs these before any frame.
 */
export function isSequenceHeader(tag: FlvTag): boolean {
  if (tag.data.length < 2) return false;
  if (tag.type === 'video') return (tag.data[0]! & 0x0f) === 7 && tag.data[1] === 0;
  if (tag.type === 'audio') return tag.data[0]! >> 4 === 10 && tag.data[1] === 0;
  return false;
}

/** The video codec a video tag names: `h264` for AVC (7), otherwise the FLV codec id. */
export function videoCodecOf(tag: FlvTag): 'h264' | `flv-codec-${number}` | null {
  if (tag.type !== 'video' || tag.data.length === 0) return null;
  const codec = tag.data[0]! & 0x0f;
  return codec === 7 ? 'h264' : `flv-codec-${codec}`;
}

export class FlvFormatError extends Error {
  override readonly name = 'FlvFormatError';
}

/** Largest tag we accept: FLV's own limit is 16 MiB; a 4K keyframe is well under 4 MiB. */
const maxTagSize = 8 * 1024 * 1024;

/**
 * Bytes of an FLV stream in, `FlvTag` objects out (object mode). Refuses a
 * stream that is not FLV or whose tag claims more than 8 MiB, with an
 * `FlvFormatError`, rather than buffering without bound.
 */
export class FlvTagReader extends Transform {
  #pending: Buffer = Buffer.alloc(0);
  #headerRead = false;

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    try {
      this.#drain();
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  #drain(): void {
    let offset = 0;
    const bytes = this.#pending;
    if (!this.#headerRead) {
      if (bytes.length < 9) return;
      if (bytes[0] !== 0x46 || bytes[1] !== 0x4c || bytes[2] !== 0x56)
        throw new FlvFormatError('The stream is not FLV (no "FLV" signature).');
      const headerSize = bytes.readUInt32BE(5);
      if (headerSize < 9 || headerSize > 1024) throw new FlvFormatError(`The FLV header claims ${headerSize} bytes.`);
      if (bytes.length < headerSize + 4) return;
      offset = headerSize + 4;
      this.#headerRead = true;
    }
    while (bytes.length - offset >= 11) {
      const code = bytes[offset]! & 0x1f;
      const size = bytes.readUIntBE(offset + 1, 3);
      if (size > maxTagSize)
        throw new FlvFormatError(`An FLV tag claims ${size} bytes, more than the ${maxTagSize} accepted.`);
      if (bytes.length - offset < 11 + size + 4) break;
      const timestamp = (bytes.readUIntBE(offset + 4, 3) | (bytes[offset + 7]! << 24)) >>> 0;
      const type = typeOfCode.get(code);
      // Unknown tag types are skipped: the spec reserves them and players ignore them.
      if (type)
        this.push({
          type,
          timestamp,
          data: Buffer.from(bytes.subarray(offset + 11, offset + 11 + size))
        } satisfies FlvTag);
      offset += 11 + size + 4;
    }
    this.#pending = offset === 0 ? bytes : bytes.subarray(offset);
  }
}
