import { describe, expect, it } from 'vitest';
import { resolvePoll } from './pollInput.js';

const input = (overrides: Record<string, unknown> = {}) => ({
  question: { ko: '어느 도시?', en: 'Which city?' },
  options: [
    { ko: '서울', en: 'Seoul' },
    { ko: '헬싱키', en: 'Helsinki' },
    { ko: '', en: '' }
  ],
  kind: 'single',
  maxChoices: '',
  ...overrides
});
const codes = (raw: unknown) => {
  const resolved = resolvePoll(raw, 'ko');
  return resolved.ok ? [] : resolved.problems;
};

describe('a poll as a moderator enters it', () => {
  it('keeps the filled options, trimmed, and drops blank slots', () => {
    const resolved = resolvePoll(
      input({ options: [{ ko: ' 서울 ' }, { ko: '', en: '' }, { ko: '부산', en: 'Busan' }] }),
      'ko'
    );
    expect(resolved).toEqual({
      ok: true,
      values: {
        question: { ko: '어느 도시?', en: 'Which city?' },
        kind: 'single',
        maxChoices: null,
        options: [{ ko: '서울' }, { ko: '부산', en: 'Busan' }]
      }
    });
  });

  it('needs the question and every option in the edition’s main language', () => {
    expect(codes(input({ question: { en: 'Which city?' } }))).toEqual([
      { field: 'question.ko', code: 'poll.question_required' }
    ]);
    expect(codes(input({ options: [{ ko: '서울' }, { en: 'Helsinki' }] }))).toEqual([
      { field: 'options.1.ko', code: 'poll.option_required' }
    ]);
  });

  it('needs 2 to 10 options', () => {
    expect(codes(input({ options: [{ ko: '서울' }, {}] }))).toEqual([
      { field: 'options', code: 'poll.too_few_options' }
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ ko: `선택 ${i + 1}` }));
    expect(codes(input({ options: eleven }))).toEqual([{ field: 'options', code: 'poll.too_many_options' }]);
    expect(resolvePoll(input({ options: eleven.slice(0, 10) }), 'ko').ok).toBe(true);
  });

  it('takes a most-choices number only for multiple choice, from 2 to the number of options', () => {
    const three = [{ ko: '가' }, { ko: '나' }, { ko: '다' }];
    expect(resolvePoll(input({ kind: 'multiple', options: three, maxChoices: '2' }), 'ko')).toMatchObject({
      ok: true,
      values: { maxChoices: 2 }
    });
    expect(resolvePoll(input({ kind: 'multiple', options: three, maxChoices: '' }), 'ko')).toMatchObject({
      ok: true,
      values: { maxChoices: null }
    });
    expect(resolvePoll(input({ kind: 'single', options: three, maxChoices: '2' }), 'ko')).toMatchObject({
      ok: true,
      values: { maxChoices: null }
    });
    expect(codes(input({ kind: 'multiple', options: three, maxChoices: '1' }))).toEqual([
      { field: 'maxChoices', code: 'poll.max_choices_invalid' }
    ]);
    expect(codes(input({ kind: 'multiple', options: three, maxChoices: '4' }))).toEqual([
      { field: 'maxChoices', code: 'poll.max_choices_invalid' }
    ]);
  });

  it('refuses fields of the wrong shape or length, naming them', () => {
    expect(codes(input({ kind: 'ranked' }))).toEqual([{ field: 'kind', code: 'poll.invalid_field' }]);
    expect(codes(input({ maxChoices: 'two' }))).toEqual([{ field: 'maxChoices', code: 'poll.invalid_field' }]);
    expect(codes(input({ question: { ko: 'x'.repeat(301) } }))).toEqual([
      { field: 'question.ko', code: 'poll.invalid_field' }
    ]);
    expect(codes(input({ options: [{ ko: 'x'.repeat(201) }, { ko: '나' }] }))).toEqual([
      { field: 'options.0.ko', code: 'poll.invalid_field' }
    ]);
    expect(codes({})).not.toEqual([]);
    expect(codes(null)).toEqual([{ field: '', code: 'poll.invalid_field' }]);
  });
});
