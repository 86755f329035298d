import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1, toHex } from './sha1.js';
import { stableIntegerIds, uuidV5 } from './uuidV5.js';

describe('sha1', () => {
  it('matches the FIPS 180 test vectors', () => {
    expect(toHex(sha1(''))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(toHex(sha1('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(toHex(sha1('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1'
    );
  });

  it('agrees with node:crypto on UTF-8 text of every padding length', () => {
    for (let length = 0; length < 140; length++) {
      const text = '서울 Helsinki 🎤'.repeat(10).slice(0, length);
      const expected = createHash('sha1').update(text, 'utf8').digest('hex');
      expect(toHex(sha1(text)), `length ${length}`).toBe(expected);
    }
  });
});

describe('uuidV5', () => {
  it('matches the RFC namespace examples', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    const dnsNamespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5('python.org', dnsNamespace)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, 'https://www.python.org/')
    expect(uuidV5('https://www.python.org/')).toBe('5406f80d-92e9-51cd-a176-77445955e733');
  });

  it('is a version 5, RFC variant UUID that depends only on the name', () => {
    const id = uuidV5('urn:madang:seoul-2020:session:keynote');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5('urn:madang:seoul-2020:session:keynote')).toBe(id);
    expect(uuidV5('urn:madang:seoul-2021:session:keynote')).not.toBe(id);
  });
});

describe('stableIntegerIds', () => {
  it('gives each key a positive id that does not depend on the other keys', () => {
    const few = stableIntegerIds(['a', 'b']);
    const many = stableIntegerIds(['z', 'b', 'y', 'a']);
    expect(many.get('a')).toBe(few.get('a'));
    expect(many.get('b')).toBe(few.get('b'));
    for (const id of many.values()) {
      expect(Number.isInteger(id) && id >= 1 && id <= 0x7fffffff).toBe(true);
    }
  });

  it('keeps ids unique across many keys', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `seoul-2020/session-${i}`);
    expect(new Set(stableIntegerIds(keys).values()).size).toBe(keys.length);
  });
});
