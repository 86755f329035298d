/**
 * A participation refused by a rate limit, told the way the reader can act
 * on: "try again in N seconds". `participation.too_fast` in docs/errors.md.
 */
import type { Locale } from '../../i18n/locale.js';
import { messagesFor } from '../../i18n/messages.js';
import { retryAfterSeconds } from '../rateLimits/rateLimiter.js';

export const tooFastCode = 'participation.too_fast';

export function tooFastMessage(locale: Locale, decision: { readonly retryAfterMs: number }): string {
  return messagesFor(locale).liveStage.tooFast(retryAfterSeconds(decision));
}

/** The JSON answer of an endpoint (HTTP 429 with Retry-After). */
export function tooFastResponse(locale: Locale, decision: { readonly retryAfterMs: number }): Response {
  return new Response(JSON.stringify({ error: { code: tooFastCode, message: tooFastMessage(locale, decision) } }), {
    status: 429,
    headers: {
      'content-type': 'application/json',
      'retry-after': String(retryAfterSeconds(decision)),
      'cache-control': 'no-store'
    }
  });
}
