import { describe, expect, it } from 'vitest';
import { readViewerMessage } from './protocol.js';

const read = (text: string, isBinary = false) => readViewerMessage(Buffer.from(text), isBinary);
const codeOf = (text: string, isBinary = false) => {
  const result = read(text, isBinary);
  return result.ok ? 'ok' : result.problem.code;
};

describe('viewer messages, protocol version 1', () => {
  it('reads subscribe, unsubscribe and ping', () => {
    expect(read('{"v":1,"type":"subscribe","channel":"session:keynote","since":42}')).toEqual({
      ok: true,
      message: { v: 1, type: 'subscribe', channel: 'session:keynote', since: 42 }
    });
    expect(codeOf('{"v":1,"type":"subscribe","channel":"edition:seoul-2020"}')).toBe('ok');
    expect(codeOf('{"v":1,"type":"unsubscribe","channel":"edition:seoul-2020"}')).toBe('ok');
    expect(codeOf('{"v":1,"type":"ping","id":"abc"}')).toBe('ok');
  });

  it.each([
    ['not JSON', '{"v":1,', 'realtime.bad_json'],
    ['an array', '[1,2]', 'realtime.invalid_message'],
    ['a string', '"hello"', 'realtime.invalid_message'],
    ['null', 'null', 'realtime.invalid_message'],
    ['no version', '{"type":"ping"}', 'realtime.unsupported_version'],
    ['a later version', '{"v":2,"type":"ping"}', 'realtime.unsupported_version'],
    ['the version as text', '{"v":"1","type":"ping"}', 'realtime.unsupported_version'],
    ['an unknown type', '{"v":1,"type":"shout"}', 'realtime.invalid_message'],
    ['since as text', '{"v":1,"type":"subscribe","channel":"session:a","since":"42"}', 'realtime.invalid_message'],
    ['a negative since', '{"v":1,"type":"subscribe","channel":"session:a","since":-1}', 'realtime.invalid_message'],
    ['a fractional since', '{"v":1,"type":"subscribe","channel":"session:a","since":1.5}', 'realtime.invalid_message'],
    ['an unknown field', '{"v":1,"type":"subscribe","channel":"session:a","sinse":4}', 'realtime.invalid_message'],
    ['a channel of another kind', '{"v":1,"type":"subscribe","channel":"stage:main"}', 'realtime.channel_invalid'],
    ['a channel as a number', '{"v":1,"type":"subscribe","channel":7}', 'realtime.channel_invalid'],
    [
      'an overlong channel',
      `{"v":1,"type":"subscribe","channel":"session:${'a'.repeat(300)}"}`,
      'realtime.channel_invalid'
    ],
    ['a long ping id', `{"v":1,"type":"ping","id":"${'x'.repeat(65)}"}`, 'realtime.invalid_message']
  ])('refuses %s with a code', (_what, text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('refuses binary frames', () => {
    expect(codeOf('{"v":1,"type":"ping"}', true)).toBe('realtime.not_text');
  });

  it('explains the problem in a sentence', () => {
    const result = read('{"v":3,"type":"ping"}');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem.text).toBe('Protocol version 3 is not supported; this server speaks version 1.');
  });
});
