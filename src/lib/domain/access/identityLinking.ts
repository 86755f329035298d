/**
 * Who an identity at an OpenID Connect issuer signs in as (docs/adr/006).
 * Already linked: that account, whatever the e-mail says today. Not linked:
 * the account with the same address, but only when the issuer says it has
 * verified the address, and only when that account has no other identity at
 * the same issuer (a recycled address must not take over an account). No
 * account: refused; accounts come from invitations and the setup link, never
 * from an issuer.
 */
import type { OidcErrorCode } from './oidcError.js';

/** What the issuer told us about the person, after the library checked the ID token. */
export interface IssuerIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  /** True only when the issuer said `email_verified: true`. */
  readonly emailVerified: boolean;
}

export interface LinkingFacts {
  /** The account this very identity is linked to, if any. */
  readonly linkedAccountId: string | null;
  /** The account with the identity's e-mail address, if any, and the subject it is already linked to at this issuer. */
  readonly accountWithEmail: { readonly id: string; readonly subjectAtIssuer: string | null } | null;
}

export type LinkDecision =
  | { readonly kind: 'sign_in'; readonly accountId: string }
  | { readonly kind: 'link_and_sign_in'; readonly accountId: string }
  | { readonly kind: 'refuse'; readonly code: OidcErrorCode };

export function decideIdentityLink(identity: IssuerIdentity, facts: LinkingFacts): LinkDecision {
  if (facts.linkedAccountId) return { kind: 'sign_in', accountId: facts.linkedAccountId };
  if (!identity.email || !identity.emailVerified) return { kind: 'refuse', code: 'oidc.email_unverified' };
  const account = facts.accountWithEmail;
  if (!account) return { kind: 'refuse', code: 'oidc.no_account' };
  if (account.subjectAtIssuer !== null && account.subjectAtIssuer !== identity.subject) {
    return { kind: 'refuse', code: 'oidc.linked_elsewhere' };
  }
  return { kind: 'link_and_sign_in', accountId: account.id };
}
