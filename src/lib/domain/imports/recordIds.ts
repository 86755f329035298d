/**
 * Ids for imported records. Ids are primary keys shared by all editions and
 * appear in URLs, so they follow the URL rule (`src/params/slug.ts`: lower-case
 * letters, digits and dashes, at most 63 characters), carry a prefix that
 * keeps editions apart, and are derived only from the file, so importing the
 * same file twice gives the same ids.
 */
import { sha1, toHex } from '../exports/sha1.js';

/** The same rule as the URL matcher for edition, session and speaker ids. */
export const recordIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const maxIdLength = 63;
/** Prefixes stay short so the ids after them still fit. */
export const maxPrefixLength = 40;

/** `Opening keynote: Cities we share` → `opening-keynote-cities-we-share`; '' when nothing is left. */
export function slugify(text: string, maxLength = 48): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** The default prefix: the edition slug (cut to fit) and a dash. */
export function defaultIdPrefix(editionSlug: string): string {
  return `${editionSlug.slice(0, maxPrefixLength - 1).replace(/-+$/, '')}-`;
}

/**
 * `prefix + id`, shortened when too long by keeping the start and adding a
 * hash of the whole, so two long ids stay apart and stay the same next time.
 */
export function prefixedId(prefix: string, id: string): string {
  const full = `${prefix}${id}`;
  if (full.length <= maxIdLength) return full;
  const hash = toHex(sha1(full)).slice(0, 8);
  return `${full.slice(0, maxIdLength - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/**
 * Hands out unique ids within one kind of record: the slug of a name, or a
 * fallback when the name has no Latin letters (e.g. Korean), then `-2`,
 * `-3` … for repeats. Deterministic as long as names come in the same order.
 */
export function idAllocator(prefix: string): (name: string, fallback: string) => string {
  const used = new Set<string>();
  return (name, fallback) => {
    const room = maxIdLength - prefix.length - 6; // room for `-99999`
    const base = slugify(name, room) || slugify(fallback, room) || 'record';
    let id = `${prefix}${base}`;
    for (let n = 2; used.has(id); n++) id = `${prefix}${base}-${n}`;
    used.add(id);
    return id;
  };
}
