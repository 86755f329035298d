/**
 * Invitations: someone who may manage people on an edition invites an
 * e-mail address to take a role there. The mail carries a signed link valid
 * for 7 days and usable once. Accepting creates the account, or adds the
 * role to the existing account once its owner has signed in.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AccessError, InvalidInputError, type AccessErrorCode } from '../../domain/access/accessError.js';
import { checkAccountDetails, checkEmail, normaliseEmail } from '../../domain/access/accountDetails.js';
import { canAnywhere, canManagePeople } from '../../domain/access/policies.js';
import { isRole, type Role } from '../../domain/access/roles.js';
import type { Locale } from '../../i18n/locale.js';
import type { Mailer } from '../mail/mailer.js';
import { invitationMail } from '../mail/accessMail.js';
import { startSession, type SignedInAccount, type StartedSession } from './accountSessions.js';
import { openLink } from './singleUseLinks.js';
import type { PasswordHasher } from '../auth/passwordHasher.js';
import type { AccessRepositories } from '../db/accessRepositories.js';
import type { ConsoleEdition } from '../db/accountRepository.js';
import type { InvitationRecord } from '../db/invitationRepository.js';
import { tokenHash, wholeSeconds, type Signer } from '../auth/signer.js';

export const invitationValidDays = 7;

export interface InvitationRequest {
  readonly email: string;
  readonly editionId: string;
  readonly role: string;
  /** The language of the e-mail. */
  readonly locale: Locale;
}

/** What the invitation page shows, and which form it offers. */
export interface InvitationView {
  readonly email: string;
  readonly edition: ConsoleEdition;
  readonly role: Role;
  readonly expiresAt: Date;
  /**
   * `create-account`: nobody has this address yet; `accept`: the signed-in
   * account is the invited one; `sign-in`: the address has an account, which
   * must sign in first; `wrong-account`: someone else is signed in.
   */
  readonly next: 'create-account' | 'accept' | 'sign-in' | 'wrong-account';
}

export class InvitationService {
  constructor(
    private readonly repositories: AccessRepositories,
    private readonly hasher: PasswordHasher,
    private readonly signer: Signer,
    private readonly mailer: Mailer,
    private readonly log: Pick<Logger, 'error'>,
    private readonly clock: () => Date = () => new Date()
  ) {}

  /** Creates the invitation and sends it; if the mail cannot be sent, the invitation is withdrawn. */
  async invite(actor: SignedInAccount, request: InvitationRequest, origin: string): Promise<{ email: string }> {
    if (!canAnywhere(actor, 'managePeople')) throw new AccessError('auth.forbidden');
    const problems: Record<string, AccessErrorCode> = {};
    const emailProblem = checkEmail(request.email);
    if (emailProblem) problems.email = emailProblem;
    if (!isRole(request.role)) problems.role = 'role.invalid';
    const edition = await this.repositories.accounts.edition(request.editionId);
    if (!edition) problems.edition = 'invitation.edition_unknown';
    if (Object.keys(problems).length > 0 || !edition || !isRole(request.role)) throw new InvalidInputError(problems);
    if (!canManagePeople(actor, edition.id)) throw new AccessError('auth.forbidden');

    const now = this.clock();
    const email = normaliseEmail(request.email);
    const id = randomUUID();
    const expiresAt = wholeSeconds(new Date(now.getTime() + invitationValidDays * 24 * 60 * 60 * 1000));
    const token = this.signer.signLink('invitation', id, expiresAt);
    await this.repositories.invitations.create({
      id,
      tokenHash: tokenHash(token),
      email,
      editionId: edition.id,
      role: request.role,
      locale: request.locale,
      invitedBy: actor.id,
      createdAt: now,
      expiresAt,
      usedAt: null
    });
    try {
      await this.mailer.send(
        invitationMail({
          to: email,
          locale: request.locale,
          link: `${origin}/console/invitations/${token}`,
          inviterName: actor.displayName,
          editionTitle: edition.title,
          role: request.role,
          validDays: invitationValidDays
        })
      );
    } catch (error) {
      this.log.error(
        { err: error, invitation: id },
        'the invitation mail could not be sent; the invitation is withdrawn'
      );
      await this.repositories.invitations.delete(id);
      throw new AccessError('mail.not_sent');
    }
    return { email };
  }

  async view(token: string, viewer: SignedInAccount | null): Promise<InvitationView> {
    const invitation = await this.open(this.repositories, token);
    const edition = await this.repositories.accounts.edition(invitation.editionId);
    if (!edition) throw new AccessError('invitation.invalid');
    const existing = await this.repositories.accounts.findByEmail(invitation.email);
    return {
      email: invitation.email,
      edition,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      next: nextStep(existing?.id ?? null, viewer)
    };
  }

  /**
   * Accepts the invitation for the signed-in account that owns the invited
   * address, or creates that account (and signs it in) when there is none.
   * Returns the new session when one was started.
   */
  async accept(
    token: string,
    viewer: SignedInAccount | null,
    newAccount: { displayName: string; password: string; locale: Locale } | null,
    previousToken: string | null
  ): Promise<StartedSession | null> {
    const peek = await this.open(this.repositories, token);
    const owner = await this.repositories.accounts.findByEmail(peek.email);
    let passwordHash: string | null = null;
    if (!owner) {
      const problems = checkAccountDetails({
        displayName: newAccount?.displayName ?? '',
        password: newAccount?.password ?? ''
      });
      if (Object.keys(problems).length > 0) throw new InvalidInputError(problems);
      passwordHash = await this.hasher.hash(newAccount?.password ?? '');
    }
    const now = this.clock();
    return this.repositories.transaction(async (r) => {
      const invitation = await this.open(r, token);
      const existing = await r.accounts.findByEmail(invitation.email);
      const step = nextStep(existing?.id ?? null, viewer);
      if (step === 'sign-in') throw new AccessError('invitation.sign_in_required');
      if (step === 'wrong-account') throw new AccessError('invitation.wrong_account');
      let accountId = existing?.id ?? null;
      let session: StartedSession | null = null;
      if (!accountId) {
        if (!passwordHash || !newAccount) throw new AccessError('invitation.invalid');
        accountId = randomUUID();
        await r.accounts.create(
          {
            id: accountId,
            email: invitation.email,
            displayName: newAccount.displayName.trim(),
            passwordHash,
            isAdmin: false,
            locale: newAccount.locale
          },
          now
        );
        session = await startSession(r, accountId, previousToken, now);
      }
      if (!(await r.invitations.markUsed(invitation.id, accountId, now))) throw new AccessError('invitation.used');
      await r.accounts.addGrant(
        { id: randomUUID(), accountId, editionId: invitation.editionId, role: invitation.role },
        invitation.invitedBy,
        now
      );
      return session;
    });
  }

  private open(repositories: AccessRepositories, token: string): Promise<InvitationRecord> {
    return openLink(this.signer, 'invitation', token, (id) => repositories.invitations.find(id), this.clock());
  }
}

function nextStep(ownerId: string | null, viewer: SignedInAccount | null): InvitationView['next'] {
  if (viewer) {
    if (ownerId === viewer.id) return 'accept';
    return 'wrong-account';
  }
  return ownerId ? 'sign-in' : 'create-account';
}
