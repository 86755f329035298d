/**
 * Mail over SMTP with nodemailer: `smtp://` (STARTTLS whenever the server
 * offers it) or `smtps://` (TLS from the start). Short timeouts, so a
 * person waiting for "invitation sent" gets an answer rather than a hang.
 */
import { createTransport } from 'nodemailer';
import type { Mailer, MailMessage } from './mailer.js';

export class SmtpMailer implements Mailer {
  readonly #transport;

  constructor(
    smtpUrl: string,
    private readonly from: string
  ) {
    this.#transport = createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.#transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {})
    });
  }

  async close(): Promise<void> {
    this.#transport.close();
  }
}
