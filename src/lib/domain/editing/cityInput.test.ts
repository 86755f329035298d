import { describe, expect, it } from 'vitest';
import { countryCodes, isCountryCode } from '../countries.js';
import { cityInputSchema, resolveCity } from './cityInput.js';

const edition = { defaultLocale: 'ko' };
const input = (overrides: Record<string, unknown> = {}) =>
  cityInputSchema.parse({
    name: { ko: '부산', en: 'Busan' },
    summary: {},
    country: 'KR',
    zone: 'Asia/Seoul',
    isIllustrative: false,
    ...overrides
  });

describe('a city as an organiser enters it', () => {
  it('takes a name, a country in any case and an IANA zone', () => {
    expect(resolveCity(input({ country: ' kr ' }), edition)).toEqual({
      ok: true,
      values: {
        name: { ko: '부산', en: 'Busan' },
        summary: {},
        country: 'KR',
        zone: 'Asia/Seoul',
        isIllustrative: false
      }
    });
  });

  it('leaves country and zone unknown when they are empty', () => {
    const resolved = resolveCity(input({ country: '', zone: ' ' }), edition);
    expect(resolved.ok && resolved.values).toMatchObject({ country: null, zone: null });
  });

  it.each(['ZZ', 'XK', 'EU', 'KOR', 'K', '12', 'Korea'])('refuses %s as a country', (country) => {
    expect(resolveCity(input({ country }), edition)).toEqual({
      ok: false,
      problems: [{ field: 'country', code: 'city.unknown_country' }]
    });
  });

  it.each(['Asia/Busan', 'KST', 'Mars/Olympus_Mons', 'Europe/Helsinki; drop table city'])(
    'refuses %s as a time zone',
    (zone) => {
      expect(resolveCity(input({ zone }), edition)).toEqual({
        ok: false,
        problems: [{ field: 'zone', code: 'city.unknown_zone' }]
      });
    }
  );

  it('needs a name in the edition’s main language', () => {
    expect(resolveCity(input({ name: { en: 'Busan' } }), edition)).toEqual({
      ok: false,
      problems: [{ field: 'name.ko', code: 'city.name_required' }]
    });
  });

  it('refuses oversized texts and wrong types at the schema', () => {
    expect(cityInputSchema.safeParse({ ...input(), name: { ko: '가'.repeat(201) } }).success).toBe(false);
    expect(cityInputSchema.safeParse({ ...input(), summary: { en: 'x'.repeat(2001) } }).success).toBe(false);
    expect(cityInputSchema.safeParse({ ...input(), zone: 'x'.repeat(65) }).success).toBe(false);
    expect(cityInputSchema.safeParse({ ...input(), isIllustrative: 'yes' }).success).toBe(false);
  });

  it('knows the 249 assigned country codes, each with a name in Korean and English', () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    for (const code of countryCodes) {
      expect(isCountryCode(code)).toBe(true);
      for (const locale of ['en', 'ko'])
        expect(new Intl.DisplayNames([locale], { type: 'region' }).of(code), code).not.toBe(code);
    }
  });
});
