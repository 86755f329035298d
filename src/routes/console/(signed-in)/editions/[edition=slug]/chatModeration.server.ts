/**
 * What the console's chat pages (session chat moderation, the edition's word
 * filter) share at the edge: refusals as pages, the chat moderation log as
 * rows to read, and `?notice=` values. No rules: ChatModeration decides.
 */
import type { AuditEntry } from '$lib/domain/editing/audit';
import type { Locale } from '$lib/i18n/locale';
import { messagesFor } from '$lib/i18n/messages';
import { formatInstant } from '$lib/server/http/consoleRoute';
import { participantLabel } from '$lib/server/services/chatModeration';
import type { AuditRow } from './programmeEditing.server';

const asNumber = (value: unknown) => (typeof value === 'number' ? value : 0);
const asList = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/** Chat moderation entries as rows: what was done in the reader's language, to which message, participant or session. */
export function chatAuditRows(
  entries: readonly AuditEntry[],
  context: {
    readonly locale: Locale;
    readonly viewerZone: string | null;
    readonly sessionTitles: ReadonlyMap<string, string>;
  }
): AuditRow[] {
  const all = messagesFor(context.locale);
  const m = all.chat.console.audit;
  return entries.map((entry) => {
    let what: string;
    let fields = '';
    switch (entry.recordType) {
      case 'chat_message':
        what = m.deletedMessage(entry.recordId);
        break;
      case 'chat_participant': {
        const tag = participantLabel(entry.recordId).tag;
        what = entry.changes.muted?.to === true ? m.muted(tag) : m.unmuted(tag);
        break;
      }
      case 'chat_session': {
        const change = entry.changes.slowModeSeconds;
        what = m.slowMode(
          context.sessionTitles.get(entry.recordId) ?? entry.recordId,
          asNumber(change?.from),
          asNumber(change?.to)
        );
        break;
      }
      default: {
        const added = asList(entry.changes.added?.to);
        const removed = asList(entry.changes.removed?.from);
        what = m.wordFilter(added.length, removed.length);
        fields = [...added.map((w) => `+ ${w}`), ...removed.map((w) => `− ${w}`)].join(', ');
      }
    }
    return {
      id: entry.id,
      when: formatInstant(entry.occurredAt, context.locale, context.viewerZone, 'date-time'),
      who:
        entry.accountId === null
          ? all.consoleProgramme.audit.system
          : (entry.accountName ?? all.consoleProgramme.audit.formerAccount),
      what,
      fields
    };
  });
}
