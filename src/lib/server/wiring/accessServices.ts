/**
 * Wires accounts and access: the instance secret (created on first start),
 * the repositories and the services the console routes use. Called once by
 * `buildApp`, and by tests with their own mailer and clock.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { Mailer } from '../mail/mailer.js';
import { AuthService } from '../services/authService.js';
import { IdentityLinks } from '../services/identityLinks.js';
import { InvitationService } from '../services/invitationService.js';
import type { IdentityIssuer } from '../auth/identityIssuer.js';
import { OidcSignIn } from '../services/oidcSignIn.js';
import { Argon2PasswordHasher, type PasswordHasher } from '../auth/passwordHasher.js';
import { PasswordResetService } from '../services/passwordResetService.js';
import { PeopleService } from '../services/peopleService.js';
import { AccessRepositories } from '../db/accessRepositories.js';
import { InstanceSecretRepository } from '../db/instanceSecretRepository.js';
import { SetupService } from '../services/setupService.js';
import { Signer } from '../auth/signer.js';

export interface AccessServices {
  readonly auth: AuthService;
  readonly setup: SetupService;
  readonly invitations: InvitationService;
  readonly passwordResets: PasswordResetService;
  readonly people: PeopleService;
  /** Signs CSRF tokens for console forms. */
  readonly signer: Signer;
  /** Sign-in through an OpenID Connect issuer; null when not configured. */
  readonly oidc: OidcSignIn | null;
  /** The identities linked to an account (kept, and removable, even when OIDC is no longer configured). */
  readonly identityLinks: IdentityLinks;
}

export interface AccessOptions {
  readonly mailer: Mailer;
  readonly log: Pick<Logger, 'error' | 'info'>;
  readonly clock?: () => Date;
  readonly hasher?: PasswordHasher;
  /** The OpenID Connect issuer to offer at sign-in, and what the button calls it. */
  readonly oidc?: {
    readonly name: string;
    readonly issuer: IdentityIssuer;
    readonly log: Pick<Logger, 'info' | 'warn'>;
  } | null;
}

export async function createAccessServices(db: Db, options: AccessOptions): Promise<AccessServices> {
  const secret = await new InstanceSecretRepository(db).loadOrCreate(randomBytes(32).toString('base64url'));
  const signer = new Signer(secret);
  const repositories = new AccessRepositories(db);
  const hasher = options.hasher ?? new Argon2PasswordHasher();
  const clock = options.clock ?? (() => new Date());
  return {
    auth: new AuthService(repositories, hasher, clock),
    setup: new SetupService(repositories, hasher, signer, clock),
    invitations: new InvitationService(repositories, hasher, signer, options.mailer, options.log, clock),
    passwordResets: new PasswordResetService(repositories, hasher, signer, options.mailer, options.log, clock),
    people: new PeopleService(repositories, clock),
    signer,
    identityLinks: new IdentityLinks(repositories, options.log),
    oidc: options.oidc
      ? new OidcSignIn(options.oidc.name, options.oidc.issuer, repositories, signer, options.oidc.log, clock)
      : null
  };
}
