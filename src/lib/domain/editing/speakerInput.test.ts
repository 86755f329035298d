import { describe, expect, it } from 'vitest';
import { canonicalLanguageTag, resolveSpeaker, speakerInputSchema, splitLanguageTags } from './speakerInput.js';

const facts = { defaultLocale: 'ko', cityIds: ['city-seoul', 'city-the-hague'] };

function input(overrides: Record<string, unknown> = {}) {
  return speakerInputSchema.parse({
    name: { ko: '김지영', en: 'Kim Ji-young' },
    jobTitle: { en: 'Researcher' },
    organisation: {},
    bio: { ko: '  ' },
    cityId: 'city-seoul',
    languages: ['ko', 'EN-gb'],
    presence: 'on_site',
    isIllustrative: false,
    ...overrides
  });
}

describe('a speaker as an organiser enters them', () => {
  it('keeps the texts, drops blank translations and canonicalises language tags', () => {
    const resolved = resolveSpeaker(input({ languages: ['ko', 'EN-gb', 'ko'] }), facts);
    expect(resolved).toEqual({
      ok: true,
      values: expect.objectContaining({
        name: { ko: '김지영', en: 'Kim Ji-young' },
        bio: {},
        languages: ['ko', 'en-GB'],
        cityId: 'city-seoul'
      })
    });
  });

  it('needs a name in the edition’s main language', () => {
    expect(resolveSpeaker(input({ name: { en: 'Kim' } }), facts)).toEqual({
      ok: false,
      problems: [{ field: 'name.ko', code: 'speaker.name_required' }]
    });
  });

  it('refuses a city of another edition, and takes none', () => {
    expect(resolveSpeaker(input({ cityId: 'city-paris' }), facts)).toMatchObject({
      ok: false,
      problems: [{ field: 'cityId', code: 'speaker.unknown_city' }]
    });
    expect(resolveSpeaker(input({ cityId: null }), facts).ok).toBe(true);
  });

  it('refuses what is not a language tag', () => {
    for (const tag of ['english', 'k', 'ko_KR', 'x-klingon', '<b>', 'en--GB']) {
      expect(resolveSpeaker(input({ languages: [tag] }), facts), tag).toMatchObject({
        ok: false,
        problems: [{ field: 'languages', code: 'speaker.invalid_language' }]
      });
    }
  });

  it('refuses oversized texts and lists at the schema', () => {
    expect(speakerInputSchema.safeParse({ ...input(), name: { ko: 'a'.repeat(201) } }).success).toBe(false);
    expect(
      speakerInputSchema.safeParse({ ...input(), languages: Array.from({ length: 21 }, () => 'ko') }).success
    ).toBe(false);
    expect(speakerInputSchema.safeParse({ ...input(), presence: 'hologram' }).success).toBe(false);
  });

  it('reads typed tags separated by commas or spaces', () => {
    expect(splitLanguageTags(' ko, en-GB  fr;de ')).toEqual(['ko', 'en-GB', 'fr', 'de']);
    expect(canonicalLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW');
  });
});
