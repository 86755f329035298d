import { describe, expect, it } from 'vitest';
import { decideIdentityLink, type IssuerIdentity } from './identityLinking.js';

const identity: IssuerIdentity = {
  issuer: 'https://accounts.seoul.example',
  subject: 'sub-1',
  email: 'ada@example.org',
  emailVerified: true
};

describe('which account an issuer identity signs in as', () => {
  it('signs in as the linked account, whatever the e-mail says now', () => {
    expect(
      decideIdentityLink(
        { ...identity, email: 'other@example.org', emailVerified: false },
        { linkedAccountId: 'a1', accountWithEmail: null }
      )
    ).toEqual({
      kind: 'sign_in',
      accountId: 'a1'
    });
  });

  it('links to the account with the same verified address', () => {
    expect(
      decideIdentityLink(identity, { linkedAccountId: null, accountWithEmail: { id: 'a1', subjectAtIssuer: null } })
    ).toEqual({
      kind: 'link_and_sign_in',
      accountId: 'a1'
    });
  });

  it('never links on an address the issuer has not verified, or no address at all', () => {
    const facts = { linkedAccountId: null, accountWithEmail: { id: 'a1', subjectAtIssuer: null } };
    expect(decideIdentityLink({ ...identity, emailVerified: false }, facts)).toEqual({
      kind: 'refuse',
      code: 'oidc.email_unverified'
    });
    expect(decideIdentityLink({ ...identity, email: null }, facts)).toEqual({
      kind: 'refuse',
      code: 'oidc.email_unverified'
    });
  });

  it('creates no account for someone unknown', () => {
    expect(decideIdentityLink(identity, { linkedAccountId: null, accountWithEmail: null })).toEqual({
      kind: 'refuse',
      code: 'oidc.no_account'
    });
  });

  it('refuses a second identity at the same issuer for an account (a recycled address)', () => {
    expect(
      decideIdentityLink(identity, { linkedAccountId: null, accountWithEmail: { id: 'a1', subjectAtIssuer: 'sub-0' } })
    ).toEqual({
      kind: 'refuse',
      code: 'oidc.linked_elsewhere'
    });
  });
});
