import { describe, expect, it } from 'vitest';
import { readEditionImportInput } from './editionImportInput.js';

describe('the import form fields', () => {
  it('takes a slug and leaves blank zone and language to the file', () => {
    expect(readEditionImportInput({ slug: ' seoul-2021 ', zone: '', defaultLocale: '  ' })).toEqual({
      ok: true,
      values: { slug: 'seoul-2021', zone: null, defaultLocale: null }
    });
    expect(readEditionImportInput({ slug: 'kiez-2024', zone: 'Europe/Berlin', defaultLocale: 'de' })).toEqual({
      ok: true,
      values: { slug: 'kiez-2024', zone: 'Europe/Berlin', defaultLocale: 'de' }
    });
  });

  it.each([['Seoul 2021'], [''], ['-leading'], ['trailing-'], ['console'], ['accessibility'], ['a'.repeat(40)], [42]])(
    'refuses the slug %s',
    (slug) => {
      expect(readEditionImportInput({ slug, zone: '', defaultLocale: '' })).toEqual({
        ok: false,
        problems: [{ field: 'slug', code: 'import.slug_invalid' }]
      });
    }
  );

  it('refuses an unknown zone, a malformed language and values that are not text', () => {
    expect(readEditionImportInput({ slug: 'ok', zone: 'Mars/Olympus', defaultLocale: 'english please' })).toEqual({
      ok: false,
      problems: [
        { field: 'zone', code: 'import.unknown_zone' },
        { field: 'defaultLocale', code: 'import.locale_invalid' }
      ]
    });
    expect(readEditionImportInput({ slug: 'ok', zone: ['Asia/Seoul'], defaultLocale: {} })).toMatchObject({
      ok: false
    });
  });
});
