import { describe, expect, it } from 'vitest';
import { channelInputSchema, channelUrlProblem, resolveChannel } from './channelInput.js';

const edition = { defaultLocale: 'ko' };
const input = (overrides: Record<string, unknown> = {}) =>
  channelInputSchema.parse({
    kind: 'youtube',
    name: { ko: '유튜브', en: 'YouTube' },
    url: 'https://www.youtube.com/@seoullive',
    ...overrides
  });

describe('a channel as an organiser enters it', () => {
  it('takes an absolute http or https address, trimmed', () => {
    expect(resolveChannel(input({ url: '  https://tv.seoul.go.kr/live  ' }), edition)).toEqual({
      ok: true,
      values: { kind: 'youtube', name: { ko: '유튜브', en: 'YouTube' }, url: 'https://tv.seoul.go.kr/live' }
    });
    expect(channelUrlProblem('http://example.org')).toBeNull();
    expect(channelUrlProblem('HTTPS://Example.org/a?b=c#d')).toBeNull();
  });

  it.each([
    ['javascript:alert(1)', 'channel.url_scheme'],
    ['JavaScript:alert(document.cookie)', 'channel.url_scheme'],
    ['data:text/html,<script>alert(1)</script>', 'channel.url_scheme'],
    ['ftp://example.org/stream', 'channel.url_scheme'],
    ['mailto:forum@example.org', 'channel.url_scheme'],
    ['/seoul-2020', 'channel.url_not_absolute'],
    ['//evil.example/x', 'channel.url_not_absolute'],
    ['www.youtube.com/@seoullive', 'channel.url_not_absolute'],
    ['', 'channel.url_required'],
    ['https://', 'channel.url_invalid'],
    ['https:///path', 'channel.url_invalid'],
    ['https://exa mple.org', 'channel.url_invalid'],
    ['https://user:secret@example.org', 'channel.url_invalid'],
    ['https://example.org/\u0000', 'channel.url_invalid']
  ])('refuses %s with %s', (url, code) => {
    expect(resolveChannel(input({ url }), edition)).toEqual({ ok: false, problems: [{ field: 'url', code }] });
  });

  it('needs a name in the edition’s main language', () => {
    expect(resolveChannel(input({ name: { en: 'YouTube' } }), edition)).toEqual({
      ok: false,
      problems: [{ field: 'name.ko', code: 'channel.name_required' }]
    });
  });

  it('refuses unknown kinds, oversized names and addresses at the schema', () => {
    expect(channelInputSchema.safeParse({ ...input(), kind: 'tiktok' }).success).toBe(false);
    expect(channelInputSchema.safeParse({ ...input(), name: { ko: '가'.repeat(201) } }).success).toBe(false);
    expect(channelInputSchema.safeParse({ ...input(), url: `https://example.org/${'x'.repeat(2000)}` }).success).toBe(
      false
    );
  });
});
