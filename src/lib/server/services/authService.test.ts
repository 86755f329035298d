import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../domain/access/accessError.js';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { sessionAbsoluteMs, sessionIdleMs } from './accountSessions.js';
import { tokenHash } from '../auth/signer.js';
import { editionA, goodPassword, openAccessFixture, type AccessFixture } from './testing/accessFixture.js';

const minute = 60_000;

async function refusal(attempt: Promise<unknown>): Promise<AccessError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e
  );
  if (!(error instanceof AccessError)) throw new Error(`expected an AccessError, got ${String(error)}`);
  return error;
}

describe.each(testDatabaseTargets())('signing in and out on $name', (target) => {
  let f: AccessFixture;
  let address = 0;
  /** A fresh client address per test, so the per-address limit of one test does not touch another. */
  const nextAddress = () => `192.0.2.${++address}`;

  beforeAll(async () => {
    f = await openAccessFixture(target);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('signs in whatever the case of the address, and keeps only a hash of the token', async () => {
    const { id, email } = await f.createAccount({ grants: [[editionA, 'moderator']] });
    const started = await f.auth.signIn({
      email: `  ${email.toUpperCase()} `,
      password: goodPassword,
      address: nextAddress(),
      previousToken: null
    });
    expect(Buffer.from(started.token, 'base64url')).toHaveLength(32);
    expect(started.expiresAt.getTime() - f.now().getTime()).toBe(sessionAbsoluteMs);

    const session = await f.auth.sessionFor(started.token);
    expect(session?.account).toMatchObject({
      id,
      email,
      isAdmin: false,
      grants: [{ editionId: editionA, role: 'moderator' }]
    });
    const rows = await f.database.db
      .selectFrom('account_session')
      .select('token_hash')
      .where('account_id', '=', id)
      .execute();
    expect(rows).toEqual([{ token_hash: tokenHash(started.token) }]);
  });

  it('gives the same answer for a wrong password and an unknown address', async () => {
    const { email } = await f.createAccount();
    const address = nextAddress();
    const wrong = await refusal(
      f.auth.signIn({ email, password: 'not the password at all', address, previousToken: null })
    );
    const unknown = await refusal(
      f.auth.signIn({ email: 'nobody@example.org', password: goodPassword, address, previousToken: null })
    );
    expect(wrong.code).toBe('auth.invalid_credentials');
    expect(unknown.code).toBe('auth.invalid_credentials');
  });

  it('locks an account for 15 minutes after 5 failures in a row, even for the right password', async () => {
    const { email } = await f.createAccount();
    const address = nextAddress();
    for (let i = 0; i < 4; i++) {
      expect(
        (await refusal(f.auth.signIn({ email, password: `wrong password ${i}`, address, previousToken: null }))).code
      ).toBe('auth.invalid_credentials');
    }
    const fifth = await refusal(f.auth.signIn({ email, password: 'wrong password 5', address, previousToken: null }));
    expect(fifth.code).toBe('auth.locked');
    expect(fifth.retryAt).toEqual(new Date(f.now().getTime() + 15 * minute));

    const locked = await refusal(f.auth.signIn({ email, password: goodPassword, address, previousToken: null }));
    expect(locked.code).toBe('auth.locked');
    f.advance(15 * minute);
    await expect(f.auth.signIn({ email, password: goodPassword, address, previousToken: null })).resolves.toBeTruthy();
  });

  it('answers an unknown address with the same lock after 5 failures', async () => {
    const address = nextAddress();
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        (
          await refusal(
            f.auth.signIn({ email: 'ghost@example.org', password: goodPassword, address, previousToken: null })
          )
        ).code
      );
    }
    expect(codes).toEqual([
      'auth.invalid_credentials',
      'auth.invalid_credentials',
      'auth.invalid_credentials',
      'auth.invalid_credentials',
      'auth.locked',
      'auth.locked'
    ]);
    f.advance(15 * minute);
  });

  it('starts counting again after a successful sign-in', async () => {
    const { email } = await f.createAccount();
    const address = nextAddress();
    const fail = () => refusal(f.auth.signIn({ email, password: 'wrong password here', address, previousToken: null }));
    for (let i = 0; i < 4; i++) await fail();
    await f.auth.signIn({ email, password: goodPassword, address, previousToken: null });
    for (let i = 0; i < 4; i++) expect((await fail()).code).toBe('auth.invalid_credentials');
  });

  it('limits failed sign-ins per client address to 20 in 10 minutes, whatever the address tried', async () => {
    const address = nextAddress();
    const { email } = await f.createAccount();
    for (let i = 0; i < 20; i++) {
      await refusal(
        f.auth.signIn({
          email: `someone-${i}@example.org`,
          password: 'wrong password here',
          address,
          previousToken: null
        })
      );
    }
    const limited = await refusal(f.auth.signIn({ email, password: goodPassword, address, previousToken: null }));
    expect(limited.code).toBe('auth.rate_limited');
    expect(limited.retryAt!.getTime()).toBeGreaterThan(f.now().getTime());
    // Another address is not affected; this one is let in again after the window.
    await expect(
      f.auth.signIn({ email, password: goodPassword, address: nextAddress(), previousToken: null })
    ).resolves.toBeTruthy();
    f.advance(10 * minute);
    await expect(f.auth.signIn({ email, password: goodPassword, address, previousToken: null })).resolves.toBeTruthy();
  });

  it('rotates the session at sign-in: the browser’s previous token stops working', async () => {
    const { email } = await f.createAccount();
    const address = nextAddress();
    const first = await f.auth.signIn({ email, password: goodPassword, address, previousToken: null });
    const second = await f.auth.signIn({ email, password: goodPassword, address, previousToken: first.token });
    expect(second.token).not.toBe(first.token);
    expect(await f.auth.sessionFor(first.token)).toBeNull();
    expect((await f.auth.sessionFor(second.token))?.id).toBe(second.id);
  });

  it('signs out one session, or every session of the account', async () => {
    const { email } = await f.createAccount();
    const other = await f.createAccount();
    const address = nextAddress();
    const signIn = (who: string) => f.auth.signIn({ email: who, password: goodPassword, address, previousToken: null });
    const [phone, laptop, tablet, stranger] = [
      await signIn(email),
      await signIn(email),
      await signIn(email),
      await signIn(other.email)
    ];

    await f.auth.signOut(phone.token);
    expect(await f.auth.sessionFor(phone.token)).toBeNull();
    expect(await f.auth.sessionFor(laptop.token)).not.toBeNull();

    const session = await f.auth.sessionFor(laptop.token);
    expect(await f.auth.signOutEverywhere(session!.account)).toBe(2);
    expect(await f.auth.sessionFor(laptop.token)).toBeNull();
    expect(await f.auth.sessionFor(tablet.token)).toBeNull();
    expect(await f.auth.sessionFor(stranger.token)).not.toBeNull();
  });

  it('ends a session after 12 idle hours, and after 7 days however active', async () => {
    const { email } = await f.createAccount();
    const idle = await f.auth.signIn({ email, password: goodPassword, address: nextAddress(), previousToken: null });
    f.advance(sessionIdleMs - minute);
    expect(await f.auth.sessionFor(idle.token)).not.toBeNull();
    f.advance(sessionIdleMs - minute);
    expect(await f.auth.sessionFor(idle.token)).not.toBeNull();
    f.advance(sessionIdleMs);
    expect(await f.auth.sessionFor(idle.token)).toBeNull();

    const busy = await f.auth.signIn({ email, password: goodPassword, address: nextAddress(), previousToken: null });
    for (let hours = 0; hours < 7 * 24 - 6; hours += 6) {
      f.advance(6 * 60 * minute);
      expect(await f.auth.sessionFor(busy.token), `after ${hours + 6} hours`).not.toBeNull();
    }
    f.advance(6 * 60 * minute);
    expect(await f.auth.sessionFor(busy.token)).toBeNull();
  });

  it('ignores tokens that are not tokens', async () => {
    expect(await f.auth.sessionFor('')).toBeNull();
    expect(await f.auth.sessionFor('x'.repeat(5000))).toBeNull();
    expect(await f.auth.sessionFor('A'.repeat(43))).toBeNull();
  });

  it('changes the password only with the current one, and signs out the other sessions', async () => {
    const { email } = await f.createAccount();
    const address = nextAddress();
    const here = await f.auth.signIn({ email, password: goodPassword, address, previousToken: null });
    const elsewhere = await f.auth.signIn({ email, password: goodPassword, address, previousToken: null });
    const account = (await f.auth.sessionFor(here.token))!.account;

    const wrong = await refusal(
      f.auth.changePassword(account, {
        currentPassword: 'not my password!',
        newPassword: 'a brand new passphrase',
        currentToken: here.token
      })
    );
    expect(wrong).toMatchObject({ code: 'auth.wrong_password', fields: { currentPassword: 'auth.wrong_password' } });
    const weak = await refusal(
      f.auth.changePassword(account, { currentPassword: goodPassword, newPassword: 'short', currentToken: here.token })
    );
    expect(weak).toMatchObject({ fields: { newPassword: 'password.too_short' } });

    const fresh = await f.auth.changePassword(account, {
      currentPassword: goodPassword,
      newPassword: 'a brand new passphrase',
      currentToken: here.token
    });
    expect(await f.auth.sessionFor(fresh.token)).not.toBeNull();
    expect(await f.auth.sessionFor(here.token)).toBeNull();
    expect(await f.auth.sessionFor(elsewhere.token)).toBeNull();
    expect((await refusal(f.auth.signIn({ email, password: goodPassword, address, previousToken: null }))).code).toBe(
      'auth.invalid_credentials'
    );
    await expect(
      f.auth.signIn({ email, password: 'a brand new passphrase', address, previousToken: null })
    ).resolves.toBeTruthy();
  });
});
