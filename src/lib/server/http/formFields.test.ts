import { describe, expect, it } from 'vitest';
import { field, posted, postedFlag, postedList, postedTexts, readId, readVersion } from './formFields.js';

function formOf(entries: [string, string | Blob][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const file = new Blob(['x'], { type: 'text/plain' });

describe('field readers', () => {
  it('reads text, and nothing for an absent field or a file', () => {
    const form = formOf([
      ['title', 'Opening'],
      ['photo', file]
    ]);
    expect(field(form, 'title')).toBe('Opening');
    expect(field(form, 'missing')).toBe('');
    expect(field(form, 'photo')).toBe('');
  });

  it('passes a file where text belongs on as raw, for the schema to refuse', () => {
    const form = formOf([
      ['title', 'Opening'],
      ['photo', file]
    ]);
    expect(posted(form, 'title')).toEqual({ text: 'Opening', raw: 'Opening' });
    expect(posted(form, 'missing')).toEqual({ text: '', raw: '' });
    const photo = posted(form, 'photo');
    expect(photo.text).toBe('');
    expect(photo.raw).toBeInstanceOf(Blob);
  });

  it('reads every value of a multiple choice', () => {
    const form = formOf([
      ['channelIds', 'a'],
      ['channelIds', 'b'],
      ['channelIds', file]
    ]);
    const list = postedList(form, 'channelIds');
    expect(list.texts).toEqual(['a', 'b']);
    expect(list.raw).toHaveLength(3);
  });

  it('reads a checkbox: absent is no, on is yes, anything else goes to the schema', () => {
    expect(postedFlag(formOf([]), 'flag')).toEqual({ checked: false, raw: false });
    expect(postedFlag(formOf([['flag', 'on']]), 'flag')).toEqual({ checked: true, raw: true });
    expect(postedFlag(formOf([['flag', 'yes']]), 'flag')).toEqual({ checked: false, raw: 'yes' });
  });

  it('reads a translated text per language of the edition', () => {
    const form = formOf([
      ['title.ko', '개막'],
      ['title.en', 'Opening'],
      ['title.fr', 'ignored']
    ]);
    expect(postedTexts(form, 'title', ['ko', 'en'])).toEqual({
      text: { ko: '개막', en: 'Opening' },
      raw: { ko: '개막', en: 'Opening' }
    });
    expect(postedTexts(formOf([]), 'title', ['ko']).text).toEqual({ ko: '' });
  });
});

describe('readVersion', () => {
  const version = (value: string, options?: { allowZero?: boolean }) =>
    readVersion(formOf([['version', value]]), options);

  it('reads a whole number from 1 to 999,999,999', () => {
    expect(version('1')).toBe(1);
    expect(version('42')).toBe(42);
    expect(version('999999999')).toBe(999_999_999);
  });

  it('refuses what a tampered or truncated form sends', () => {
    for (const value of ['', '0', '01', '-1', '1.5', '1e3', ' 1', '1000000000', 'abc'])
      expect(version(value), value).toBeNull();
    expect(readVersion(formOf([]))).toBeNull();
    expect(readVersion(formOf([['version', file]]))).toBeNull();
  });

  it('takes 0 only where a record exists before its first save', () => {
    expect(version('0', { allowZero: true })).toBe(0);
    expect(version('7', { allowZero: true })).toBe(7);
    expect(version('00', { allowZero: true })).toBeNull();
  });
});

describe('readId', () => {
  it('takes a record id and nothing else', () => {
    expect(readId(formOf([['item', 'opening-talk-2']]), 'item')).toBe('opening-talk-2');
    expect(readId(formOf([['item', '-x']]), 'item')).toBe('');
    expect(readId(formOf([['item', 'A']]), 'item')).toBe('');
    expect(readId(formOf([['item', 'a'.repeat(64)]]), 'item')).toBe('');
    expect(readId(formOf([]), 'item')).toBe('');
  });
});
