import { describe, expect, it } from 'vitest';
import { defaultIdPrefix, idAllocator, prefixedId, recordIdPattern, slugify } from './recordIds.js';

describe('ids for imported records', () => {
  it('turns names into URL-safe slugs', () => {
    expect(slugify('Eröffnung: Die Stadt für alle!')).toBe('eroffnung-die-stadt-fur-alle');
    expect(slugify('기조연설')).toBe('');
    expect(slugify('a'.repeat(100))).toHaveLength(48);
  });

  it('numbers repeats and falls back for names without Latin letters', () => {
    const next = idAllocator('kiez-2024-');
    expect([next('Break', 's'), next('Break', 's'), next('기조연설', 'session'), next('', 'session')]).toEqual([
      'kiez-2024-break',
      'kiez-2024-break-2',
      'kiez-2024-session',
      'kiez-2024-session-2'
    ]);
  });

  it('keeps every id within the URL rule, however long the prefix and name', () => {
    const prefix = defaultIdPrefix('a-very-long-edition-slug-that-goes-on-and-on-and-on');
    expect(prefix.length).toBeLessThanOrEqual(40);
    const next = idAllocator(prefix);
    for (let i = 0; i < 5; i++) expect(next('x'.repeat(200), 'y')).toMatch(recordIdPattern);
    const long = prefixedId(prefix, 'b'.repeat(63));
    expect(long).toMatch(recordIdPattern);
    expect(long).not.toBe(prefixedId(prefix, `${'b'.repeat(62)}c`));
    expect(prefixedId('', 'kept')).toBe('kept');
  });
});
