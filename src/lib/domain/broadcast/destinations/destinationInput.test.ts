import { describe, expect, it } from 'vitest';
import {
  destinationInputSchema,
  destinationTarget,
  destinationUrlProblem,
  maskedKey,
  resolveDestination,
  streamKeyProblem
} from './destinationInput.js';

const input = (overrides: Record<string, unknown> = {}) =>
  destinationInputSchema.parse({
    name: 'YouTube',
    url: 'rtmp://a.rtmp.youtube.com/live2',
    streamKey: 'abcd-efgh-1a2b',
    enabled: true,
    ...overrides
  });

describe('an outside destination as a producer enters it', () => {
  it('takes an rtmp or rtmps server with a stream key, trimmed', () => {
    expect(
      resolveDestination(
        input({ name: '  YouTube ', url: ' rtmps://live-api-s.facebook.com:443/rtmp/ ', streamKey: ' FB-123 ' }),
        { keyRequired: true }
      )
    ).toEqual({
      ok: true,
      values: { name: 'YouTube', url: 'rtmps://live-api-s.facebook.com:443/rtmp/', streamKey: 'FB-123', enabled: true }
    });
  });

  it.each([
    ['', 'destination.url_required'],
    ['https://a.rtmp.youtube.com/live2', 'destination.url_scheme'],
    ['a.rtmp.youtube.com/live2', 'destination.url_scheme'],
    ['rtmp://', 'destination.url_invalid'],
    ['rtmp:///live', 'destination.url_invalid'],
    ['rtmp://exa mple.org/live', 'destination.url_invalid'],
    ['rtmp://user:secret@example.org/live', 'destination.url_credentials'],
    ['rtmp://secret@example.org/live', 'destination.url_credentials'],
    [`rtmp://example.org/${'a'.repeat(500)}`, 'destination.url_too_long']
  ])('refuses the server %j with %s', (url, code) => {
    expect(destinationUrlProblem(url)).toBe(code);
    expect(resolveDestination(input({ url }), { keyRequired: true })).toEqual({
      ok: false,
      problems: [{ field: 'url', code }]
    });
  });

  it('accepts an @ in the path, which is not a credential', () => {
    expect(destinationUrlProblem('rtmp://example.org/live/@team')).toBeNull();
  });

  it.each([
    ['', 'destination.key_required'],
    ['has space', 'destination.key_invalid'],
    ['tab\tkey', 'destination.key_invalid'],
    ['키', 'destination.key_invalid'],
    ['k'.repeat(301), 'destination.key_too_long']
  ])('refuses the stream key %j with %s', (streamKey, code) => {
    expect(streamKeyProblem(streamKey)).toBe(code);
  });

  it('keeps the stored key when an edit leaves the key blank, but asks for one when adding', () => {
    expect(resolveDestination(input({ streamKey: '' }), { keyRequired: false })).toMatchObject({
      ok: true,
      values: { streamKey: null }
    });
    expect(resolveDestination(input({ streamKey: '  ' }), { keyRequired: true })).toEqual({
      ok: false,
      problems: [{ field: 'streamKey', code: 'destination.key_required' }]
    });
  });

  it('names every problem at once', () => {
    const result = resolveDestination(input({ name: 'n'.repeat(81), url: 'http://x', streamKey: 'a b' }), {
      keyRequired: true
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'name', code: 'destination.name_too_long' },
        { field: 'url', code: 'destination.url_scheme' },
        { field: 'streamKey', code: 'destination.key_invalid' }
      ]
    });
    expect(resolveDestination(input({ name: ' ' }), { keyRequired: true })).toEqual({
      ok: false,
      problems: [{ field: 'name', code: 'destination.name_required' }]
    });
  });

  it('joins server and key as OBS does', () => {
    expect(destinationTarget('rtmp://a.rtmp.youtube.com/live2', 'k-1')).toBe('rtmp://a.rtmp.youtube.com/live2/k-1');
    expect(destinationTarget('rtmp://a.rtmp.youtube.com/live2//', 'k-1')).toBe('rtmp://a.rtmp.youtube.com/live2/k-1');
  });

  it('shows only the last four characters of a key', () => {
    expect(maskedKey('xxxx-yyyy-1a2b')).toBe('••••••••1a2b');
    expect(maskedKey('1a2b')).toBe('••••••••1a2b');
    expect(maskedKey('ab')).toBe('••••••••ab');
  });
});
