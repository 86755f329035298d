/**
 * The errors of accounts and access, each with a stable code listed in
 * docs/errors.md. The edge maps a code to an HTTP status and a message in the
 * reader's language; `retryAt` says when a lock or rate limit ends.
 */
export const accessErrorCodes = [
  'auth.invalid_credentials',
  'auth.locked',
  'auth.rate_limited',
  'auth.csrf',
  'auth.forbidden',
  'auth.signed_out',
  'auth.wrong_password',
  'email.invalid',
  'display_name.invalid',
  'password.too_short',
  'password.too_long',
  'password.too_common',
  'account.email_taken',
  'role.invalid',
  'role_grant.not_found',
  'invitation.invalid',
  'invitation.expired',
  'invitation.used',
  'invitation.wrong_account',
  'invitation.sign_in_required',
  'invitation.edition_unknown',
  'password_reset.invalid',
  'password_reset.expired',
  'password_reset.used',
  'setup.invalid',
  'setup.expired',
  'setup.used',
  'setup.done',
  'mail.not_sent'
] as const;
export type AccessErrorCode = (typeof accessErrorCodes)[number];

export class AccessError extends Error {
  override readonly name: string = 'AccessError';

  constructor(
    readonly code: AccessErrorCode,
    readonly retryAt: Date | null = null
  ) {
    super(code);
  }
}

/** Input refused field by field; `code` is the first problem, `fields` all of them. */
export class InvalidInputError extends AccessError {
  override readonly name: string = 'InvalidInputError';

  constructor(readonly fields: Readonly<Record<string, AccessErrorCode>>) {
    super(Object.values(fields)[0] ?? 'email.invalid');
  }
}

/**
 * Recognises these errors by shape, not by class identity: the SvelteKit
 * bundle and the process that wires the services load separate copies of
 * this module, so `instanceof` fails across the two.
 */
export function isAccessError(value: unknown): value is AccessError {
  return (
    value instanceof Error &&
    (value.name === 'AccessError' || value.name === 'InvalidInputError') &&
    (accessErrorCodes as readonly unknown[]).includes((value as { code?: unknown }).code)
  );
}

export function isInvalidInput(value: unknown): value is InvalidInputError {
  return (
    isAccessError(value) &&
    value.name === 'InvalidInputError' &&
    typeof (value as { fields?: unknown }).fields === 'object'
  );
}
