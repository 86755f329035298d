/**
 * Opening a single-use link (first administrator, invitation, password
 * reset): the signature must hold, the row must exist with the same token
 * hash, and it must be neither used nor expired. Each failure has its own
 * code so the page can say what happened.
 */
import { AccessError, type AccessErrorCode } from '../../domain/access/accessError.js';
import type { LinkRecord } from '../db/linkRecord.js';
import { tokenHash, type LinkPurpose, type Signer } from '../auth/signer.js';

const codes: Record<LinkPurpose, { invalid: AccessErrorCode; used: AccessErrorCode; expired: AccessErrorCode }> = {
  setup: { invalid: 'setup.invalid', used: 'setup.used', expired: 'setup.expired' },
  invitation: { invalid: 'invitation.invalid', used: 'invitation.used', expired: 'invitation.expired' },
  'password-reset': {
    invalid: 'password_reset.invalid',
    used: 'password_reset.used',
    expired: 'password_reset.expired'
  }
};

export async function openLink<T extends LinkRecord>(
  signer: Signer,
  purpose: LinkPurpose,
  token: string,
  find: (id: string) => Promise<T | null>,
  now: Date
): Promise<T> {
  const code = codes[purpose];
  const verified = signer.verifyLink(purpose, token);
  if (!verified) throw new AccessError(code.invalid);
  const record = await find(verified.id);
  if (!record || record.tokenHash !== tokenHash(token)) throw new AccessError(code.invalid);
  if (record.usedAt) throw new AccessError(code.used);
  if (record.expiresAt.getTime() <= now.getTime()) throw new AccessError(code.expired);
  return record;
}
