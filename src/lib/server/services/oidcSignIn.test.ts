import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuerIdentity } from '../../domain/access/identityLinking.js';
import { OidcError, type OidcErrorCode } from '../../domain/access/oidcError.js';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { Signer } from '../auth/signer.js';
import { openAccessFixture, origin, type AccessFixture } from './testing/accessFixture.js';
import type { FlowSecrets, IdentityIssuer } from '../auth/identityIssuer.js';
import { callbackPath, flowLifetimeMs, OidcSignIn } from './oidcSignIn.js';

const issuerId = 'https://accounts.seoul.example';

/** An issuer that says whoever the test wants, after checking it got the secrets of this attempt. */
class FakeIssuer implements IdentityIssuer {
  next: Partial<IssuerIdentity> | OidcError = {};
  #counter = 0;

  async authorizationRequest(redirectUri: string) {
    const n = ++this.#counter;
    const secrets = { state: `state-${n}`, nonce: `nonce-${n}`, verifier: `verifier-${n}` };
    const url = new URL(`${issuerId}/auth`);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('state', secrets.state);
    return { url, secrets };
  }

  async identify(callbackUrl: URL, secrets: FlowSecrets): Promise<IssuerIdentity> {
    if (callbackUrl.searchParams.get('code') !== `code-for-${secrets.nonce}`)
      throw new OidcError('oidc.exchange_failed', 'wrong code');
    if (this.next instanceof OidcError) throw this.next;
    return { issuer: issuerId, subject: 'sub-1', email: null, emailVerified: false, ...this.next };
  }
}

async function refusal(attempt: Promise<unknown>): Promise<OidcErrorCode> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e
  );
  if (!(error instanceof OidcError)) throw new Error(`expected an OidcError, got ${String(error)}`);
  return error.code;
}

