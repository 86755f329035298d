import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { passwordResetsPerHour } from './passwordResetService.js';
import { goodPassword, openAccessFixture, origin, type AccessFixture } from './testing/accessFixture.js';

const newPassword = 'a fresh passphrase for spring';

describe.each(testDatabaseTargets())('password reset on $name', (target) => {
  let f: AccessFixture;

  async function requestLink(email: string, locale: 'ko' | 'en' = 'en'): Promise<string | null> {
    const sent = f.mail.length;
    const { delivery } = await f.passwordResets.requestReset(email, locale, origin);
    await delivery;
    if (f.mail.length === sent) return null;
    return /\/console\/password-reset\/(\S+)/.exec(f.mail.at(-1)!.text)![1]!;
  }

  beforeAll(async () => {
    f = await openAccessFixture(target);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('answers the same for an unknown address, and sends nothing', async () => {
    await expect(f.passwordResets.requestReset('nobody@example.org', 'en', origin)).resolves.toMatchObject({});
    expect(await requestLink('nobody@example.org')).toBeNull();
    await expect(f.passwordResets.requestReset('not an address', 'en', origin)).rejects.toMatchObject({
      fields: { email: 'email.invalid' }
    });
  });

  it('sets the new password once and signs out every session', async () => {
    const { email } = await f.createAccount();
    const sessions = [
      await f.auth.signIn({ email, password: goodPassword, address: '203.0.113.1', previousToken: null }),
      await f.auth.signIn({ email, password: goodPassword, address: '203.0.113.2', previousToken: null })
    ];
    const token = (await requestLink(email.toUpperCase(), 'ko'))!;
    expect(f.mail.at(-1)).toMatchObject({ to: email, subject: '새 비밀번호 정하기' });

    await expect(f.passwordResets.resetPassword(token, 'short')).rejects.toMatchObject({
      fields: { password: 'password.too_short' }
    });
    await f.passwordResets.resetPassword(token, newPassword);
    for (const session of sessions) expect(await f.auth.sessionFor(session.token)).toBeNull();
    await expect(
      f.auth.signIn({ email, password: newPassword, address: '203.0.113.3', previousToken: null })
    ).resolves.toBeTruthy();
    await expect(f.passwordResets.resetPassword(token, 'another passphrase entirely')).rejects.toMatchObject({
      code: 'password_reset.used'
    });
  });

  it('lifts a sign-in lock', async () => {
    const { email } = await f.createAccount();
    for (let i = 0; i < 5; i++) {
      await f.auth
        .signIn({ email, password: `wrong password ${i}`, address: '203.0.113.9', previousToken: null })
        .catch(() => undefined);
    }
    await expect(
      f.auth.signIn({ email, password: goodPassword, address: '203.0.113.9', previousToken: null })
    ).rejects.toMatchObject({
      code: 'auth.locked'
    });
    await f.passwordResets.resetPassword((await requestLink(email))!, newPassword);
    await expect(
      f.auth.signIn({ email, password: newPassword, address: '203.0.113.9', previousToken: null })
    ).resolves.toBeTruthy();
  });

  it('expires after an hour and refuses tampered links', async () => {
    const { email } = await f.createAccount();
    const token = (await requestLink(email))!;
    await expect(
      f.passwordResets.checkResetLink(token.replace(/\.(\d+)\./, (_m, s: string) => `.${Number(s) + 1}.`))
    ).rejects.toMatchObject({
      code: 'password_reset.invalid'
    });
    f.advance(60 * 60 * 1000);
    await expect(f.passwordResets.checkResetLink(token)).rejects.toMatchObject({ code: 'password_reset.expired' });
  });

  it('sends at most three links an hour to one account', async () => {
    const { email } = await f.createAccount();
    const links = [];
    for (let i = 0; i < passwordResetsPerHour + 1; i++) links.push(await requestLink(email));
    expect(links.filter(Boolean)).toHaveLength(passwordResetsPerHour);
    f.advance(60 * 60 * 1000);
    expect(await requestLink(email)).not.toBeNull();
  });
});
