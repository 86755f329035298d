/**
 * Where to go after signing in: only a path inside the console of this very
 * site, so a crafted sign-in link cannot send anyone elsewhere
 * (`//evil.example`, `/\evil.example`, `https://…` all fall back to `/console`).
 */
const fallback = '/console';

export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f]/.test(next)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(next, 'http://madang.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://madang.invalid') return fallback;
  if (url.pathname !== '/console' && !url.pathname.startsWith('/console/')) return fallback;
  if (url.pathname.startsWith('/console/sign-in') || url.pathname.startsWith('/console/sign-out')) return fallback;
  return `${url.pathname}${url.search}`;
}
