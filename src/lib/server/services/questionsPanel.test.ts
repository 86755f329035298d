import { describe, expect, it } from 'vitest';
import { questionSortOf } from './questionsPanel.js';

const at = (url: string, referer?: string) => ({
  url: new URL(url),
  request: new Request(url, { headers: referer ? { referer } : {} })
});

describe('the order of the questions panel', () => {
  it('comes from the page address, by votes unless it says time', () => {
    expect(questionSortOf(at('https://forum.example/seoul-2020/sessions/s?questions=time'))).toBe('time');
    expect(questionSortOf(at('https://forum.example/seoul-2020/sessions/s?questions=votes'))).toBe('votes');
    expect(questionSortOf(at('https://forum.example/seoul-2020/sessions/s'))).toBe('votes');
  });

  it('for a fragment fetched by the live script, comes from the page it was fetched from (same origin only)', () => {
    const fragment = 'https://forum.example/seoul-2020/sessions/s/panels/questions';
    expect(
      questionSortOf(at(fragment, 'https://forum.example/seoul-2020/sessions/s?questions=time#panel-questions'))
    ).toBe('time');
    expect(questionSortOf(at(fragment, 'https://elsewhere.example/?questions=time'))).toBe('votes');
    expect(questionSortOf(at(fragment, 'not a url'))).toBe('votes');
    expect(
      questionSortOf(at(`${fragment}?questions=votes`, 'https://forum.example/seoul-2020/sessions/s?questions=time'))
    ).toBe('votes');
  });
});
