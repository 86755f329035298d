/**
 * Chat messages, mutes, slow mode and the word filter in SQL. A post is one
 * transaction: the participant's posts in that session are serialised by an
 * advisory lock, the facts the service's rules need (muted? last post? slow
 * mode?) are read under it, and the message and its outbox event are written
 * together, so a retried post finds the first message and an event exists
 * exactly when its message does. Moderation writes carry their audit entry
 * (and event) in the same transaction.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { LocalizedText } from '../../domain/localizedText.js';
import { chatEventNames, chatMessageEvent, chatSettingsEvent } from '../../domain/participation/chat/chatEvents.js';
import { isChatMessageId } from '../../domain/participation/chat/chatMessageId.js';
import { recordAudit } from './auditRepository.js';
import { addToOutbox } from './outboxRepository.js';
import { findParticipationSession, type ParticipationSession } from './participationSession.js';

import type { DatabaseSchema } from './schema.js';
import type { ChatMessageTable } from './schema/chat.js';

type Tx = Transaction<DatabaseSchema>;

/** Audit record types of chat moderation. */
export const chatRecordTypes = ['chat_message', 'chat_participant', 'chat_session', 'word_filter'] as const;

export type ChatSessionRef = ParticipationSession;

export interface ChatMessage {
  readonly id: string;
  readonly sessionId: string;
  readonly participantId: string;
  readonly displayName: string;
  readonly text: string;
  readonly postedAt: Date;
  readonly deletedAt: Date | null;
}

/** What the service's rules look at before a message is written, read under the participant's lock. */
export interface PostFacts {
  readonly isMuted: boolean;
  readonly lastPostedAt: Date | null;
  readonly slowModeSeconds: number;
}

export interface NewChatMessage {
  readonly sessionId: string;
  readonly editionId: string;
  readonly participantId: string;
  readonly displayName: string;
  readonly text: string;
  readonly idempotencyKey: string;
  readonly postedAt: Date;
}

export type PostOutcome<R> =
  | { readonly status: 'posted'; readonly message: ChatMessage; readonly isReplay: boolean }
  | { readonly status: 'refused'; readonly refusal: R };

export interface Moderator {
  readonly accountId: string;
}

export interface ChatPage {
  /** Oldest first. */
  readonly messages: readonly ChatMessage[];
  /** Whether messages older than the first one exist (for the "Earlier messages" link). */
  readonly hasEarlier: boolean;
}

export interface MutedParticipant {
  readonly participantId: string;
  readonly mutedAt: Date;
  /** The name of their latest message in the edition, if any. */
  readonly lastDisplayName: string | null;
}

