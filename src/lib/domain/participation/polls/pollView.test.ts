import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../../localizedText.js';
import { shownResults, shownText } from './pollView.js';

describe('a poll as the pages show it', () => {
  it('picks the reader’s language, and marks a text shown in another one', () => {
    expect(shownText({ ko: '서울', en: 'Seoul' }, 'en', 'ko')).toEqual({ text: 'Seoul' });
    expect(shownText({ ko: '서울' }, 'en', 'ko')).toEqual({ text: '서울', lang: 'ko' });
    expect(shownText({}, 'en', 'ko')).toEqual({ text: '' });
  });

  it('puts each option’s result beside its label, in the poll’s order', () => {
    const options: { id: string; label: LocalizedText }[] = [
      { id: 'opt-1', label: { en: 'Yes' } },
      { id: 'opt-2', label: { ko: '아니요' } }
    ];
    const poll = { kind: 'single' as const, options };
    const shown = shownResults(
      poll,
      {
        ballots: 4,
        options: [
          { id: 'opt-2', count: 1, percent: 25 },
          { id: 'opt-1', count: 3, percent: 75 }
        ]
      },
      'en',
      'ko'
    );
    expect(shown).toEqual({
      kind: 'single',
      ballots: 4,
      rows: [
        { id: 'opt-1', label: { text: 'Yes' }, count: 3, percent: 75 },
        { id: 'opt-2', label: { text: '아니요', lang: 'ko' }, count: 1, percent: 25 }
      ]
    });
  });
});
