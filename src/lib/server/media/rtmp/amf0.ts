/**
 * AMF0, the value encoding of RTMP commands (`connect`, `publish`, `onStatus`)
 * and of FLV script data (`onMetaData`), per Adobe's "Action Message Format
 * AMF 0" specification. The decoder reads untrusted bytes from the network, so
 * every length is checked against what is left, nesting is capped and a
 * malformed value is an `Amf0FormatError`, never a crash or an endless loop.
 */

export type Amf0Value = number | boolean | string | null | undefined | Date | Amf0Object | Amf0EcmaArray | Amf0Value[];
export interface Amf0Object {
  [key: string]: Amf0Value;
}

/**
 * An associative ("ECMA") array: on the wire it differs from an object only by
 * its marker and a count. `onMetaData` uses it; decoding gives it back as this
 * wrapper so a round trip keeps the marker.
 */
export class Amf0EcmaArray {
  constructor(readonly entries: Amf0Object) {}
}

export class Amf0FormatError extends Error {
  override readonly name = 'Amf0FormatError';
}

const marker = {
  number: 0x00,
  boolean: 0x01,
  string: 0x02,
  object: 0x03,
  null: 0x05,
  undefined: 0x06,
  reference: 0x07,
  ecmaArray: 0x08,
  objectEnd: 0x09,
  strictArray: 0x0a,
  date: 0x0b,
  longString: 0x0c
} as const;

/** Deep enough for any real command; a peer nesting further is not an encoder. */
const maxDepth = 32;

// ——— encoding ———

export function encodeAmf0(...values: Amf0Value[]): Buffer {
  const parts: Buffer[] = [];
  for (const value of values) writeValue(parts, value, 0);
  return Buffer.concat(parts);
}

function writeValue(parts: Buffer[], value: Amf0Value, depth: number): void {
  if (depth > maxDepth) throw new Amf0FormatError(`AMF0 values nest deeper than ${maxDepth} levels.`);
  if (value === null) return void parts.push(Buffer.from([marker.null]));
  if (value === undefined) return void parts.push(Buffer.from([marker.undefined]));
  if (typeof value === 'number') {
    const out = Buffer.allocUnsafe(9);
    out[0] = marker.number;
    out.writeDoubleBE(value, 1);
    return void parts.push(out);
  }
  if (typeof value === 'boolean') return void parts.push(Buffer.from([marker.boolean, value ? 1 : 0]));
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    if (bytes.length > 0xffff) {
      const head = Buffer.allocUnsafe(5);
      head[0] = marker.longString;
      head.writeUInt32BE(bytes.length, 1);
      return void parts.push(head, bytes);
    }
    parts.push(Buffer.from([marker.string]), shortString(bytes));
    return;
  }
  if (value instanceof Date) {
    const out = Buffer.alloc(11);
    out[0] = marker.date;
    out.writeDoubleBE(value.getTime(), 1);
    // Bytes 9–10: a time-zone field the specification says to write as 0.
    return void parts.push(out);
  }
  if (Array.isArray(value)) {
    const head = Buffer.allocUnsafe(5);
    head[0] = marker.strictArray;
    head.writeUInt32BE(value.length, 1);
    parts.push(head);
    for (const item of value) writeValue(parts, item, depth + 1);
    return;
  }
  if (value instanceof Amf0EcmaArray) {
    const head = Buffer.allocUnsafe(5);
    head[0] = marker.ecmaArray;
    head.writeUInt32BE(Object.keys(value.entries).length, 1);
    parts.push(head);
    writeProperties(parts, value.entries, depth);
    return;
  }
  parts.push(Buffer.from([marker.object]));
  writeProperties(parts, value, depth);
}

function writeProperties(parts: Buffer[], object: Amf0Object, depth: number): void {
  for (const [key, item] of Object.entries(object)) {
    parts.push(shortString(Buffer.from(key, 'utf8')));
    writeValue(parts, item, depth + 1);
  }
  parts.push(Buffer.from([0, 0, marker.objectEnd]));
}

