import { describe, expect, it } from 'vitest';
import {
  datesOutside,
  editionInputSchema,
  removedLocalesWithTexts,
  resolveEdition,
  translationsByLocale,
  type StoredEditionFacts
} from './editionInput.js';

const input = (overrides: Record<string, unknown> = {}) => ({
  slug: 'seoul-2021',
  title: { ko: '2021 포럼', en: '2021 Forum' },
  theme: {},
  summary: { en: '  ' },
  hostZone: 'Asia/Seoul',
  locales: ['ko', 'en'],
  defaultLocale: 'ko',
  startsOn: '2021-09-01',
  endsOn: '2021-09-02',
  ...overrides
});
const parse = (overrides: Record<string, unknown> = {}) => editionInputSchema.parse(input(overrides));
const stored = (overrides: Partial<StoredEditionFacts> = {}): StoredEditionFacts => ({
  slug: 'seoul-2021',
  isPublished: false,
  dayDates: ['2021-09-01', '2021-09-02'],
  translationsByLocale: { ko: 3, en: 2 },
  ...overrides
});
const codes = (result: ReturnType<typeof resolveEdition>) =>
  result.ok ? [] : result.problems.map((p) => p.code).sort();

describe('the edition input schema', () => {
  it('accepts a complete edition and drops blank texts', () => {
    expect(parse().summary).toEqual({});
  });

  it.each([
    ['slug', 'Seoul 2021'],
    ['slug', 'a'],
    ['slug', 'seoul--2021'],
    ['slug', 'x'.repeat(64)],
    ['title', { en: 'x'.repeat(201) }],
    ['summary', { en: 'x'.repeat(4001) }],
    ['locales', []],
    ['locales', ['english']],
    ['locales', Array.from({ length: 11 }, (_, i) => `l${String.fromCharCode(97 + i)}`)],
    ['startsOn', '2021-02-30'],
    ['endsOn', '1 Sept 2021'],
    ['hostZone', 42]
  ])('refuses %s = %j', (field, value) => {
    const result = editionInputSchema.safeParse(input({ [field]: value }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});

describe('the edition rules', () => {
  it('takes a good new edition as it is', () => {
    const result = resolveEdition(parse());
    expect(result.ok && result.values).toMatchObject({
      slug: 'seoul-2021',
      locales: ['ko', 'en'],
      defaultLocale: 'ko'
    });
  });

  it('refuses an unknown zone, a default language not offered, a missing title, an end before the start and a reserved slug', () => {
    expect(codes(resolveEdition(parse({ hostZone: 'Mars/Olympus_Mons' })))).toEqual(['edition.unknown_zone']);
    expect(codes(resolveEdition(parse({ defaultLocale: 'ja' })))).toEqual(['edition.default_locale_not_offered']);
    expect(codes(resolveEdition(parse({ title: { en: 'Only English' } })))).toEqual(['edition.title_required']);
    expect(codes(resolveEdition(parse({ endsOn: '2021-08-31' })))).toEqual(['edition.ends_before_start']);
    expect(codes(resolveEdition(parse({ slug: 'console' })))).toEqual(['edition.slug_reserved']);
  });

  it('keeps a published edition’s slug, and lets a draft change it', () => {
    expect(codes(resolveEdition(parse({ slug: 'seoul-2021b' }), stored({ isPublished: true })))).toEqual([
      'edition.slug_locked'
    ]);
    expect(resolveEdition(parse({ slug: 'seoul-2021b' }), stored()).ok).toBe(true);
  });

  it('refuses dates that leave days outside, naming them', () => {
    expect(codes(resolveEdition(parse({ endsOn: '2021-09-01' }), stored()))).toEqual(['edition.days_outside_dates']);
    expect(datesOutside(stored().dayDates, '2021-09-01', '2021-09-01')).toEqual(['2021-09-02']);
  });

  it('refuses to drop a language that still has texts, and drops one that has none', () => {
    expect(codes(resolveEdition(parse({ locales: ['ko'], title: { ko: '포럼' } }), stored()))).toEqual([
      'edition.locale_has_translations'
    ]);
    expect(removedLocalesWithTexts({ title: { ko: '포럼' }, theme: {}, summary: {} }, stored(), ['ko'])).toEqual([
      { locale: 'en', records: 2 }
    ]);
    const unused = stored({ translationsByLocale: { ko: 3, ja: 0 } });
    expect(resolveEdition(parse({ locales: ['ko'], title: { ko: '포럼' } }), unused).ok).toBe(true);
    expect(codes(resolveEdition(parse({ locales: ['ko'] })))).toEqual(['edition.locale_has_translations']);
  });

  it('counts the records with a text per language', () => {
    expect(translationsByLocale([[{ ko: '하루', en: '' }], [{ en: 'Talk' }, { en: 'About', ko: '소개' }]])).toEqual({
      ko: 2,
      en: 1
    });
  });
});
