import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './locale.js';

describe('Accept-Language', () => {
  it('picks the highest-ranked supported language', () => {
    expect(localeFromAcceptLanguage('ko-KR,ko;q=0.9,en-US;q=0.8')).toBe('ko');
    expect(localeFromAcceptLanguage('fr-FR, en;q=0.5, ko;q=0.4')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0.2, ko;q=0.9')).toBe('ko');
  });
  it('gives null for nothing usable, never throws', () => {
    expect(localeFromAcceptLanguage('fr, de')).toBeNull();
    expect(localeFromAcceptLanguage('')).toBeNull();
    expect(localeFromAcceptLanguage(';;;q=abc,,')).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});
