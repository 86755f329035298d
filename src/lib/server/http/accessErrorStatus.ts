/** The HTTP status of each access error code (docs/errors.md lists the same table). */
import type { AccessErrorCode } from '../../domain/access/accessError.js';

export const accessErrorStatus: Readonly<Record<AccessErrorCode, number>> = {
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.rate_limited': 429,
  'auth.csrf': 403,
  'auth.forbidden': 403,
  'auth.signed_out': 401,
  'auth.wrong_password': 400,
  'email.invalid': 400,
  'display_name.invalid': 400,
  'password.too_short': 400,
  'password.too_long': 400,
  'password.too_common': 400,
  'account.email_taken': 409,
  'role.invalid': 400,
  'role_grant.not_found': 404,
  'invitation.invalid': 404,
  'invitation.expired': 410,
  'invitation.used': 410,
  'invitation.wrong_account': 403,
  'invitation.sign_in_required': 403,
  'invitation.edition_unknown': 400,
  'password_reset.invalid': 404,
  'password_reset.expired': 410,
  'password_reset.used': 410,
  'setup.invalid': 404,
  'setup.expired': 410,
  'setup.used': 410,
  'setup.done': 410,
  'mail.not_sent': 502
};
