import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import type { SignedInAccount } from './accountSessions.js';
import {
  editionA,
  editionB,
  goodPassword,
  openAccessFixture,
  origin,
  type AccessFixture
} from './testing/accessFixture.js';

describe.each(testDatabaseTargets())('people and editions on $name', (target) => {
  let f: AccessFixture;
  const as = async (email: string): Promise<SignedInAccount> => {
    const started = await f.auth.signIn({
      email,
      password: goodPassword,
      address: '198.51.100.7',
      previousToken: null
    });
    return (await f.auth.sessionFor(started.token))!.account;
  };

  beforeAll(async () => {
    f = await openAccessFixture(target);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('shows each account the editions it may act on, with its roles', async () => {
    const admin = await as((await f.createAccount({ isAdmin: true })).email);
    const speaker = await as(
      (
        await f.createAccount({
          grants: [
            [editionB, 'speaker'],
            [editionB, 'captioner']
          ]
        })
      ).email
    );
    const nobody = await as((await f.createAccount()).email);
    expect((await f.people.editionsFor(admin)).map((e) => [e.edition.id, e.roles])).toEqual(
      expect.arrayContaining([
        [editionA, ['admin']],
        [editionB, ['admin']]
      ])
    );
    expect((await f.people.editionsFor(speaker)).map((e) => [e.edition.id, e.roles])).toEqual([
      [editionB, ['speaker', 'captioner']]
    ]);
    expect(await f.people.editionsFor(nobody)).toEqual([]);
  });

  it('shows an edition admin only the people and invitations of their edition', async () => {
    const editionAdmin = await as(
      (await f.createAccount({ email: 'ea@example.org', grants: [[editionA, 'admin']] })).email
    );
    await f.createAccount({ email: 'on-a@example.org', grants: [[editionA, 'moderator']] });
    await f.createAccount({ email: 'on-b@example.org', grants: [[editionB, 'moderator']] });
    await f.invitations.invite(
      editionAdmin,
      { email: 'invited@example.org', editionId: editionA, role: 'speaker', locale: 'en' },
      origin
    );

    const overview = await f.people.overview(editionAdmin);
    expect(overview.editions.map((e) => e.id)).toEqual([editionA]);
    const emails = overview.people.map((p) => p.email);
    expect(emails).toContain('on-a@example.org');
    expect(emails).not.toContain('on-b@example.org');
    expect(overview.people.flatMap((p) => p.grants).every((g) => g.edition.id === editionA)).toBe(true);
    expect(overview.invitations.map((i) => i.email)).toEqual(['invited@example.org']);
  });

  it('refuses the people page to anyone who manages no edition', async () => {
    const moderator = await as((await f.createAccount({ grants: [[editionA, 'moderator']] })).email);
    await expect(f.people.overview(moderator)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('revokes a role on an edition the actor manages, and nowhere else', async () => {
    const editionAdmin = await as((await f.createAccount({ grants: [[editionA, 'admin']] })).email);
    const target = await f.createAccount({
      grants: [
        [editionA, 'producer'],
        [editionB, 'producer']
      ]
    });
    const [onA, onB] = await f.repositories.accounts.grantsOf(target.id);

    await expect(f.people.revokeRole(editionAdmin, onB!.id)).rejects.toMatchObject({ code: 'auth.forbidden' });
    await f.people.revokeRole(editionAdmin, onA!.id);
    expect((await f.repositories.accounts.grantsOf(target.id)).map((g) => g.editionId)).toEqual([editionB]);
    await expect(f.people.revokeRole(editionAdmin, onA!.id)).rejects.toMatchObject({ code: 'role_grant.not_found' });
    await expect(f.people.revokeRole(editionAdmin, 'not-a-uuid')).rejects.toMatchObject({
      code: 'role_grant.not_found'
    });
  });
});
