/**
 * An outside destination as a producer enters it: a name, the RTMP/RTMPS
 * server URL the platform shows (YouTube, Facebook, a CDN…) and the stream
 * key beside it. The key is a secret: it never goes into the URL (a URL is
 * shown in the console and logs) and is stored sealed; `maskedKey` is the
 * only form in which it is shown again.
 */
import { z } from 'zod';
import type { FieldProblem } from '../../editing/sessionInput.js';

export const destinationLimits = { name: 80, url: 500, streamKey: 300 } as const;

/** What the form sends; `streamKey` blank on an edit keeps the stored key. */
export const destinationInputSchema = z.object({
  name: z.string().max(2000),
  url: z.string().max(2000),
  streamKey: z.string().max(2000),
  enabled: z.boolean()
});
export type DestinationInput = z.infer<typeof destinationInputSchema>;

export interface DestinationValues {
  readonly name: string;
  readonly url: string;
  /** Null on an edit that keeps the stored key. */
  readonly streamKey: string | null;
  readonly enabled: boolean;
}

/** Why a server URL is refused, as a stable code; null when it is a usable rtmp(s) URL without credentials. */
export function destinationUrlProblem(raw: string): string | null {
  const url = raw.trim();
  if (url === '') return 'destination.url_required';
  if (url.length > destinationLimits.url) return 'destination.url_too_long';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'rtmp' && scheme !== 'rtmps') return 'destination.url_scheme';
  if (/[\s\p{Cc}]/u.test(url)) return 'destination.url_invalid';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'destination.url_invalid';
  }
  if (!/^rtmps?:\/\/[^/]/i.test(url) || parsed.hostname === '') return 'destination.url_invalid';
  // user:password@host would put a secret in a value the console shows and ffmpeg logs.
  const authority = url.slice(scheme.length + 3).split('/')[0] ?? '';
  if (parsed.username !== '' || parsed.password !== '' || authority.includes('@')) return 'destination.url_credentials';
  return null;
}

/** Why a stream key is refused; null when it is 1–300 printable characters without whitespace. */
export function streamKeyProblem(key: string): string | null {
  if (key === '') return 'destination.key_required';
  if ([...key].length > destinationLimits.streamKey) return 'destination.key_too_long';
  // Printable ASCII without space: what every platform issues, and safe to append to a URL path.
  if (!/^[\x21-\x7e]+$/.test(key)) return 'destination.key_invalid';
  return null;
}

/** Checks every field; on an edit (`keyRequired` false) a blank key means "keep the stored one". */
export function resolveDestination(
  input: DestinationInput,
  options: { readonly keyRequired: boolean }
): { ok: true; values: DestinationValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (name === '') problems.push({ field: 'name', code: 'destination.name_required' });
  else if ([...name].length > destinationLimits.name)
    problems.push({ field: 'name', code: 'destination.name_too_long' });
  const urlProblem = destinationUrlProblem(input.url);
  if (urlProblem) problems.push({ field: 'url', code: urlProblem });
  // Keys are pasted; surrounding whitespace is never part of one.
  const key = input.streamKey.trim();
  const keyProblem = key === '' && !options.keyRequired ? null : streamKeyProblem(key);
  if (keyProblem) problems.push({ field: 'streamKey', code: keyProblem });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: { name, url: input.url.trim(), streamKey: key === '' ? null : key, enabled: input.enabled }
  };
}

/** The publish target, joined as OBS joins "Server" and "Stream Key": one slash between them. */
export function destinationTarget(url: string, streamKey: string): string {
  return `${url.replace(/\/+$/, '')}/${streamKey}`;
}

/** The key as the console shows it after saving: eight dots and its last four characters (given the key or its stored last four). */
export function maskedKey(key: string): string {
  return `••••••••${lastFour(key)}`;
}

/** What the database keeps in clear beside the sealed key, so the console can mask it without unsealing. */
export function lastFour(key: string): string {
  return [...key].slice(-4).join('');
}
