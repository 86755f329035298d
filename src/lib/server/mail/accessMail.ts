/** The messages accounts and access send, in the recipient's language. */
import type { Role } from '../../domain/access/roles.js';
import { textIn, type LocalizedText } from '../../domain/localizedText.js';
import type { Locale } from '../../i18n/locale.js';
import { messagesFor } from '../../i18n/messages.js';
import type { MailMessage } from './mailer.js';

export function invitationMail(invitation: {
  readonly to: string;
  readonly locale: Locale;
  readonly link: string;
  readonly inviterName: string;
  readonly editionTitle: LocalizedText;
  readonly role: Role;
  readonly validDays: number;
}): MailMessage {
  const m = messagesFor(invitation.locale).console;
  const edition = textIn(invitation.editionTitle, invitation.locale, 'en');
  return {
    to: invitation.to,
    subject: m.mail.invitationSubject(edition),
    text: m.mail.invitationText({
      inviter: invitation.inviterName,
      edition,
      role: m.roles[invitation.role],
      link: invitation.link,
      days: invitation.validDays
    })
  };
}

export function passwordResetMail(reset: {
  readonly to: string;
  readonly locale: Locale;
  readonly link: string;
  readonly validMinutes: number;
}): MailMessage {
  const m = messagesFor(reset.locale).console;
  return {
    to: reset.to,
    subject: m.mail.passwordResetSubject,
    text: m.mail.passwordResetText({ link: reset.link, minutes: reset.validMinutes })
  };
}
