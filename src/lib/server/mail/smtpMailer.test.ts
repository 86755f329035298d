import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { createMailer } from './mailer.js';
import { SmtpMailer } from './smtpMailer.js';
import { startSmtpCapture, type SmtpCapture } from './testing/smtpCapture.js';

describe('mail over SMTP', () => {
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it('delivers a UTF-8 message with the configured sender, logging in with the URL’s credentials', async () => {
    const mailer = new SmtpMailer(smtp.url, 'Seoul Forum <forum@example.org>');
    await mailer.send({
      to: 'park@example.org',
      subject: '초대: 서울 포럼',
      text: '링크를 여세요:\nhttps://forum.example.org/console/x\n'
    });
    await mailer.close();
    const mail = await smtp.next('park@example.org');
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: 'Seoul Forum', address: 'forum@example.org' });
    expect(mail.subject).toBe('초대: 서울 포럼');
    expect(mail.text).toContain('https://forum.example.org/console/x');
  });

  it('fails loudly when the server cannot be reached', async () => {
    const mailer = new SmtpMailer('smtp://127.0.0.1:1', 'forum@example.org');
    await expect(mailer.send({ to: 'a@example.org', subject: 's', text: 't' })).rejects.toThrow();
    await mailer.close();
  });
});

describe('mail without SMTP_URL', () => {
  it('writes the message, link included, to the log with a warning', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) })
    );
    const mailer = createMailer({ smtpUrl: null, mailFrom: 'forum@example.org' }, log);
    await mailer.send({
      to: 'park@example.org',
      subject: 'Choose a new password',
      text: 'https://forum.example.org/console/password-reset/abc'
    });
    const entries = lines.map(
      (line) => JSON.parse(line) as { level: number; msg: string; mail?: { subject: string; text: string } }
    );
    expect(entries[0]).toMatchObject({ level: 40, msg: expect.stringContaining('mail is not configured') });
    expect(entries[1]).toMatchObject({
      level: 40,
      mail: { subject: 'Choose a new password', text: expect.stringContaining('/console/password-reset/abc') }
    });
  });
});
