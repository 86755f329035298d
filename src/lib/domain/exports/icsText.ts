/**
 * The low-level text rules of iCalendar (RFC 5545 §3.1 and §3.3): TEXT
 * escaping, UTC date-times, and folding content lines at 75 octets without
 * ever cutting a UTF-8 character in two.
 */

const maxLineOctets = 75;
const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, `;`, `,` and every kind of line break (§3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** `YYYYMMDDTHHMMSSZ`, the UTC form of DATE-TIME (§3.3.5, form #2). */
export function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Splits a content line into physical lines of at most 75 octets, each
 * continuation starting with one space (§3.1). Splitting happens between code
 * points, so multibyte text (Korean: 3 octets a syllable) survives intact.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= maxLineOctets) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines lose one octet to their leading space.
    const limit = lines.length === 0 ? maxLineOctets : maxLineOctets - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}
