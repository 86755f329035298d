/**
 * The mail port: services hand over a finished message; an adapter delivers
 * it. SMTP when `SMTP_URL` is set; otherwise the message goes to the log with
 * a warning, which is enough to try the console on one machine.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { LogMailer } from './logMailer.js';
import { SmtpMailer } from './smtpMailer.js';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, log: Logger): Mailer {
  if (config.smtpUrl) return new SmtpMailer(config.smtpUrl, config.mailFrom);
  log.warn('mail is not configured (SMTP_URL is unset): messages are written to this log instead of being sent');
  return new LogMailer(log);
}
