/**
 * Why a sign-in through an OpenID Connect issuer did not sign anyone in,
 * each with a stable code listed in docs/errors.md. Kept apart from the
 * password sign-in codes: every one of these ends on the sign-in page.
 */
export const oidcErrorCodes = [
  'oidc.not_configured',
  'oidc.issuer_refused',
  'oidc.state_invalid',
  'oidc.expired',
  'oidc.exchange_failed',
  'oidc.unreachable',
  'oidc.email_unverified',
  'oidc.no_account',
  'oidc.linked_elsewhere'
] as const;
export type OidcErrorCode = (typeof oidcErrorCodes)[number];

export class OidcError extends Error {
  override readonly name = 'OidcError';

  constructor(
    readonly code: OidcErrorCode,
    /** For the log only (what the issuer or the library said); never shown to the reader. */
    readonly detail: string | null = null
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** By shape, not class identity: the SvelteKit bundle and the process that wires the services load separate copies. */
export function isOidcError(value: unknown): value is OidcError {
  return (
    value instanceof Error &&
    value.name === 'OidcError' &&
    (oidcErrorCodes as readonly unknown[]).includes((value as { code?: unknown }).code)
  );
}