function shortString(bytes: Buffer): Buffer {
  if (bytes.length > 0xffff) throw new Amf0FormatError('An AMF0 property name is longer than 65,535 bytes.');
  const out = Buffer.allocUnsafe(2 + bytes.length);
  out.writeUInt16BE(bytes.length, 0);
  bytes.copy(out, 2);
  return out;
}

// ——— decoding ———

/** Reads AMF0 values one after another from a buffer; `offset` is where the next one starts. */
export class Amf0Reader {
  offset = 0;

  constructor(private readonly bytes: Buffer) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  read(): Amf0Value {
    return this.#value(0);
  }

  #need(count: number): void {
    if (this.bytes.length - this.offset < count) {
      throw new Amf0FormatError(
        `AMF0 value cut short: ${count} more bytes needed at offset ${this.offset}, ${this.bytes.length - this.offset} left.`
      );
    }
  }

  #byte(): number {
    this.#need(1);
    return this.bytes[this.offset++]!;
  }

  #uint16(): number {
    this.#need(2);
    const value = this.bytes.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  #uint32(): number {
    this.#need(4);
    const value = this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  #double(): number {
    this.#need(8);
    const value = this.bytes.readDoubleBE(this.offset);
    this.offset += 8;
    return value;
  }

  #utf8(length: number): string {
    this.#need(length);
    const value = this.bytes.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  #value(depth: number): Amf0Value {
    if (depth > maxDepth) throw new Amf0FormatError(`AMF0 values nest deeper than ${maxDepth} levels.`);
    const type = this.#byte();
    switch (type) {
      case marker.number:
        return this.#double();
      case marker.boolean:
        return this.#byte() !== 0;
      case marker.string:
        return this.#utf8(this.#uint16());
      case marker.longString:
        return this.#utf8(this.#uint32());
      case marker.null:
        return null;
      case marker.undefined:
        return undefined;
      case marker.object:
        return this.#properties(depth);
      case marker.ecmaArray:
        // The count is only a hint (encoders get it wrong); the end marker is authoritative.
        this.#uint32();
        return new Amf0EcmaArray(this.#properties(depth));
      case marker.strictArray: {
        const count = this.#uint32();
        // Every item takes at least one byte: a count beyond what is left is a lie, refused before looping.
        if (count > this.bytes.length - this.offset)
          throw new Amf0FormatError(
            `An AMF0 strict array claims ${count} items with ${this.bytes.length - this.offset} bytes left.`
          );
        const items: Amf0Value[] = [];
        for (let i = 0; i < count; i++) items.push(this.#value(depth + 1));
        return items;
      }
      case marker.date: {
        const time = this.#double();
        this.#uint16();
        return new Date(time);
      }
      case marker.objectEnd:
        throw new Amf0FormatError(
          `An AMF0 object end marker where a value was expected, at offset ${this.offset - 1}.`
        );
      default:
        throw new Amf0FormatError(
          `Unsupported AMF0 type marker 0x${type.toString(16).padStart(2, '0')} at offset ${this.offset - 1}.`
        );
    }
  }

  #properties(depth: number): Amf0Object {
    // Null prototype: a key named "__proto__" from the network stays a plain key.
    const object = Object.create(null) as Amf0Object;
    for (;;) {
      const key = this.#utf8(this.#uint16());
      if (key === '') {
        // Each pass consumes at least two bytes, so this loop ends with the input.
        if (this.bytes[this.offset] === marker.objectEnd) {
          this.offset += 1;
          return object;
        }
        this.#need(1);
      }
      object[key] = this.#value(depth + 1);
    }
  }
}

/** Every value in `bytes`, in order. */
export function decodeAmf0(bytes: Buffer): Amf0Value[] {
  const reader = new Amf0Reader(bytes);
  const values: Amf0Value[] = [];
  while (!reader.done) values.push(reader.read());
  return values;
}
