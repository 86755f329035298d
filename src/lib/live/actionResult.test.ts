import { stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import { readActionAnswer, unflatten } from './actionResult.js';

describe('reading what an action answered', () => {
  it('takes success and redirect as done', () => {
    expect(
      readActionAnswer(200, JSON.stringify({ type: 'success', status: 200, data: stringify({ ok: true }) }))
    ).toEqual({ ok: true });
    expect(readActionAnswer(200, JSON.stringify({ type: 'redirect', status: 303, location: '/x' }))).toEqual({
      ok: true
    });
  });

  it('finds the message of a failure: its message, else the first field error', () => {
    const failure = (data: object) => JSON.stringify({ type: 'failure', status: 400, data: stringify(data) });
    expect(readActionAnswer(200, failure({ message: 'You are sending too fast; try again in 3 seconds.' }))).toEqual({
      ok: false,
      message: 'You are sending too fast; try again in 3 seconds.'
    });
    expect(
      readActionAnswer(200, failure({ values: { text: '' }, errors: { text: 'Write your question first.' } }))
    ).toEqual({
      ok: false,
      message: 'Write your question first.'
    });
    expect(readActionAnswer(200, failure({ count: 3 }))).toEqual({ ok: false, message: null });
  });

  it('reads a JSON endpoint error and anything unreadable as a failure without a message', () => {
    expect(
      readActionAnswer(429, JSON.stringify({ error: { code: 'participation.too_fast', message: 'Too fast' } }))
    ).toEqual({ ok: false, message: 'Too fast' });
    expect(readActionAnswer(500, '<html>')).toEqual({ ok: false, message: null });
    expect(readActionAnswer(200, JSON.stringify({ type: 'error', error: { message: 'Internal Error' } }))).toEqual({
      ok: false,
      message: 'Internal Error'
    });
  });

  it('revives what devalue flattens: objects, arrays, repeated references and special numbers', () => {
    const shared = { name: '민지' };
    const value = { list: [1, 'two', shared, shared], nested: { deep: true }, missing: undefined, nan: NaN };
    expect(unflatten(stringify(value))).toEqual(value);
    expect(unflatten(stringify('text'))).toBe('text');
    expect(unflatten('{broken')).toBeNull();
  });
});
