import { describe, expect, it } from 'vitest';
import { characterCount, normaliseQuestionText } from './questionText.js';

describe('normalising question text', () => {
  it('composes to NFC so the same words store the same', () => {
    const decomposed = '\u1100\u1161 cafe\u0301';
    expect(normaliseQuestionText(decomposed)).toBe('가 café');
  });

  it('collapses line breaks, tabs, control and bidi characters to one space and trims', () => {
    expect(normaliseQuestionText('  Why\r\n\n\tnot\u0000\u0007 now? \u202Eevil\u202C ')).toBe('Why not now? evil');
  });

  it('counts code points, so an emoji counts once', () => {
    expect(characterCount('👍🏽a')).toBe(3);
    expect(characterCount('한국어')).toBe(3);
  });
});
