/**
 * The port the OpenID Connect sign-in uses to talk to an issuer: where to
 * send the browser, and who came back. The adapter is `openIdIssuer.ts`;
 * tests use a fake.
 */
import type { IssuerIdentity } from '../../domain/access/identityLinking.js';

/** The secrets of one sign-in attempt, kept in the browser's sealed cookie until the issuer sends it back. */
export interface FlowSecrets {
  readonly state: string;
  readonly nonce: string;
  /** PKCE code verifier; the issuer only ever saw its S256 challenge. */
  readonly verifier: string;
}

export interface IdentityIssuer {
  /** Where to send the browser, and the secrets to check its return against. Throws `oidc.unreachable`. */
  authorizationRequest(redirectUri: string): Promise<{ readonly url: URL; readonly secrets: FlowSecrets }>;
  /**
   * Exchanges the code in `callbackUrl` (state, nonce and PKCE checked) and
   * reads who signed in. Throws `OidcError` (`oidc.issuer_refused`,
   * `oidc.exchange_failed`, `oidc.unreachable`).
   */
  identify(callbackUrl: URL, secrets: FlowSecrets): Promise<IssuerIdentity>;
}
