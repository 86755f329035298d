/**
 * The first administrator. While no administrator exists, each start makes
 * sure there is a live one-time link (valid 24 hours) and hands its path to
 * the process, which prints it. An unused link that is still valid is
 * printed again on restart (it is re-derived from its row and the instance
 * secret, never stored); an expired one is replaced.
 */
import { randomUUID } from 'node:crypto';
import { AccessError, InvalidInputError } from '../../domain/access/accessError.js';
import { checkAccountDetails, normaliseEmail } from '../../domain/access/accountDetails.js';
import type { Locale } from '../../i18n/locale.js';
import { startSession, type StartedSession } from './accountSessions.js';
import { openLink } from './singleUseLinks.js';
import type { PasswordHasher } from '../auth/passwordHasher.js';
import type { AccessRepositories } from '../db/accessRepositories.js';
import { tokenHash, wholeSeconds, type Signer } from '../auth/signer.js';

export const setupLinkValidMs = 24 * 60 * 60 * 1000;

export interface NewAccountDetails {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly locale: Locale;
}

export class SetupService {
  constructor(
    private readonly repositories: AccessRepositories,
    private readonly hasher: PasswordHasher,
    private readonly signer: Signer,
    private readonly clock: () => Date = () => new Date()
  ) {}

  /** `/console/setup/<token>` while no administrator exists, else null. */
  async ensureSetupLink(): Promise<string | null> {
    const now = this.clock();
    return this.repositories.transaction(async (r) => {
      if (await r.accounts.hasAdministrator()) return null;
      const current = await r.setupTokens.current(now);
      if (current) return setupPath(this.signer.signLink('setup', current.id, current.expiresAt));
      const id = randomUUID();
      const expiresAt = wholeSeconds(new Date(now.getTime() + setupLinkValidMs));
      const token = this.signer.signLink('setup', id, expiresAt);
      await r.setupTokens.create({ id, tokenHash: tokenHash(token), expiresAt, usedAt: null }, now);
      return setupPath(token);
    });
  }

  /** Throws the reason a setup link cannot be used (`setup.*`). */
  async checkSetupLink(token: string): Promise<void> {
    await this.repositories.transaction(async (r) => {
      await openLink(this.signer, 'setup', token, (id) => r.setupTokens.find(id), this.clock());
      if (await r.accounts.hasAdministrator()) throw new AccessError('setup.done');
    });
  }

  /** Creates the administrator, uses up the link and signs them in, all in one transaction. */
  async createFirstAdministrator(
    token: string,
    details: NewAccountDetails,
    previousToken: string | null
  ): Promise<StartedSession> {
    await this.checkSetupLink(token);
    const problems = checkAccountDetails(details);
    if (Object.keys(problems).length > 0) throw new InvalidInputError(problems);
    const passwordHash = await this.hasher.hash(details.password);
    const now = this.clock();
    return this.repositories.transaction(async (r) => {
      const link = await openLink(this.signer, 'setup', token, (id) => r.setupTokens.find(id), now);
      if (await r.accounts.hasAdministrator()) throw new AccessError('setup.done');
      const email = normaliseEmail(details.email);
      if (await r.accounts.findByEmail(email)) throw new InvalidInputError({ email: 'account.email_taken' });
      const id = randomUUID();
      await r.accounts.create(
        { id, email, displayName: details.displayName.trim(), passwordHash, isAdmin: true, locale: details.locale },
        now
      );
      if (!(await r.setupTokens.markUsed(link.id, id, now))) throw new AccessError('setup.used');
      return startSession(r, id, previousToken, now);
    });
  }
}

function setupPath(token: string): string {
  return `/console/setup/${token}`;
}
