/**
 * Story: an organiser of the Seoul forum signs in to the console with their
 * Seoul city account instead of a password. The first time, Madang links
 * that identity to the account with the same verified e-mail; afterwards the
 * link alone decides, even if the address changes at the city. Someone the
 * city knows but Madang does not is told to ask for an invitation; a forged
 * return from the issuer is refused; a site without OpenID Connect shows no
 * button and has no such pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from './support/browser.js';
import { ConsoleClient, mainText } from './support/consoleClient.js';
import { startTestIssuer, type TestIssuer } from './support/testIssuer.js';
import { startTestServer, type TestServer } from './support/testServer.js';

const password = 'orange kettle under the bridge';
const button = 'Sign in with Seoul city account';

let issuer: TestIssuer;
let server: TestServer;
let plain: TestServer;
let browser: Browser;

beforeAll(async () => {
  issuer = await startTestIssuer();
  [server, plain, browser] = await Promise.all([
    startTestServer({
      OIDC_ISSUER: issuer.url,
      OIDC_CLIENT_ID: issuer.clientId,
      OIDC_CLIENT_SECRET: issuer.clientSecret,
      OIDC_NAME: 'Seoul city account'
    }),
    startTestServer(),
    launchBrowser()
  ]);
  issuer.register(`${server.url}/console/sign-in/oidc/callback`);
  // Ada has a Madang account (the first administrator); Sam only exists at the city.
  const created = await new ConsoleClient(server.url).submit(server.setupPath!, {
    email: 'ada@example.org',
    displayName: 'Ada Admin',
    password
  });
  expect(created.location).toBe('/console');
  issuer.setPerson('ada', { email: 'Ada@example.org', email_verified: true });
  issuer.setPerson('sam', { email: 'sam@example.org', email_verified: true });
  issuer.setPerson('mallory', { email: 'ada@example.org', email_verified: false });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), plain?.stop()]);
  await issuer?.close();
});

/** From Madang's sign-in page through the issuer's login and consent, back to wherever Madang sends the browser. */
async function signInAtIssuer(
  login: string,
  lang = 'en'
): Promise<{ page: Page; status: number; close: () => Promise<void> }> {
  const context = await browser.newContext();
  // The issuer's development pages load a web font; nothing here may leave the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${server.url}/console/sign-in?lang=${lang}`);
  await Promise.all([
    page.waitForURL(`${issuer.url}/**`),
    page.locator('form[action="/console/sign-in/oidc"] button').click()
  ]);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'anything');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  const returned = page.waitForResponse((r) => r.url().startsWith(`${server.url}/console/sign-in/oidc/callback`));
  await page.click('button[type=submit]'); // the issuer's consent: Continue
  const status = (await returned).status();
  await page.waitForLoadState();
  return { page, status, close: () => context.close() };
}

