/**
 * Signing in through an OpenID Connect issuer. `begin` sends the browser to
 * the issuer and seals the attempt's secrets (state, nonce, PKCE verifier,
 * where to go afterwards, an expiry) into a cookie only this server can
 * have written; `finish` checks the issuer's answer against that cookie,
 * asks the issuer who signed in, decides which account that is
 * (domain/access/identityLinking.ts) and starts a console session exactly
 * as the password sign-in does (rotation included). Every refusal is an
 * `OidcError`; the log gets the detail, the reader a sentence.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { normaliseEmail } from '../../domain/access/accountDetails.js';
import { decideIdentityLink } from '../../domain/access/identityLinking.js';
import { OidcError } from '../../domain/access/oidcError.js';
import { sessionIdleMs, startSession, type StartedSession } from './accountSessions.js';
import { safeNextPath } from '../http/nextPath.js';
import type { AccessRepositories } from '../db/accessRepositories.js';
import type { Signer } from '../auth/signer.js';
import type { FlowSecrets, IdentityIssuer } from '../auth/identityIssuer.js';

export const flowCookieName = 'madang_oidc';
export const flowCookiePath = '/console/sign-in/oidc';
/** Long enough to sign in at the issuer, short enough that a stolen cookie is soon worthless. */
export const flowLifetimeMs = 10 * 60 * 1000;
export const callbackPath = '/console/sign-in/oidc/callback';

interface Flow extends FlowSecrets {
  readonly next: string;
  /** Unix milliseconds. */
  readonly expiresAt: number;
}

export interface BegunSignIn {
  /** The issuer's authorization endpoint with the request in its query. */
  readonly location: string;
  /** The sealed cookie value for `flowCookieName`. */
  readonly flowCookie: string;
}

export interface FinishedSignIn {
  readonly session: StartedSession;
  readonly next: string;
  readonly accountId: string;
}

export class OidcSignIn {
  constructor(
    /** What the sign-in button calls the issuer. */
    readonly name: string,
    private readonly issuer: IdentityIssuer,
    private readonly repositories: AccessRepositories,
    private readonly signer: Signer,
    private readonly log: Pick<Logger, 'info' | 'warn'>,
    private readonly clock: () => Date = () => new Date()
  ) {}

  /** `origin` is the site's public origin; the issuer sends the browser back to `<origin>/console/sign-in/oidc/callback`. */
  async begin(origin: string, next: string | null): Promise<BegunSignIn> {
    const { url, secrets } = await this.issuer.authorizationRequest(`${origin}${callbackPath}`);
    const flow: Flow = { ...secrets, next: safeNextPath(next), expiresAt: this.clock().getTime() + flowLifetimeMs };
    return {
      location: url.href,
      flowCookie: this.signer.seal('oidc-flow', Buffer.from(JSON.stringify(flow)).toString('base64url'))
    };
  }

  /** `callbackUrl` is the callback as the issuer addressed it (public origin, path and query). */
  async finish(callbackUrl: URL, flowCookie: string | null, previousToken: string | null): Promise<FinishedSignIn> {
    const flow = this.#openFlow(flowCookie);
    const now = this.clock();
    if (flow.expiresAt <= now.getTime()) throw new OidcError('oidc.expired');
    const issuerError = callbackUrl.searchParams.get('error');
    if (issuerError !== null) {
      throw new OidcError(
        'oidc.issuer_refused',
        `${issuerError.slice(0, 100)}: ${(callbackUrl.searchParams.get('error_description') ?? '').slice(0, 300)}`
      );
    }
    if (!sameText(callbackUrl.searchParams.get('state') ?? '', flow.state))
      throw new OidcError('oidc.state_invalid', 'state differs from the cookie');

    const identity = await this.issuer.identify(callbackUrl, flow);
    const email = identity.email ? normaliseEmail(identity.email) : null;
    const outcome = await this.repositories.transaction(async (r) => {
      const linked = await r.identities.find(identity.issuer, identity.subject);
      const account = !linked && email && identity.emailVerified ? await r.accounts.findByEmail(email) : null;
      const decision = decideIdentityLink(identity, {
        linkedAccountId: linked?.accountId ?? null,
        accountWithEmail: account
          ? {
              id: account.id,
              subjectAtIssuer: (await r.identities.ofAccount(account.id, identity.issuer))?.subject ?? null
            }
          : null
      });
      if (decision.kind === 'refuse') return decision;
      if (decision.kind === 'link_and_sign_in') {
        const stored = await r.identities.link({
          id: randomUUID(),
          accountId: decision.accountId,
          issuer: identity.issuer,
          subject: identity.subject,
          email,
          linkedAt: now
        });
        // Lost a race with a simultaneous first sign-in: only the same link stored by the other one lets this one in.
        if (!stored && (await r.identities.find(identity.issuer, identity.subject))?.accountId !== decision.accountId) {
          return { kind: 'refuse', code: 'oidc.linked_elsewhere' } as const;
        }
      } else if (linked) {
        await r.identities.touch(linked.id, now);
      }
      await r.sessions.deleteExpired(now, new Date(now.getTime() - sessionIdleMs));
      return { ...decision, session: await startSession(r, decision.accountId, previousToken, now) };
    });
    if (outcome.kind === 'refuse') {
      throw new OidcError(
        outcome.code,
        `issuer ${identity.issuer}, subject ${identity.subject}, e-mail ${email ?? 'none'} (verified: ${identity.emailVerified})`
      );
    }
    this.log.info(
      { accountId: outcome.accountId, issuer: identity.issuer, linked: outcome.kind === 'link_and_sign_in' },
      outcome.kind === 'link_and_sign_in'
        ? 'linked an OpenID Connect identity and signed in'
        : 'signed in through OpenID Connect'
    );
    return { session: outcome.session, next: flow.next, accountId: outcome.accountId };
  }

  #openFlow(flowCookie: string | null): Flow {
    if (!flowCookie || flowCookie.length > 4000) throw new OidcError('oidc.state_invalid', 'no sign-in cookie');
    const value = this.signer.unseal('oidc-flow', flowCookie);
    if (value === null) throw new OidcError('oidc.state_invalid', 'the sign-in cookie was changed');
    // Only this server can have sealed it, so its shape is the one `begin` wrote.
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Flow;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
