/**
 * Name-based UUIDs (RFC 9562 version 5) and small stable integer ids, so an
 * exported session keeps the same identity in every export and on every
 * server: conference apps key favourites and reminders on them.
 */
import { sha1, toHex } from './sha1.js';

/** RFC 9562 namespace for URLs; our names are `urn:madang:…` URIs. */
export const urlNamespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version 5 UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = urlNamespace): string {
  if (!uuidPattern.test(namespace)) throw new RangeError(`not a UUID: ${namespace}`);
  const namespaceBytes = hexToBytes(namespace.replaceAll('-', ''));
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(namespaceBytes.length + nameBytes.length);
  input.set(namespaceBytes);
  input.set(nameBytes, namespaceBytes.length);
  const bytes = sha1(input).slice(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A positive 31-bit integer for each key, derived from its hash rather than
 * its position so adding a session does not renumber the others. A collision
 * (rare) moves the later key, in sorted order, to the next free number.
 */
export function stableIntegerIds(keys: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  const taken = new Set<number>();
  for (const key of [...new Set(keys)].sort()) {
    let id = Number.parseInt(toHex(sha1(key).slice(0, 4)), 16) & 0x7fffffff || 1;
    while (taken.has(id)) id = id >= 0x7fffffff ? 1 : id + 1;
    taken.add(id);
    ids.set(key, id);
  }
  return ids;
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
