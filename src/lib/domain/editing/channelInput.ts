/**
 * A channel as an organiser enters it: where the forum is broadcast (its own
 * site, YouTube, a social service, anything else), its name per locale and
 * its address. The address ends up as a link on every session page and in
 * the exports, so only absolute http(s) URLs are taken: `javascript:` and
 * `data:` would run or show content in the reader's browser, and a relative
 * address means nothing in a calendar or a schedule file.
 */
import { z } from 'zod';
import type { LocalizedText } from '../localizedText.js';
import { channelKinds, type ChannelKind } from '../programme.js';
import { localizedTextSchema, type FieldProblem } from './sessionInput.js';

export const channelLimits = { name: 200, url: 2000 } as const;

export const channelInputSchema = z.object({
  kind: z.enum(channelKinds),
  name: localizedTextSchema(channelLimits.name),
  url: z.string().max(channelLimits.url)
});
export type ChannelInput = z.infer<typeof channelInputSchema>;

export interface ChannelValues {
  readonly kind: ChannelKind;
  readonly name: LocalizedText;
  readonly url: string;
}

/** Why an address is refused, as a stable code; null when it is a fine absolute http(s) URL. */
export function channelUrlProblem(raw: string): string | null {
  const url = raw.trim();
  if (url === '') return 'channel.url_required';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'channel.url_not_absolute';
  if (scheme !== 'http' && scheme !== 'https') return 'channel.url_scheme';
  // Whitespace or control characters inside, or user:password@ before the host (a way to disguise where a link goes).
  if (/[\s\p{Cc}]/u.test(url)) return 'channel.url_invalid';
  try {
    const parsed = new URL(url);
    if (!/^https?:\/\/[^/]/i.test(url) || parsed.hostname === '' || parsed.username !== '' || parsed.password !== '')
      return 'channel.url_invalid';
  } catch {
    return 'channel.url_invalid';
  }
  return null;
}

export function resolveChannel(
  input: ChannelInput,
  edition: { readonly defaultLocale: string }
): { ok: true; values: ChannelValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!input.name[edition.defaultLocale])
    problems.push({ field: `name.${edition.defaultLocale}`, code: 'channel.name_required' });
  const urlProblem = channelUrlProblem(input.url);
  if (urlProblem) problems.push({ field: 'url', code: urlProblem });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, values: { kind: input.kind, name: input.name, url: input.url.trim() } };
}
