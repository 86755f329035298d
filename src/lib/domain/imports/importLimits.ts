/**
 * How much one import may contain, and the first check of an untrusted
 * value: a walk that stops as soon as the value is too big, too deep or not
 * plain JSON, before any schema looks at it. The limits are far above a real
 * forum (a large pretalx conference has ~400 events and a 3 MB file) and far
 * below what would hold a server up.
 */
import { formatCount, formatPath, importError, type ImportError } from './importResult.js';

export const importLimits = {
  /** Characters of JSON text, and of all strings (keys included) in a parsed value. */
  maxChars: 25_000_000,
  /** Objects, arrays and values in the whole file. */
  maxNodes: 1_000_000,
  /** Nesting; the deepest thing either format needs is about 10. */
  maxDepth: 32,
  maxDays: 366,
  maxRooms: 500,
  maxEvents: 5_000,
  maxPersonsPerEvent: 200,
  maxSpeakers: 5_000,
  maxItems: 20_000,
  maxCities: 1_000,
  maxChannels: 200,
  /** Translations of one text, and languages of an edition or a speaker. */
  maxLocales: 30,
  /** Names, titles, room names. */
  maxShortText: 1_000,
  /** Abstracts, descriptions, summaries, biographies. */
  maxLongText: 50_000
} as const;

/**
 * Null when `value` is plain JSON data within the size limits; otherwise the
 * one error that stopped the walk. Iterative, so a deep value cannot
 * overflow the stack, and cycles end at the node limit.
 */
export function checkJsonBounds(value: unknown): ImportError | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  let nodes = 0;
  let chars = 0;
  const tooLarge = () =>
    importError(
      'import.too_large',
      '',
      `The file is too large to import: Madang takes at most ${formatCount(importLimits.maxChars)} characters ` +
        `and ${formatCount(importLimits.maxNodes)} values in one schedule. Split the programme or remove long texts.`
    );
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (++nodes > importLimits.maxNodes) return tooLarge();
    if (path.length > importLimits.maxDepth) {
      return importError(
        'import.too_large',
        formatPath(path),
        `The file nests data ${importLimits.maxDepth} levels deep at ${formatPath(path)}; a schedule never does. It is not a schedule export.`
      );
    }
    // An absent property, as JSON.stringify treats it; only in objects, see below.
    if (current === undefined && typeof path[path.length - 1] === 'string') continue;
    if (typeof current === 'string') {
      chars += current.length;
      if (chars > importLimits.maxChars) return tooLarge();
      continue;
    }
    if (current === null || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return notJson(path);
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i] });
      continue;
    }
    if (typeof current !== 'object') return notJson(path);
    const proto: unknown = Object.getPrototypeOf(current);
    if (proto !== Object.prototype && proto !== null) return notJson(path);
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      // JSON.parse makes `__proto__` an own key; schema libraries drop it
      // silently, so whatever was under it would vanish without a word.
      if (key === '__proto__') {
        return importError(
          'import.not_frab',
          formatPath([...path, key]),
          `The file has a property named "__proto__" at ${formatPath(path) || 'its top level'}, which Madang refuses to read. Rename or remove it.`
        );
      }
      chars += key.length;
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
    if (chars > importLimits.maxChars) return tooLarge();
  }
  return null;
}

function notJson(path: readonly PropertyKey[]): ImportError {
  return importError(
    'import.not_json',
    formatPath(path),
    `The value at ${formatPath(path) || 'the top level'} is not JSON data (text, number, true/false, null, list or object).`
  );
}