describe.each(testDatabaseTargets())('signing in through an OpenID Connect issuer on $name', (target) => {
  let f: AccessFixture;
  let issuer: FakeIssuer;
  let oidc: OidcSignIn;
  const log = { info: () => undefined, warn: () => undefined };

  beforeAll(async () => {
    f = await openAccessFixture(target);
    issuer = new FakeIssuer();
    oidc = new OidcSignIn(
      'Seoul city account',
      issuer,
      f.repositories,
      new Signer(randomBytes(32).toString('base64url')),
      log,
      f.now
    );
  });
  afterAll(async () => {
    await f?.close();
  });

  /** Begins a sign-in and comes back from the issuer as it would. */
  async function roundTrip(
    identity: Partial<IssuerIdentity> | OidcError,
    options: { next?: string; previousToken?: string; tamper?: (u: URL) => void } = {}
  ) {
    issuer.next = identity;
    const begun = await oidc.begin(origin, options.next ?? null);
    const sent = new URL(begun.location);
    expect(sent.searchParams.get('redirect_uri')).toBe(`${origin}${callbackPath}`);
    const back = new URL(`${origin}${callbackPath}`);
    back.searchParams.set('code', `code-for-nonce-${sent.searchParams.get('state')!.slice(6)}`);
    back.searchParams.set('state', sent.searchParams.get('state')!);
    options.tamper?.(back);
    return { begun, finish: () => oidc.finish(back, begun.flowCookie, options.previousToken ?? null) };
  }

  it('links the account with the verified e-mail, signs in, and reuses the link next time', async () => {
    const { id, email } = await f.createAccount();
    const first = await roundTrip(
      { subject: 'sub-ada', email: email.toUpperCase(), emailVerified: true },
      { next: '/console/people' }
    );
    const signedIn = await first.finish();
    expect(signedIn).toMatchObject({ accountId: id, next: '/console/people' });
    expect((await f.auth.sessionFor(signedIn.session.token))?.account.id).toBe(id);
    expect(await f.repositories.identities.find(issuerId, 'sub-ada')).toMatchObject({
      accountId: id,
      email: email.toUpperCase()
    });

    // The issuer no longer vouches for the address: the stored link still holds, and the old session ends.
    const second = await (
      await roundTrip(
        { subject: 'sub-ada', email: 'renamed@example.org', emailVerified: false },
        { previousToken: signedIn.session.token }
      )
    ).finish();
    expect(second.accountId).toBe(id);
    expect(await f.auth.sessionFor(signedIn.session.token)).toBeNull();
    expect(await f.auth.sessionFor(second.session.token)).not.toBeNull();
  });

  it('refuses an unverified address, an unknown person and a second identity for a linked account, storing nothing', async () => {
    const { id, email } = await f.createAccount();
    expect(await refusal((await roundTrip({ subject: 'sub-x', email, emailVerified: false })).finish())).toBe(
      'oidc.email_unverified'
    );
    expect(await refusal((await roundTrip({ subject: 'sub-x', email: null, emailVerified: true })).finish())).toBe(
      'oidc.email_unverified'
    );
    expect(
      await refusal((await roundTrip({ subject: 'sub-x', email: 'nobody@example.org', emailVerified: true })).finish())
    ).toBe('oidc.no_account');
    expect(await f.repositories.identities.find(issuerId, 'sub-x')).toBeNull();

    await (await roundTrip({ subject: 'sub-owner', email, emailVerified: true })).finish();
    expect(await refusal((await roundTrip({ subject: 'sub-newcomer', email, emailVerified: true })).finish())).toBe(
      'oidc.linked_elsewhere'
    );
    expect((await f.repositories.identities.ofAccount(id, issuerId))?.subject).toBe('sub-owner');
  });

  it('lets two simultaneous first sign-ins of one person both in, with one link stored', async () => {
    const { id, email } = await f.createAccount();
    const who = { subject: 'sub-twice', email, emailVerified: true };
    const attempts = [await roundTrip(who), await roundTrip(who)];
    const results = await Promise.all(attempts.map((a) => a.finish()));
    expect(results.map((r) => r.accountId)).toEqual([id, id]);
    expect(await f.repositories.identities.find(issuerId, 'sub-twice')).toMatchObject({ accountId: id });
    expect(
      await f.repositories.identities.link({
        id: randomUUID(),
        accountId: id,
        issuer: issuerId,
        subject: 'sub-twice',
        email,
        linkedAt: new Date()
      })
    ).toBe(false);
  });

  it('refuses a changed state, a missing or altered cookie, an expired attempt and an issuer that said no', async () => {
    const { email } = await f.createAccount();
    const who = { subject: 'sub-z', email, emailVerified: true };
    expect(
      await refusal((await roundTrip(who, { tamper: (u) => u.searchParams.set('state', 'state-999') })).finish())
    ).toBe('oidc.state_invalid');
    expect(await refusal((await roundTrip(who, { tamper: (u) => u.searchParams.delete('state') })).finish())).toBe(
      'oidc.state_invalid'
    );

    const { begun } = await roundTrip(who);
    const url = new URL(`${origin}${callbackPath}?code=x&state=y`);
    expect(await refusal(oidc.finish(url, null, null))).toBe('oidc.state_invalid');
    expect(await refusal(oidc.finish(url, `x${begun.flowCookie}`, null))).toBe('oidc.state_invalid');

    const late = await roundTrip(who);
    f.advance(flowLifetimeMs);
    expect(await refusal(late.finish())).toBe('oidc.expired');

    const denied = await roundTrip(who, {
      tamper: (u) => (u.search = `?error=access_denied&state=${u.searchParams.get('state')}`)
    });
    expect(await refusal(denied.finish())).toBe('oidc.issuer_refused');
    expect(await refusal((await roundTrip(new OidcError('oidc.unreachable'))).finish())).toBe('oidc.unreachable');
    expect(await f.repositories.identities.find(issuerId, 'sub-z')).toBeNull();
  });
});
