import { describe, expect, it } from 'vitest';
import { Amf0EcmaArray, Amf0FormatError, Amf0Reader, decodeAmf0, encodeAmf0, type Amf0Value } from './amf0.js';

describe('AMF0', () => {
  it('round-trips every value an RTMP command or onMetaData carries', () => {
    const values: Amf0Value[] = [
      'connect',
      1,
      -0.5,
      true,
      false,
      null,
      undefined,
      { app: 'live', flashVer: 'FMLE/3.0 (compatible; Lavf60.16.100)', nested: { level: 'status', n: 3 } },
      new Amf0EcmaArray({ width: 320, height: 180, encoder: 'Lavf' }),
      [1, 'two', null, [true]],
      new Date(Date.UTC(2026, 11, 6)),
      'x'.repeat(70_000)
    ];
    expect(decodeAmf0(encodeAmf0(...values))).toEqual(values);
  });

  it('writes the markers and layout of the specification', () => {
    expect([...encodeAmf0('ab')]).toEqual([0x02, 0, 2, 0x61, 0x62]);
    expect([...encodeAmf0(null, undefined, true)]).toEqual([0x05, 0x06, 0x01, 1]);
    expect([...encodeAmf0({ a: null })]).toEqual([0x03, 0, 1, 0x61, 0x05, 0, 0, 0x09]);
    expect([...encodeAmf0(new Amf0EcmaArray({ a: null }))]).toEqual([0x08, 0, 0, 0, 1, 0, 1, 0x61, 0x05, 0, 0, 0x09]);
    expect([...encodeAmf0([false])]).toEqual([0x0a, 0, 0, 0, 1, 0x01, 0]);
    expect(encodeAmf0(1).toString('hex')).toBe('003ff0000000000000');
  });

  it('trusts the object end marker over a wrong ECMA array count', () => {
    const bytes = Buffer.from([0x08, 0, 0, 0, 99, 0, 1, 0x61, 0x05, 0, 0, 0x09]);
    expect(decodeAmf0(bytes)).toEqual([new Amf0EcmaArray({ a: null })]);
  });

  it('reads values one at a time, leaving the offset after each', () => {
    const bytes = Buffer.concat([encodeAmf0('@setDataFrame'), encodeAmf0('onMetaData')]);
    const reader = new Amf0Reader(bytes);
    expect(reader.read()).toBe('@setDataFrame');
    expect(reader.offset).toBe(16);
    expect(reader.read()).toBe('onMetaData');
    expect(reader.done).toBe(true);
  });

  it('keeps a "__proto__" key from the network as a plain key', () => {
    const bytes = Buffer.from([
      0x03,
      0,
      9,
      ...Buffer.from('__proto__'),
      0x00,
      ...encodeAmf0(1).subarray(1),
      0,
      0,
      0x09
    ]);
    const [object] = decodeAmf0(bytes) as [Record<string, unknown>];
    expect(Object.keys(object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a truncated number', Buffer.from([0x00, 1, 2])],
    ['a string longer than the input', Buffer.from([0x02, 0xff, 0xff, 0x61])],
    ['an object without its end marker', Buffer.from([0x03, 0, 1, 0x61, 0x05])],
    ['an unknown marker', Buffer.from([0x42])],
    ['a reference (AMF0 references are not used by encoders)', Buffer.from([0x07, 0, 1])],
    ['a stray object end', Buffer.from([0x09])],
    ['a strict array claiming four billion items', Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x05])],
    ['a long string claiming 4 GiB', Buffer.from([0x0c, 0xff, 0xff, 0xff, 0xff])],
    [
      'nesting deeper than 32 levels',
      Buffer.concat([Buffer.alloc(40 * 5, Buffer.from([0x0a, 0, 0, 0, 1])), Buffer.from([0x05])])
    ]
  ])('refuses %s with an Amf0FormatError', (_name, bytes) => {
    expect(() => decodeAmf0(bytes)).toThrow(Amf0FormatError);
  });

  it('survives random bytes: every input either decodes or is refused, quickly', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
    const started = Date.now();
    for (let round = 0; round < 2000; round++) {
      const bytes = Buffer.from(Array.from({ length: 1 + (round % 64) }, random));
      try {
        decodeAmf0(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(Amf0FormatError);
      }
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
