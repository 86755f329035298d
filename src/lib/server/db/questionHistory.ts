/**
 * A session's Q&A moderation history from the audit log: the entries of its
 * questions and of its Q&A settings, newest first, naming each account as it
 * is called now (the audit keeps ids; names change).
 */
import { sql, type Kysely } from 'kysely';
import type { FieldChanges } from '../../domain/editing/audit.js';
import type { DatabaseSchema } from './schema.js';

/** One moderation change, as the moderation page lists it. */
export interface ModerationHistoryEntry {
  readonly id: string;
  readonly occurredAt: Date;
  readonly accountId: string | null;
  /** The account's display name now; null when it no longer exists. */
  readonly accountName: string | null;
  readonly recordType: 'question' | 'settings';
  readonly recordId: string;
  readonly changes: FieldChanges;
}

export async function readModerationHistory(
  db: Kysely<DatabaseSchema>,
  sessionId: string,
  limit: number
): Promise<ModerationHistoryEntry[]> {
  const rows = await db
    .selectFrom('audit_entry')
    .leftJoin('account', (join) => join.on(sql<boolean>`account.id::text = audit_entry.account_id`))
    .select([
      'audit_entry.id',
      'audit_entry.occurred_at',
      'audit_entry.account_id',
      'audit_entry.record_type',
      'audit_entry.record_id',
      'audit_entry.changes'
    ])
    .select('account.display_name as account_name')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('audit_entry.record_type', '=', 'question'),
          eb(
            'audit_entry.record_id',
            'in',
            eb
              .selectFrom('question')
              .select(sql<string>`id::text`.as('id'))
              .where('session_id', '=', sessionId)
          )
        ]),
        eb.and([
          eb('audit_entry.record_type', '=', 'session_question_settings'),
          eb('audit_entry.record_id', '=', sessionId)
        ])
      ])
    )
    .orderBy('audit_entry.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    occurredAt: new Date(r.occurred_at),
    accountId: r.account_id,
    accountName: r.account_name,
    recordType: r.record_type === 'question' ? 'question' : 'settings',
    recordId: r.record_id,
    changes: r.changes
  }));
}
