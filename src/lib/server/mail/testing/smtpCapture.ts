/**
 * For tests: a real SMTP server (smtp-server) on loopback that parses every
 * message it receives with mailparser, so a test reads the mail a person
 * would get. Accepts any login; no TLS.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly parsed: ParsedMail;
}

export interface SmtpCapture {
  /** `smtp://user:secret@127.0.0.1:<port>`, ready for SMTP_URL. */
  readonly url: string;
  readonly received: CapturedMail[];
  /** The next message to `to` (already received, or when it arrives). */
  next(to: string, timeoutMs?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const received: CapturedMail[] = [];
  const taken = new Set<CapturedMail>();
  const waiting: { to: string; resolve: (mail: CapturedMail) => void }[] = [];

  const deliver = (mail: CapturedMail) => {
    received.push(mail);
    const index = waiting.findIndex((w) => w.to.toLowerCase() === mail.to.toLowerCase());
    if (index >= 0) {
      taken.add(mail);
      waiting.splice(index, 1)[0]!.resolve(mail);
    }
  };

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
          deliver({
            to: to?.value[0]?.address ?? '',
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            parsed
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    }
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

  return {
    url: `smtp://user:secret@127.0.0.1:${port}`,
    received,
    next(to, timeoutMs = 15_000) {
      const ready = received.find((mail) => !taken.has(mail) && mail.to.toLowerCase() === to.toLowerCase());
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({
          to,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          }
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