describe('signing in with the Seoul city account', () => {
  it('offers the button on the sign-in page, which passes axe-core in both languages', async () => {
    for (const lang of ['en', 'ko']) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/console/sign-in?lang=${lang}`);
      const name = lang === 'en' ? button : 'Seoul city account(으)로 로그인';
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(1);
      expect(await axeViolations(page), lang).toEqual([]);
      await page.close();
    }
  });

  it('lands the organiser on the console dashboard, signed in, after linking the verified e-mail', async () => {
    const { page, status, close } = await signInAtIssuer('ada');
    expect(status).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/console');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Ada Admin');
    const cookie = (await page.context().cookies(server.url)).find((c) => c.name === 'madang_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await close();
  });

  it('signs in through the stored link next time, even once the city no longer vouches for the address', async () => {
    issuer.setPerson('ada', { email: 'ada.kim@seoul.example', email_verified: false });
    const { page, close } = await signInAtIssuer('ada');
    expect(new URL(page.url()).pathname).toBe('/console');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Ada Admin');
    await close();
  });

  it('shows the link on the account page, where the organiser unlinks it by keyboard, and the link no longer signs in', async () => {
    const { page, close } = await signInAtIssuer('ada');
    await page.goto(`${server.url}/console/account`);
    const section = page.locator('ul.identities');
    expect(await section.textContent()).toMatch(/127\.0\.0\.1:\d+.*linked/s);
    expect(await axeViolations(page)).toEqual([]);
    const unlink = page.getByRole('button', { name: /^Unlink 127\.0\.0\.1:\d+$/ });
    await unlink.focus();
    await Promise.all([page.waitForURL(/notice=identity-unlinked/), page.keyboard.press('Enter')]);
    expect(await page.locator('main').textContent()).toContain('The service has been unlinked from your account.');
    expect(await page.locator('main').textContent()).toContain('No other service is linked to your account.');
    expect(await axeViolations(page)).toEqual([]);
    await close();

    // The city no longer vouches for Ada's address, so without the link she must use her password.
    const again = await signInAtIssuer('ada');
    expect(again.status).toBe(403);
    expect(await again.page.locator('main').textContent()).toContain('did not confirm a verified e-mail address');
    await again.close();
  });

  it('tells someone without a Madang account to ask for an invitation, on an accessible sign-in page', async () => {
    for (const [lang, text] of [
      ['en', 'There is no Madang account for this e-mail address. Ask an organiser for an invitation.'],
      ['ko', '이 이메일 주소로 된 마당 계정이 없습니다. 운영진에게 초대를 요청하세요.']
    ] as const) {
      const { page, status, close } = await signInAtIssuer('sam', lang);
      expect(status).toBe(403);
      expect(await page.locator('main').textContent()).toContain(text);
      expect(await page.locator('form[action="/console/sign-in/oidc"] button').count()).toBe(1);
      expect(await page.context().cookies(server.url)).not.toContainEqual(
        expect.objectContaining({ name: 'madang_session' })
      );
      expect(await axeViolations(page), lang).toEqual([]);
      await close();
    }
  });

  it('does not link an address the issuer has not verified', async () => {
    const { page, status, close } = await signInAtIssuer('mallory');
    expect(status).toBe(403);
    expect(await page.locator('main').textContent()).toContain(
      'Seoul city account did not confirm a verified e-mail address'
    );
    await close();
  });
});

describe('a forged or failed return from the issuer', () => {
  /** Starts a sign-in over HTTP and hands back the client (holding the flow cookie) and the state the issuer was sent. */
  async function begin(): Promise<{ client: ConsoleClient; state: string }> {
    const client = new ConsoleClient(server.url);
    const started = await client.get('/console/sign-in/oidc?next=/console/people');
    expect(started.status).toBe(303);
    const sent = new URL(started.location!);
    expect(sent.origin).toBe(issuer.url);
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(sent.searchParams.get('nonce')).toBeTruthy();
    const flowCookie = client.setCookieHeaders.find((h) => h.startsWith('madang_oidc='))!;
    expect(flowCookie).toMatch(/HttpOnly/i);
    expect(flowCookie).toMatch(/SameSite=Lax/i);
    expect(flowCookie).toMatch(/Path=\/console\/sign-in\/oidc/);
    return { client, state: sent.searchParams.get('state')! };
  }

  it('refuses a changed state, and a return without the sign-in cookie', async () => {
    const { client, state } = await begin();
    const tampered = await client.get(`/console/sign-in/oidc/callback?code=abc&state=${state.slice(0, -2)}xy`);
    expect(tampered.status).toBe(400);
    expect(mainText(tampered.text)).toContain('This sign-in does not match one started in this browser');
    expect(tampered.headers.get('cache-control')).toBe('no-store');
    // Each attempt is checked once: the cookie is gone, so even the right state is refused now.
    const replayed = await client.get(`/console/sign-in/oidc/callback?code=abc&state=${state}`);
    expect(replayed.status).toBe(400);

    const stranger = await new ConsoleClient(server.url).get(`/console/sign-in/oidc/callback?code=abc&state=${state}`);
    expect(stranger.status).toBe(400);
    expect(mainText(stranger.text)).toContain('This sign-in does not match one started in this browser');
  });

  it('says so when the issuer declined, and when its answer does not hold', async () => {
    const declined = await begin();
    const page = await declined.client.get(
      `/console/sign-in/oidc/callback?error=access_denied&state=${declined.state}`
    );
    expect(page.status).toBe(401);
    expect(mainText(page.text)).toContain('Seoul city account did not sign you in.');

    const forged = await begin();
    const exchange = await forged.client.get(
      `/console/sign-in/oidc/callback?code=forged&state=${forged.state}&iss=${encodeURIComponent(issuer.url)}`
    );
    expect(exchange.status).toBe(401);
    expect(mainText(exchange.text)).toContain('Seoul city account answered, but its answer could not be confirmed.');
    expect(exchange.text).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('says the issuer did not answer when it is down, with a 502 and no stack trace', async () => {
    const { client, state } = await begin();
    await issuer.close();
    const page = await client.get(
      `/console/sign-in/oidc/callback?code=abc&state=${state}&iss=${encodeURIComponent(issuer.url)}`
    );
    expect(page.status).toBe(502);
    expect(mainText(page.text)).toContain('Seoul city account did not answer.');
    expect(page.text).not.toMatch(/at \w+ \(|node_modules|ECONNREFUSED/);
  });
});

describe('a site without OpenID Connect', () => {
  it('shows no button, and its OpenID Connect addresses answer 404', async () => {
    const client = new ConsoleClient(plain.url);
    const signIn = await client.get('/console/sign-in');
    expect(signIn.status).toBe(200);
    expect(signIn.text).not.toContain('/console/sign-in/oidc');
    for (const path of ['/console/sign-in/oidc', '/console/sign-in/oidc/callback?code=x&state=y']) {
      const page = await client.get(path);
      expect(page.status, path).toBe(404);
      expect(mainText(page.text)).toContain('Signing in through another service is not set up on this site.');
    }
  });
});
