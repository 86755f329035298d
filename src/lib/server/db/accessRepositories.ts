/**
 * The repositories of accounts and access over one connection, and a way to
 * run a use case as one transaction: `transaction(work)` hands `work` the
 * same repositories bound to the transaction.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';
import { AccountIdentityRepository } from './accountIdentityRepository.js';
import { AccountRepository } from './accountRepository.js';
import { AccountSessionRepository } from './accountSessionRepository.js';
import { InvitationRepository } from './invitationRepository.js';
import { PasswordResetRepository } from './passwordResetRepository.js';
import { SetupTokenRepository } from './setupTokenRepository.js';
import { SignInAttemptRepository } from './signInAttemptRepository.js';

export class AccessRepositories {
  readonly accounts: AccountRepository;
  readonly identities: AccountIdentityRepository;
  readonly sessions: AccountSessionRepository;
  readonly invitations: InvitationRepository;
  readonly passwordResets: PasswordResetRepository;
  readonly setupTokens: SetupTokenRepository;
  readonly signInAttempts: SignInAttemptRepository;

  constructor(private readonly db: Kysely<DatabaseSchema>) {
    this.accounts = new AccountRepository(db);
    this.identities = new AccountIdentityRepository(db);
    this.sessions = new AccountSessionRepository(db);
    this.invitations = new InvitationRepository(db);
    this.passwordResets = new PasswordResetRepository(db);
    this.setupTokens = new SetupTokenRepository(db);
    this.signInAttempts = new SignInAttemptRepository(db);
  }

  transaction<T>(work: (repositories: AccessRepositories) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this);
    return this.db.transaction().execute((tx) => work(new AccessRepositories(tx)));
  }
}
