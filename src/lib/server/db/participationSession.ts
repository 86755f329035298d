/**
 * The session a participation feature (questions, chat) works on, found by
 * the edition's slug and the session's id as they appear in URLs: one query
 * for every feature, with whether the public may take part.
 */
import type { Kysely } from 'kysely';
import type { LocalizedText } from '../../domain/localizedText.js';
import type { DatabaseSchema } from './schema.js';

export interface ParticipationSession {
  readonly sessionId: string;
  readonly editionId: string;
  readonly editionSlug: string;
  readonly title: LocalizedText;
  readonly editionTitle: LocalizedText;
  readonly defaultLocale: string;
  /** The edition's host zone (times are shown in it when the reader chose none). */
  readonly hostZone: string;
  /** Published session of a published edition, neither deleted: the public may take part. */
  readonly isPublic: boolean;
}

/** Null when the edition or the session is unknown or deleted. */
export async function findParticipationSession(
  db: Kysely<DatabaseSchema>,
  editionSlug: string,
  sessionId: string
): Promise<ParticipationSession | null> {
  const row = await db
    .selectFrom('session')
    .innerJoin('edition', 'edition.id', 'session.edition_id')
    .select([
      'session.id as session_id',
      'session.title',
      'session.state as session_state',
      'edition.id as edition_id',
      'edition.slug',
      'edition.title as edition_title',
      'edition.default_locale',
      'edition.host_zone',
      'edition.state as edition_state'
    ])
    .where('edition.slug', '=', editionSlug)
    .where('session.id', '=', sessionId)
    .where('session.deleted_at', 'is', null)
    .where('edition.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    sessionId: row.session_id,
    editionId: row.edition_id,
    editionSlug: row.slug,
    title: row.title,
    editionTitle: row.edition_title,
    defaultLocale: row.default_locale,
    hostZone: row.host_zone,
    isPublic: row.session_state === 'published' && row.edition_state === 'published'
  };
}
