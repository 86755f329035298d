import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { setupLinkValidMs } from './setupService.js';
import { goodPassword, openAccessFixture, type AccessFixture } from './testing/accessFixture.js';

const tokenOf = (path: string | null) => path!.replace('/console/setup/', '');
const details = { email: 'admin@example.org', displayName: 'Ada Admin', password: goodPassword, locale: 'ko' as const };

describe.each(testDatabaseTargets())('the first administrator on $name', (target) => {
  let f: AccessFixture;

  beforeAll(async () => {
    f = await openAccessFixture(target);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('offers the same link on every start until it expires, then a new one', async () => {
    const first = await f.setup.ensureSetupLink();
    expect(first).toMatch(/^\/console\/setup\/[0-9a-f-]{36}\.\d+\.[\w-]{43}$/);
    f.advance(setupLinkValidMs - 1000);
    expect(await f.setup.ensureSetupLink()).toBe(first);
    f.advance(1000);
    await expect(f.setup.checkSetupLink(tokenOf(first))).rejects.toMatchObject({ code: 'setup.expired' });
    const second = await f.setup.ensureSetupLink();
    expect(second).not.toBe(first);
    await expect(f.setup.checkSetupLink(tokenOf(second))).resolves.toBeUndefined();
  });

  it('refuses a tampered link', async () => {
    const token = tokenOf(await f.setup.ensureSetupLink());
    const [id, seconds, mac] = token.split('.');
    await expect(f.setup.checkSetupLink(`${id}.${Number(seconds) + 3600}.${mac}`)).rejects.toMatchObject({
      code: 'setup.invalid'
    });
    await expect(f.setup.checkSetupLink('garbage')).rejects.toMatchObject({ code: 'setup.invalid' });
  });

  it('checks the details before using the link up', async () => {
    const token = tokenOf(await f.setup.ensureSetupLink());
    await expect(
      f.setup.createFirstAdministrator(token, { ...details, email: 'nope', password: 'password1234' }, null)
    ).rejects.toMatchObject({ fields: { email: 'email.invalid', password: 'password.too_common' } });
    await expect(f.setup.checkSetupLink(token)).resolves.toBeUndefined();
  });

  it('creates the administrator and signs them in, once; then no link is offered', async () => {
    const token = tokenOf(await f.setup.ensureSetupLink());
    const started = await f.setup.createFirstAdministrator(token, details, null);
    const session = await f.auth.sessionFor(started.token);
    expect(session?.account).toMatchObject({
      email: 'admin@example.org',
      displayName: 'Ada Admin',
      isAdmin: true,
      locale: 'ko'
    });

    await expect(
      f.setup.createFirstAdministrator(token, { ...details, email: 'second@example.org' }, null)
    ).rejects.toMatchObject({
      code: 'setup.used'
    });
    expect(await f.setup.ensureSetupLink()).toBeNull();
    const accounts = await f.repositories.accounts.list();
    expect(accounts.filter((a) => a.isAdmin).map((a) => a.email)).toEqual(['admin@example.org']);
  });
});
