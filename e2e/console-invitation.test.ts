/**
 * Story: the person who installed Madang opens the link it printed, creates
 * the first administrator, signs in and invites a moderator in Korean; the
 * moderator reads the real e-mail, accepts in Korean, and signs in to find
 * their role on the Seoul forum — all in Chromium, all without JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../src/lib/server/mail/testing/smtpCapture.js';
import { launchBrowser } from './support/browser.js';
import { consoleLinkIn } from './support/consoleClient.js';
import { startTestServer, type TestServer } from './support/testServer.js';

let server: TestServer;
let smtp: SmtpCapture;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  [server, browser] = await Promise.all([
    startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Seoul Forum <forum@example.org>' }),
    launchBrowser()
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function signIn(
  page: Page,
  email: string,
  password: string,
  labels: { email: string; password: string; submit: string }
) {
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

test('an administrator invites a moderator, who accepts from the e-mail and signs in', async () => {
  const adminContext = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
  const admin = await adminContext.newPage();

  // The link the process printed at first start.
  await admin.goto(`${server.url}${server.setupPath}?lang=en`);
  expect(await heading(admin)).toBe('Create the first administrator');
  await admin.getByLabel('E-mail address').fill('ada@example.org');
  await admin.getByLabel('Your name').fill('Ada Admin');
  await admin.getByLabel('New password').fill('orange kettle under the bridge');
  await admin.getByRole('button', { name: 'Create the administrator account' }).click();
  expect(await heading(admin)).toBe('Welcome, Ada Admin');

  // Sign out, and back in with the new account.
  await admin.getByRole('button', { name: 'Sign out' }).click();
  expect(await heading(admin)).toBe('Sign in');
  await expect.poll(() => admin.getByRole('status').textContent()).toBe('You have signed out.');
  await signIn(admin, 'ada@example.org', 'orange kettle under the bridge', {
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in'
  });
  expect(await heading(admin)).toBe('Welcome, Ada Admin');

  // Invite a moderator of the Seoul forum, with the e-mail in Korean.
  await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'People' }).click();
  expect(await heading(admin)).toBe('People');
  await admin.getByLabel('E-mail address').fill('mina.moderator@example.org');
  await admin.getByLabel('Role').selectOption('moderator');
  await admin.getByLabel('Edition').selectOption({ label: '2020 Seoul Smart City Leaders Forum' });
  await admin.getByLabel('Language of the e-mail').selectOption('ko');
  await admin.getByRole('button', { name: 'Send the invitation' }).click();
  expect(await admin.getByRole('status').textContent()).toBe('The invitation has been sent.');
  expect(await admin.locator('main').textContent()).toContain('mina.moderator@example.org: Moderator');

  // The moderator's own browser, in Korean, opens the link from the real e-mail.
  const mail = await smtp.next('mina.moderator@example.org');
  expect(mail.parsed.from?.value[0]?.address).toBe('forum@example.org');
  expect(mail.subject).toBe('초대: 2020 서울 스마트시티 리더스 포럼');
  expect(mail.text).toContain('Ada Admin님이');
  const moderatorContext = await browser.newContext({ locale: 'ko-KR', javaScriptEnabled: false });
  const moderator = await moderatorContext.newPage();
  await moderator.goto(`${server.url}${consoleLinkIn(mail)}`);
  expect(await heading(moderator)).toBe('초대');
  expect(await moderator.locator('main').textContent()).toContain('진행 보조(모더레이터)');
  await moderator.getByLabel('이름').fill('김미나');
  await moderator.getByLabel('새 비밀번호').fill('마당에 모인 이웃들이 함께 웃는다');
  await moderator.getByRole('button', { name: '계정 만들고 수락하기' }).click();
  expect(await heading(moderator)).toBe('김미나님, 반갑습니다');
  expect(await moderator.getByRole('status').textContent()).toBe('초대를 수락했습니다.');

  // Sign out and in again as the moderator: the role is there, the people page is not offered.
  await moderator.getByRole('button', { name: '로그아웃' }).click();
  await signIn(moderator, 'mina.moderator@example.org', '마당에 모인 이웃들이 함께 웃는다', {
    email: '이메일 주소',
    password: '비밀번호',
    submit: '로그인'
  });
  expect(await heading(moderator)).toBe('김미나님, 반갑습니다');
  expect(await moderator.locator('main').textContent()).toContain('내 역할: 진행 보조(모더레이터)');
  expect(await moderator.getByRole('navigation', { name: '콘솔' }).getByRole('link', { name: '사람' }).count()).toBe(0);

  // The link is spent.
  const again = await moderator.goto(`${server.url}${consoleLinkIn(mail)}`);
  expect(again?.status()).toBe(410);

  await adminContext.close();
  await moderatorContext.close();
});
