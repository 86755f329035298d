/**
 * Password reset by e-mail. Asking for a reset answers the same whether or
 * not the address has an account, and the mail goes out after the answer, so
 * neither the page nor its timing tells. A link is valid for one hour and
 * usable once; at most three are sent per account per hour. Setting the new
 * password ends every session of the account.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AccessError, InvalidInputError } from '../../domain/access/accessError.js';
import { checkEmail, normaliseEmail } from '../../domain/access/accountDetails.js';
import { checkNewPassword } from '../../domain/access/password.js';
import type { Locale } from '../../i18n/locale.js';
import type { Mailer } from '../mail/mailer.js';
import { passwordResetMail } from '../mail/accessMail.js';
import { openLink } from './singleUseLinks.js';
import type { PasswordHasher } from '../auth/passwordHasher.js';
import type { AccessRepositories } from '../db/accessRepositories.js';
import type { PasswordResetRecord } from '../db/passwordResetRepository.js';
import { tokenHash, wholeSeconds, type Signer } from '../auth/signer.js';

export const passwordResetValidMinutes = 60;
export const passwordResetsPerHour = 3;

export class PasswordResetService {
  constructor(
    private readonly repositories: AccessRepositories,
    private readonly hasher: PasswordHasher,
    private readonly signer: Signer,
    private readonly mailer: Mailer,
    private readonly log: Pick<Logger, 'error'>,
    private readonly clock: () => Date = () => new Date()
  ) {}

  /**
   * Sends a reset link when the address has an account. Resolves once the
   * request is recorded; the returned `delivery` settles when the mail has
   * gone (tests wait on it, pages do not).
   */
  async requestReset(email: string, locale: Locale, origin: string): Promise<{ delivery: Promise<void> }> {
    const problem = checkEmail(email);
    if (problem) throw new InvalidInputError({ email: problem });
    const now = this.clock();
    const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
    const reset = await this.repositories.transaction(async (r) => {
      const account = await r.accounts.findByEmail(normaliseEmail(email));
      if (!account || (await r.passwordResets.countSince(account.id, hourAgo)) >= passwordResetsPerHour) return null;
      const id = randomUUID();
      const expiresAt = wholeSeconds(new Date(now.getTime() + passwordResetValidMinutes * 60 * 1000));
      const token = this.signer.signLink('password-reset', id, expiresAt);
      await r.passwordResets.create(
        { id, tokenHash: tokenHash(token), accountId: account.id, expiresAt, usedAt: null },
        now
      );
      return { id, to: account.email, token };
    });
    if (!reset) return { delivery: Promise.resolve() };
    const delivery = this.mailer
      .send(
        passwordResetMail({
          to: reset.to,
          locale,
          link: `${origin}/console/password-reset/${reset.token}`,
          validMinutes: passwordResetValidMinutes
        })
      )
      .catch((error: unknown) =>
        this.log.error({ err: error, passwordReset: reset.id }, 'the password reset mail could not be sent')
      );
    return { delivery };
  }

  /** Throws the reason a reset link cannot be used (`password_reset.*`). */
  async checkResetLink(token: string): Promise<void> {
    await this.open(this.repositories, token);
  }

  /** Sets the new password, uses up the link and ends every session of the account, in one transaction. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    await this.open(this.repositories, token);
    const problem = checkNewPassword(newPassword);
    if (problem) throw new InvalidInputError({ password: problem });
    const passwordHash = await this.hasher.hash(newPassword);
    const now = this.clock();
    await this.repositories.transaction(async (r) => {
      const reset = await this.open(r, token);
      if (!(await r.passwordResets.markUsed(reset.id, now))) throw new AccessError('password_reset.used');
      await r.accounts.setPassword(reset.accountId, passwordHash, now);
      await r.sessions.deleteAllOf(reset.accountId);
    });
  }

  private open(repositories: AccessRepositories, token: string): Promise<PasswordResetRecord> {
    return openLink(this.signer, 'password-reset', token, (id) => repositories.passwordResets.find(id), this.clock());
  }
}
