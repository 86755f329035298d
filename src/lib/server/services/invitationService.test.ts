import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import type { SignedInAccount } from './accountSessions.js';
import { invitationValidDays } from './invitationService.js';
import {
  editionA,
  editionB,
  goodPassword,
  openAccessFixture,
  origin,
  type AccessFixture
} from './testing/accessFixture.js';

const day = 24 * 60 * 60 * 1000;

describe.each(testDatabaseTargets())('invitations on $name', (target) => {
  let f: AccessFixture;
  let admin: SignedInAccount;

  /** Signs in an account made by the fixture and returns who the console sees. */
  async function signedIn(
    email: string,
    password = goodPassword
  ): Promise<{ account: SignedInAccount; token: string }> {
    const started = await f.auth.signIn({ email, password, address: '198.51.100.1', previousToken: null });
    return { account: (await f.auth.sessionFor(started.token))!.account, token: started.token };
  }

  /** Invites someone and returns the token from the link in the mail. */
  async function invite(by: SignedInAccount, email: string, role = 'moderator', editionId = editionA): Promise<string> {
    await f.invitations.invite(by, { email, editionId, role, locale: 'en' }, origin);
    const text = f.mail.at(-1)!.text;
    const link = /https:\/\/forum\.example\.org\/console\/invitations\/(\S+)/.exec(text);
    return link![1]!;
  }

  beforeAll(async () => {
    f = await openAccessFixture(target);
    const { email } = await f.createAccount({ isAdmin: true });
    admin = (await signedIn(email)).account;
  });
  afterAll(async () => {
    await f?.close();
  });

  it('mails a signed link in the chosen language, valid for 7 days', async () => {
    await f.invitations.invite(
      admin,
      { email: 'mo@example.org', editionId: editionA, role: 'moderator', locale: 'ko' },
      origin
    );
    const mail = f.mail.at(-1)!;
    expect(mail.to).toBe('mo@example.org');
    expect(mail.subject).toBe('초대: 회차 edition-a');
    expect(mail.text).toContain('진행 보조(모더레이터)');
    const token = /\/console\/invitations\/(\S+)/.exec(mail.text)![1]!;
    const view = await f.invitations.view(token, null);
    expect(view).toMatchObject({ email: 'mo@example.org', role: 'moderator', next: 'create-account' });
    expect(view.expiresAt.getTime()).toBe(Math.floor((f.now().getTime() + invitationValidDays * day) / 1000) * 1000);
  });

  it('creates the account on acceptance, signs it in, and works only once', async () => {
    const token = await invite(admin, 'new.moderator@example.org');
    const session = await f.invitations.accept(
      token,
      null,
      { displayName: 'New Moderator', password: goodPassword, locale: 'en' },
      null
    );
    const account = (await f.auth.sessionFor(session!.token))!.account;
    expect(account).toMatchObject({
      email: 'new.moderator@example.org',
      isAdmin: false,
      grants: [{ editionId: editionA, role: 'moderator' }]
    });

    await expect(f.invitations.view(token, null)).rejects.toMatchObject({ code: 'invitation.used' });
    await expect(
      f.invitations.accept(token, null, { displayName: 'Someone Else', password: goodPassword, locale: 'en' }, null)
    ).rejects.toMatchObject({ code: 'invitation.used' });
  });

  it('refuses an expired or tampered link', async () => {
    const token = await invite(admin, 'late@example.org');
    const [id, seconds, mac] = token.split('.');
    await expect(f.invitations.view(`${id}.${Number(seconds) + day / 1000}.${mac}`, null)).rejects.toMatchObject({
      code: 'invitation.invalid'
    });
    await expect(f.invitations.view(`${id}.${seconds}.${mac!.slice(1)}x`, null)).rejects.toMatchObject({
      code: 'invitation.invalid'
    });
    await expect(
      f.invitations.view(
        token.replace(/^[0-9a-f]/, (c) => (c === 'a' ? 'b' : 'a')),
        null
      )
    ).rejects.toMatchObject({
      code: 'invitation.invalid'
    });
    f.advance(invitationValidDays * day);
    await expect(f.invitations.view(token, null)).rejects.toMatchObject({ code: 'invitation.expired' });
    await expect(
      f.invitations.accept(token, null, { displayName: 'Late Comer', password: goodPassword, locale: 'en' }, null)
    ).rejects.toMatchObject({ code: 'invitation.expired' });
  });

  it('adds the role to an existing account only when that account is signed in', async () => {
    const existing = await f.createAccount({ email: 'speaker@example.org', grants: [[editionA, 'speaker']] });
    const other = await f.createAccount();
    const token = await invite(admin, 'Speaker@Example.org', 'captioner', editionB);

    expect((await f.invitations.view(token, null)).next).toBe('sign-in');
    await expect(f.invitations.accept(token, null, null, null)).rejects.toMatchObject({
      code: 'invitation.sign_in_required'
    });
    const stranger = (await signedIn(other.email)).account;
    expect((await f.invitations.view(token, stranger)).next).toBe('wrong-account');
    await expect(f.invitations.accept(token, stranger, null, null)).rejects.toMatchObject({
      code: 'invitation.wrong_account'
    });

    const owner = await signedIn(existing.email);
    expect((await f.invitations.view(token, owner.account)).next).toBe('accept');
    expect(await f.invitations.accept(token, owner.account, null, owner.token)).toBeNull();
    const after = (await f.auth.sessionFor(owner.token))!.account;
    expect(after.grants).toEqual([
      { editionId: editionA, role: 'speaker' },
      { editionId: editionB, role: 'captioner' }
    ]);
  });

  it('lets only people who manage an edition invite to it', async () => {
    const editionAdmin = await f.createAccount({ grants: [[editionA, 'admin']] });
    const producer = await f.createAccount({ grants: [[editionA, 'producer']] });
    const asEditionAdmin = (await signedIn(editionAdmin.email)).account;
    const asProducer = (await signedIn(producer.email)).account;
    const sent = f.mail.length;

    await expect(
      f.invitations.invite(
        asEditionAdmin,
        { email: 'x@example.org', editionId: editionA, role: 'speaker', locale: 'en' },
        origin
      )
    ).resolves.toEqual({ email: 'x@example.org' });
    await expect(
      f.invitations.invite(
        asEditionAdmin,
        { email: 'x@example.org', editionId: editionB, role: 'speaker', locale: 'en' },
        origin
      )
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(
      f.invitations.invite(
        asProducer,
        { email: 'x@example.org', editionId: editionA, role: 'speaker', locale: 'en' },
        origin
      )
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    expect(f.mail.length).toBe(sent + 1);
  });

  it('checks every field of an invitation', async () => {
    await expect(
      f.invitations.invite(
        admin,
        { email: 'not-an-address', editionId: 'no-such-edition', role: 'owner', locale: 'en' },
        origin
      )
    ).rejects.toMatchObject({
      fields: { email: 'email.invalid', role: 'role.invalid', edition: 'invitation.edition_unknown' }
    });
  });

  it('withdraws the invitation when the mail cannot be sent', async () => {
    f.failNextMail();
    const before = (await f.repositories.invitations.pending(null, f.now())).length;
    await expect(
      f.invitations.invite(
        admin,
        { email: 'unlucky@example.org', editionId: editionA, role: 'speaker', locale: 'en' },
        origin
      )
    ).rejects.toMatchObject({ code: 'mail.not_sent' });
    expect((await f.repositories.invitations.pending(null, f.now())).length).toBe(before);
  });
});
