/**
 * The issuer over `openid-client` (v6): discovery once (and again after a
 * failure, so an issuer that was down at start is picked up later), the
 * authorization code flow with PKCE (S256), state and nonce, and the ID
 * token's claims, topped up from the UserInfo endpoint when the ID token
 * leaves out the e-mail (many issuers only put it there). Library errors
 * become `OidcError`s with the library's words kept for the log.
 */
import * as client from 'openid-client';
import type { IssuerIdentity } from '../../domain/access/identityLinking.js';
import { OidcError } from '../../domain/access/oidcError.js';
import type { OidcConfig } from '../config.js';
import type { FlowSecrets, IdentityIssuer } from './identityIssuer.js';

/** Seconds to wait for the issuer before telling the reader it did not answer. */
const issuerTimeoutSeconds = 10;

export class OpenIdIssuer implements IdentityIssuer {
  #configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: OidcConfig) {}

  async authorizationRequest(redirectUri: string): Promise<{ url: URL; secrets: FlowSecrets }> {
    const configuration = await this.#discover();
    const secrets: FlowSecrets = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier()
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email',
      response_type: 'code',
      state: secrets.state,
      nonce: secrets.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(secrets.verifier),
      code_challenge_method: 'S256'
    });
    return { url, secrets };
  }

  async identify(callbackUrl: URL, secrets: FlowSecrets): Promise<IssuerIdentity> {
    const configuration = await this.#discover();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: secrets.verifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true
      });
      const idToken = tokens.claims();
      if (!idToken) throw new OidcError('oidc.exchange_failed', 'no ID token in the token response');
      let claims: Record<string, unknown> = idToken;
      if (typeof idToken.email !== 'string') {
        claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
      }
      return {
        issuer: configuration.serverMetadata().issuer,
        subject: idToken.sub,
        email: typeof claims.email === 'string' && claims.email.length <= 254 ? claims.email : null,
        emailVerified: claims.email_verified === true
      };
    } catch (error) {
      throw asOidcError(error, 'oidc.exchange_failed');
    }
  }

  #discover(): Promise<client.Configuration> {
    this.#configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, {
        timeout: issuerTimeoutSeconds,
        // Plain http is only accepted by the configuration for loopback issuers.
        execute: new URL(this.settings.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : []
      })
      .catch((error: unknown) => {
        this.#configuration = null;
        throw asOidcError(error, 'oidc.unreachable');
      });
    return this.#configuration;
  }
}

/** What went wrong, in our codes: the network, the issuer saying no, or anything else with the exchange. */
function asOidcError(error: unknown, otherwise: 'oidc.exchange_failed' | 'oidc.unreachable'): OidcError {
  if (error instanceof OidcError) return error;
  if (error instanceof client.AuthorizationResponseError)
    return new OidcError('oidc.issuer_refused', `${error.error}: ${error.error_description ?? ''}`);
  const detail = describe(error);
  return new OidcError(isNetworkFailure(error) ? 'oidc.unreachable' : otherwise, detail);
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'OAUTH_TIMEOUT',
  'OAUTH_ABORT'
]);

function isNetworkFailure(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (networkCodes.has(code) || code.startsWith('UND_ERR_'))) return true;
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError' || cause.message === 'fetch failed') return true;
  }
  return false;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++)
    parts.push(cause.message);
  return parts.join(' ← ') || String(error);
}
