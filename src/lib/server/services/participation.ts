/**
 * What the live stage knows about the reader: whether they may moderate this
 * session (a signed-in account with the moderate capability on the edition)
 * and the console links they get for it. Reading this sets no cookie.
 */
import { canModerate } from '../../domain/access/policies.js';
import type { Locale } from '../../i18n/locale.js';
import { messagesFor } from '../../i18n/messages.js';
import type { SignedInAccount } from './accountSessions.js';

export interface ModerationLink {
  readonly href: string;
  readonly label: string;
}

export interface Participation {
  readonly canModerate: boolean;
  /** Console pages for this session; empty unless `canModerate`. Features' moderation pages live under the first. */
  readonly moderationLinks: readonly ModerationLink[];
}

export function participationOf(
  account: SignedInAccount | null,
  edition: { readonly id: string; readonly slug: string },
  sessionId: string,
  locale: Locale
): Participation {
  if (!canModerate(account, edition.id)) return { canModerate: false, moderationLinks: [] };
  return {
    canModerate: true,
    moderationLinks: [
      {
        href: `/console/editions/${edition.slug}/sessions/${sessionId}`,
        label: messagesFor(locale).liveStage.moderate
      },
      // These pages need only the moderate capability (the session page above needs programme editing).
      {
        href: `/console/editions/${edition.slug}/sessions/${sessionId}/questions`,
        label: messagesFor(locale).questions.console.link
      },
      {
        href: `/console/editions/${edition.slug}/sessions/${sessionId}/polls`,
        label: messagesFor(locale).polls.console.moderateLink
      },
      {
        href: `/console/editions/${edition.slug}/sessions/${sessionId}/chat`,
        label: messagesFor(locale).chat.console.moderationLink
      }
    ]
  };
}
