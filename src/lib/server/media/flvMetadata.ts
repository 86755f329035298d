/**
 * The numbers an encoder announces in its FLV onMetaData script tag (width,
 * height, framerate…), read from AMF0 (Adobe AMF0 spec, 2.1–2.12). The stage
 * encoder uses the size to decide whether a source's H.264 can be copied as
 * the 720p rendition or must be scaled down. Only numbers are kept; anything
 * malformed yields what was read so far, never an exception.
 */
import type { FlvTag } from './flv.js';

export type FlvMetadata = Readonly<Record<string, number>>;

/** The numeric fields of an onMetaData tag (with or without RTMP's `@setDataFrame` before it); null for any other tag. */
export function readFlvMetadata(tag: FlvTag): FlvMetadata | null {
  if (tag.type !== 'script') return null;
  const reader = new Amf0Reader(tag.data);
  let named = false;
  while (reader.hasMore()) {
    const value = reader.value();
    if (value === undefined) return null;
    if (value === 'onMetaData') named = true;
    else if (named && typeof value === 'object' && value !== null) return value;
  }
  return null;
}

/** The source's picture size, when its metadata says. */
export function videoSizeOf(metadata: FlvMetadata | null): { width: number; height: number } | null {
  const width = metadata?.width;
  const height = metadata?.height;
  return width && height && width > 0 && height > 0 ? { width, height } : null;
}

/** Whether the source announces audio (onMetaData's `audiocodecid`, `audiosamplerate`, …). */
export function announcesAudio(metadata: FlvMetadata | null): boolean {
  return (
    metadata !== null &&
    ['audiocodecid', 'audiosamplerate', 'audiodatarate', 'audiosamplesize'].some((field) => field in metadata)
  );
}

type Amf0Value = number | boolean | string | null | Record<string, number>;

class Amf0Reader {
  #offset = 0;
  constructor(private readonly bytes: Buffer) {}

  hasMore(): boolean {
    return this.#offset < this.bytes.length;
  }

  /** One value; `undefined` when the bytes end early or hold a type this reader does not know. */
  value(): Amf0Value | undefined {
    if (!this.#has(1)) return undefined;
    const marker = this.bytes[this.#offset++]!;
    switch (marker) {
      case 0:
        return this.#has(8) ? this.#advance(8, (at) => this.bytes.readDoubleBE(at)) : undefined;
      case 1:
        return this.#has(1) ? this.#advance(1, (at) => this.bytes[at] !== 0) : undefined;
      case 2:
        return this.#string();
      case 3:
        return this.#properties();
      case 5:
      case 6:
        return null;
      case 8:
        if (!this.#has(4)) return undefined;
        this.#offset += 4; // The announced count is advisory; the end marker is what counts.
        return this.#properties();
      case 10: {
        if (!this.#has(4)) return undefined;
        const count = this.bytes.readUInt32BE(this.#offset);
        this.#offset += 4;
        for (let i = 0; i < count; i++) if (this.value() === undefined) return undefined;
        return null;
      }
      case 11:
        return this.#has(10) ? this.#advance(10, () => null) : undefined;
      case 12: {
        if (!this.#has(4)) return undefined;
        const length = this.bytes.readUInt32BE(this.#offset);
        this.#offset += 4;
        return this.#has(length)
          ? this.#advance(length, (at) => this.bytes.toString('utf8', at, at + length))
          : undefined;
      }
      default:
        return undefined;
    }
  }

  #properties(): Record<string, number> | undefined {
    const result: Record<string, number> = {};
    for (;;) {
      const key = this.#string();
      if (key === undefined) return undefined;
      if (key === '' && this.#has(1) && this.bytes[this.#offset] === 9) {
        this.#offset += 1;
        return result;
      }
      const value = this.value();
      if (value === undefined) return undefined;
      if (typeof value === 'number') result[key] = value;
    }
  }

  #string(): string | undefined {
    if (!this.#has(2)) return undefined;
    const length = this.bytes.readUInt16BE(this.#offset);
    this.#offset += 2;
    if (!this.#has(length)) return undefined;
    return this.#advance(length, (at) => this.bytes.toString('utf8', at, at + length));
  }

  #has(count: number): boolean {
    return this.#offset + count <= this.bytes.length;
  }

  #advance<T>(count: number, read: (at: number) => T): T {
    const value = read(this.#offset);
    this.#offset += count;
    return value;
  }
}
