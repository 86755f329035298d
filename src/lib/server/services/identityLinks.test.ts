import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import type { SignedInAccount } from './accountSessions.js';
import { goodPassword, openAccessFixture, type AccessFixture } from './testing/accessFixture.js';

const issuer = 'https://accounts.seoul.example';

describe.each(testDatabaseTargets())('identities linked to an account on $name', (target) => {
  let f: AccessFixture;
  const as = async (email: string): Promise<SignedInAccount> => {
    const started = await f.auth.signIn({
      email,
      password: goodPassword,
      address: '198.51.100.9',
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

  it('lists an account’s own links and unlinks only its own', async () => {
    const ada = await as((await f.createAccount()).email);
    const bo = await as((await f.createAccount()).email);
    const adaLink = randomUUID();
    const boLink = randomUUID();
    await f.repositories.identities.link({
      id: adaLink,
      accountId: ada.id,
      issuer,
      subject: 'sub-ada',
      email: 'ada@example.org',
      linkedAt: f.now()
    });
    await f.repositories.identities.link({
      id: boLink,
      accountId: bo.id,
      issuer,
      subject: 'sub-bo',
      email: null,
      linkedAt: f.now()
    });

    expect(await f.identityLinks.list(ada)).toEqual([
      expect.objectContaining({ id: adaLink, issuer, email: 'ada@example.org' })
    ]);
    expect(await f.identityLinks.unlink(ada, boLink)).toBe('not_found');
    expect(await f.identityLinks.unlink(ada, 'not-an-id')).toBe('not_found');
    expect(await f.repositories.identities.find(issuer, 'sub-bo')).not.toBeNull();

    expect(await f.identityLinks.unlink(ada, adaLink)).toBe('unlinked');
    expect(await f.identityLinks.list(ada)).toEqual([]);
    expect(await f.repositories.identities.find(issuer, 'sub-ada')).toBeNull();
    expect(await f.identityLinks.unlink(ada, adaLink)).toBe('not_found');
  });
});