export class ChatRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** The session by edition slug and id (null when either is unknown or deleted). */
  findSession(editionSlug: string, sessionId: string): Promise<ChatSessionRef | null> {
    return findParticipationSession(this.db, editionSlug, sessionId);
  }

  /** The edition by slug (null when unknown or deleted), for the word filter page. */
  async findEdition(editionSlug: string): Promise<{
    readonly editionId: string;
    readonly editionSlug: string;
    readonly title: LocalizedText;
    readonly defaultLocale: string;
  } | null> {
    const row = await this.db
      .selectFrom('edition')
      .select(['id', 'slug', 'title', 'default_locale'])
      .where('slug', '=', editionSlug)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row
      ? { editionId: row.id, editionSlug: row.slug, title: row.title, defaultLocale: row.default_locale }
      : null;
  }

  /**
   * Writes a message unless `refuse` (the service's rules) objects to the
   * facts read under the participant's lock. A post whose idempotency key
   * this participant already used in this session returns the first message.
   */
  async post<R>(message: NewChatMessage, refuse: (facts: PostFacts) => R | null): Promise<PostOutcome<R>> {
    return this.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`chat:${message.sessionId}:${message.participantId}`}))`.execute(
        tx
      );
      const existing = await this.byKey(tx, message);
      if (existing) return { status: 'posted', message: existing, isReplay: true } as const;
      const refusal = refuse(await this.postFacts(tx, message));
      if (refusal !== null) return { status: 'refused', refusal } as const;
      const inserted = await tx
        .insertInto('chat_message')
        .values({
          session_id: message.sessionId,
          participant_id: message.participantId,
          display_name: message.displayName,
          body: message.text,
          idempotency_key: message.idempotencyKey,
          posted_at: message.postedAt
        })
        .onConflict((oc) => oc.columns(['session_id', 'participant_id', 'idempotency_key']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) return { status: 'posted', message: (await this.byKey(tx, message))!, isReplay: true } as const;
      await addToOutbox(tx, chatMessageEvent(chatEventNames.posted, message.sessionId, String(inserted.id)));
      return { status: 'posted', message: toMessage(inserted), isReplay: false } as const;
    });
  }

  private async byKey(tx: Tx, message: NewChatMessage): Promise<ChatMessage | null> {
    const row = await tx
      .selectFrom('chat_message')
      .selectAll()
      .where('session_id', '=', message.sessionId)
      .where('participant_id', '=', message.participantId)
      .where('idempotency_key', '=', message.idempotencyKey)
      .executeTakeFirst();
    return row ? toMessage(row) : null;
  }

  private async postFacts(tx: Tx, message: NewChatMessage): Promise<PostFacts> {
    // One after the other: a transaction is one connection.
    const mute = await tx
      .selectFrom('chat_mute')
      .select('participant_id')
      .where('edition_id', '=', message.editionId)
      .where('participant_id', '=', message.participantId)
      .executeTakeFirst();
    const last = await tx
      .selectFrom('chat_message')
      .select('posted_at')
      .where('session_id', '=', message.sessionId)
      .where('participant_id', '=', message.participantId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const settings = await tx
      .selectFrom('chat_session_settings')
      .select('slow_mode_seconds')
      .where('session_id', '=', message.sessionId)
      .executeTakeFirst();
    return {
      isMuted: mute !== undefined,
      lastPostedAt: last ? new Date(last.posted_at) : null,
      slowModeSeconds: settings?.slow_mode_seconds ?? 0
    };
  }

  /** The latest `limit` messages before `beforeId` (all when null), oldest first; deleted ones only when asked (moderators). */
  async page(
    sessionId: string,
    options: { limit: number; beforeId?: string | null; includeDeleted?: boolean }
  ): Promise<ChatPage> {
    let query = this.db.selectFrom('chat_message').selectAll().where('session_id', '=', sessionId);
    if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
    if (options.beforeId && isChatMessageId(options.beforeId)) query = query.where('id', '<', options.beforeId);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute();
    return { messages: rows.slice(0, options.limit).reverse().map(toMessage), hasEarlier: rows.length > options.limit };
  }

  async find(sessionId: string, messageId: string): Promise<ChatMessage | null> {
    if (!isChatMessageId(messageId)) return null;
    const row = await this.db
      .selectFrom('chat_message')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('id', '=', messageId)
      .executeTakeFirst();
    return row ? toMessage(row) : null;
  }

  /** The name the participant used last, anywhere, to fill in the form again. */
  async lastDisplayName(participantId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('chat_message')
      .select('display_name')
      .where('participant_id', '=', participantId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.display_name ?? null;
  }

  /** Deletes a message for everyone (softly: moderators still see it), with its audit entry and `chat.deleted`. */
  async remove(
    editionId: string,
    sessionId: string,
    messageId: string,
    by: Moderator,
    at: Date
  ): Promise<'saved' | 'unchanged' | 'not_found'> {
    if (!isChatMessageId(messageId)) return 'not_found';
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('chat_message')
        .select(['id', 'deleted_at', 'participant_id'])
        .where('session_id', '=', sessionId)
        .where('id', '=', messageId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return 'not_found';
      if (row.deleted_at !== null) return 'unchanged';
      await tx
        .updateTable('chat_message')
        .set({ deleted_at: at, deleted_by: by.accountId })
        .where('id', '=', messageId)
        .execute();
      await recordAudit(tx, {
        accountId: by.accountId,
        editionId,
        recordType: 'chat_message',
        recordId: String(row.id),
        action: 'delete',
        changes: { deleted: { from: false, to: true } }
      });
      await addToOutbox(tx, chatMessageEvent(chatEventNames.deleted, sessionId, String(row.id)));
      return 'saved';
    });
  }

  async isMuted(editionId: string, participantId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('chat_mute')
      .select('participant_id')
      .where('edition_id', '=', editionId)
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Mutes or unmutes a participant on the edition, with its audit entry; `unchanged` when they already were. */
  async setMuted(
    editionId: string,
    participantId: string,
    muted: boolean,
    by: Moderator,
    at: Date
  ): Promise<'saved' | 'unchanged'> {
    return this.db.transaction().execute(async (tx) => {
      const changed = muted
        ? await tx
            .insertInto('chat_mute')
            .values({ edition_id: editionId, participant_id: participantId, muted_at: at, muted_by: by.accountId })
            .onConflict((oc) => oc.columns(['edition_id', 'participant_id']).doNothing())
            .returning('participant_id')
            .executeTakeFirst()
        : await tx
            .deleteFrom('chat_mute')
            .where('edition_id', '=', editionId)
            .where('participant_id', '=', participantId)
            .returning('participant_id')
            .executeTakeFirst();
      if (!changed) return 'unchanged';
      await recordAudit(tx, {
        accountId: by.accountId,
        editionId,
        recordType: 'chat_participant',
        recordId: participantId,
        action: 'update',
        changes: { muted: { from: !muted, to: muted } }
      });
      return 'saved';
    });
  }

  /** Who is muted on the edition, most recently muted first, with the name they last used there. */
  async mutedParticipants(editionId: string): Promise<MutedParticipant[]> {
    const rows = await this.db
      .selectFrom('chat_mute')
      .select(['chat_mute.participant_id', 'chat_mute.muted_at'])
      .select((eb) =>
        eb
          .selectFrom('chat_message')
          .innerJoin('session', 'session.id', 'chat_message.session_id')
          .select('chat_message.display_name')
          .whereRef('chat_message.participant_id', '=', 'chat_mute.participant_id')
          .where('session.edition_id', '=', editionId)
          .orderBy('chat_message.id', 'desc')
          .limit(1)
          .as('last_display_name')
      )
      .where('chat_mute.edition_id', '=', editionId)
      .orderBy('chat_mute.muted_at', 'desc')
      .execute();
    return rows.map((r) => ({
      participantId: r.participant_id,
      mutedAt: new Date(r.muted_at),
      lastDisplayName: r.last_display_name ?? null
    }));
  }

  async slowModeSeconds(sessionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('chat_session_settings')
      .select('slow_mode_seconds')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row?.slow_mode_seconds ?? 0;
  }

  /** Sets slow mode for a session, with its audit entry and `chat.changed` (panels show the rule); `unchanged` when it already was. */
  async setSlowMode(
    editionId: string,
    sessionId: string,
    seconds: number,
    by: Moderator,
    at: Date
  ): Promise<'saved' | 'unchanged'> {
    return this.db.transaction().execute(async (tx) => {
      const current = await tx
        .selectFrom('chat_session_settings')
        .select(['slow_mode_seconds', 'version'])
        .where('session_id', '=', sessionId)
        .forUpdate()
        .executeTakeFirst();
      const before = current?.slow_mode_seconds ?? 0;
      if (before === seconds) return 'unchanged';
      const saved = await tx
        .insertInto('chat_session_settings')
        .values({ session_id: sessionId, slow_mode_seconds: seconds, updated_at: at })
        .onConflict((oc) =>
          oc.column('session_id').doUpdateSet({
            slow_mode_seconds: seconds,
            version: sql`chat_session_settings.version + 1`,
            updated_at: at
          })
        )
        .returning('version')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        accountId: by.accountId,
        editionId,
        recordType: 'chat_session',
        recordId: sessionId,
        action: 'update',
        changes: { slowModeSeconds: { from: before, to: seconds } }
      });
      await addToOutbox(tx, chatSettingsEvent(sessionId, saved.version));
      return 'saved';
    });
  }

  /** The edition's filtered words and the list's version (0 before the first save). */
  async wordFilter(editionId: string): Promise<{ readonly words: readonly string[]; readonly version: number }> {
    const row = await this.db
      .selectFrom('word_filter')
      .select(['words', 'version'])
      .where('edition_id', '=', editionId)
      .executeTakeFirst();
    return row ? { words: row.words, version: row.version } : { words: [], version: 0 };
  }

  /** Replaces the word list when it is still at `baseVersion` (optimistic concurrency), with its audit entry. */
  async saveWordFilter(
    editionId: string,
    words: readonly string[],
    baseVersion: number,
    by: Moderator,
    at: Date
  ): Promise<
    | { readonly status: 'saved' | 'unchanged'; readonly version: number }
    | { readonly status: 'conflict'; readonly current: readonly string[]; readonly version: number }
  > {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('word_filter')
        .select(['words', 'version'])
        .where('edition_id', '=', editionId)
        .forUpdate()
        .executeTakeFirst();
      const current = row ?? { words: [], version: 0 };
      if (current.version !== baseVersion)
        return { status: 'conflict', current: current.words, version: current.version } as const;
      if (JSON.stringify(current.words) === JSON.stringify(words))
        return { status: 'unchanged', version: current.version } as const;
      const saved = await tx
        .insertInto('word_filter')
        .values({ edition_id: editionId, words: [...words], updated_at: at })
        .onConflict((oc) =>
          oc
            .column('edition_id')
            .doUpdateSet({ words: [...words], version: sql`word_filter.version + 1`, updated_at: at })
        )
        .returning('version')
        .executeTakeFirstOrThrow();
      const removed = current.words.filter((w) => !words.includes(w));
      const added = words.filter((w) => !current.words.includes(w));
      await recordAudit(tx, {
        accountId: by.accountId,
        editionId,
        recordType: 'word_filter',
        recordId: editionId,
        action: 'update',
        changes: { added: { from: null, to: added }, removed: { from: removed, to: null } }
      });
      return { status: 'saved', version: saved.version } as const;
    });
  }
}

function toMessage(row: Selectable<ChatMessageTable>): ChatMessage {
  return {
    id: String(row.id),
    sessionId: row.session_id,
    participantId: row.participant_id,
    displayName: row.display_name,
    text: row.body,
    postedAt: new Date(row.posted_at),
    deletedAt: row.deleted_at ? new Date(row.deleted_at) : null
  };
}
