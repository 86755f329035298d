/**
 * The OpenID Connect identities linked to a console account, as the account
 * itself sees and manages them. Unlinking is safe at any time: every account
 * has a password (it began with an invitation or the setup link), and a later
 * sign-in through the issuer links the identity again only by a verified
 * e-mail address (domain/access/identityLinking.ts).
 */
import type { Logger } from 'pino';
import type { SignedInAccount } from './accountSessions.js';
import type { AccountIdentityRecord } from '../db/accountIdentityRepository.js';
import type { AccessRepositories } from '../db/accessRepositories.js';

export type LinkedIdentity = Pick<AccountIdentityRecord, 'id' | 'issuer' | 'email' | 'linkedAt' | 'lastSignedInAt'>;

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class IdentityLinks {
  constructor(
    private readonly repositories: AccessRepositories,
    private readonly log: Pick<Logger, 'info'>
  ) {}

  async list(account: SignedInAccount): Promise<LinkedIdentity[]> {
    const all = await this.repositories.identities.allOfAccount(account.id);
    return all.map(({ id, issuer, email, linkedAt, lastSignedInAt }) => ({
      id,
      issuer,
      email,
      linkedAt,
      lastSignedInAt
    }));
  }

  /** 'not_found' for an id that is not one of this account's links (someone else's included). */
  async unlink(account: SignedInAccount, identityId: string): Promise<'unlinked' | 'not_found'> {
    if (!idPattern.test(identityId)) return 'not_found';
    const removed = await this.repositories.identities.unlink(account.id, identityId);
    if (!removed) return 'not_found';
    this.log.info({ accountId: account.id, identityId }, 'unlinked an OpenID Connect identity');
    return 'unlinked';
  }
}
