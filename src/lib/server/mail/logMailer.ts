/** Development mail: writes each message (with its links) to the JSON log instead of sending it. */
import type { Logger } from 'pino';
import type { Mailer, MailMessage } from './mailer.js';

export class LogMailer implements Mailer {
  constructor(private readonly log: Logger) {}

  async send(message: MailMessage): Promise<void> {
    this.log.warn(
      { mail: { to: message.to, subject: message.subject, text: message.text } },
      'mail not sent: SMTP_URL is unset, so the message is logged here'
    );
  }

  async close(): Promise<void> {}
}
