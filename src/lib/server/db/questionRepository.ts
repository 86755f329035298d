/**
 * The Q&A tables: asking (idempotent per participant and key), voting (one
 * vote per participant per question, counted on the question), moderation
 * (versioned, audited) and the session's pre-moderation setting. Every write
 * that viewers should see adds its live event to the outbox in the same
 * transaction, so the event exists if and only if the write committed.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { changedFields } from '../../domain/editing/audit.js';
import type { LocalizedText } from '../../domain/localizedText.js';
import type { Question, QuestionState } from '../../domain/participation/questions/question.js';
import { isVotable } from '../../domain/participation/questions/question.js';
import type { QuestionErrorCode } from '../../domain/participation/questions/questionErrors.js';
import { questionEvent, questionEventNames } from '../../domain/participation/questions/questionEvents.js';
import type { AskQuestionValues } from '../../domain/participation/questions/questionInput.js';
import {
  checkMerge,
  moderate,
  type ModerationAction
} from '../../domain/participation/questions/questionModeration.js';
import type { QuestionSort } from '../../domain/participation/questions/questionOrder.js';
import { recordAudit } from './auditRepository.js';
import { addToOutbox } from './outboxRepository.js';
import { findParticipationSession } from './participationSession.js';
import type { DatabaseSchema } from './schema.js';
import { readModerationHistory, type ModerationHistoryEntry } from './questionHistory.js';
import {
  findById,
  findByKey,
  lockQuestion,
  readSettings,
  stateOf,
  toQuestion,
  type QuestionSettings
} from './questionRows.js';

type Tx = Transaction<DatabaseSchema>;

export type { ModerationHistoryEntry, QuestionSettings };

/** A session that takes questions: its edition, and whether the public can see it. */
export interface QuestionSession {
  readonly sessionId: string;
  readonly editionId: string;
  readonly isPublic: boolean;
  /** For the moderation page's headings. */
  readonly sessionTitle: LocalizedText;
  readonly editionTitle: LocalizedText;
  readonly defaultLocale: string;
}

export interface AskedQuestion {
  readonly question: Question;
  /** False when this was a retry of a submission already stored. */
  readonly isNew: boolean;
}

export type VoteOutcome =
  | { readonly status: 'saved'; readonly question: Question; readonly hasVote: boolean; readonly changed: boolean }
  | { readonly status: 'refused'; readonly code: QuestionErrorCode }
  | { readonly status: 'not_found' };

export type ModerationOutcome =
  | { readonly status: 'saved'; readonly question: Question }
  | { readonly status: 'conflict'; readonly current: Question }
  | { readonly status: 'refused'; readonly code: QuestionErrorCode; readonly current: Question }
  | { readonly status: 'not_found' };

export type SettingsOutcome =
  | { readonly status: 'saved'; readonly settings: QuestionSettings }
  | { readonly status: 'conflict'; readonly current: QuestionSettings };

export interface ModerationScope {
  readonly editionId: string;
  readonly sessionId: string;
}

export interface ModerationActor {
  readonly accountId: string;
}

export class QuestionRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** The session by edition slug and session id (not deleted); null when there is none. */
  async findSession(editionSlug: string, sessionId: string): Promise<QuestionSession | null> {
    const found = await findParticipationSession(this.db, editionSlug, sessionId);
    return found && { ...found, sessionTitle: found.title };
  }

  async settings(sessionId: string): Promise<QuestionSettings> {
    return readSettings(this.db, sessionId);
  }

  /** The question a participant already stored under this key, if any (a retry). */
  async findAsked(sessionId: string, participantId: string, idempotencyKey: string): Promise<Question | null> {
    return findByKey(this.db, sessionId, participantId, idempotencyKey);
  }

  /**
   * Stores a question unless this participant already stored one under the
   * same key in this session, and returns the stored one either way. The
   * unique constraint decides, so two concurrent retries cannot both insert.
   */
  async ask(sessionId: string, participantId: string, values: AskQuestionValues, now: Date): Promise<AskedQuestion> {
    return this.db.transaction().execute(async (tx) => {
      const { isPremoderated } = await readSettings(tx, sessionId);
      const inserted = await tx
        .insertInto('question')
        .values({
          id: randomUUID(),
          session_id: sessionId,
          participant_id: participantId,
          idempotency_key: values.idempotencyKey,
          display_name: values.displayName,
          text: values.text,
          status: isPremoderated ? 'pending' : 'visible',
          asked_at: now,
          updated_at: now
        })
        .onConflict((oc) => oc.columns(['session_id', 'participant_id', 'idempotency_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      const question = (await findByKey(tx, sessionId, participantId, values.idempotencyKey))!;
      // A waiting question is news only to moderators; viewers hear of it when it is approved.
      if (inserted && question.status === 'visible')
        await addToOutbox(tx, questionEvent(questionEventNames.asked, sessionId, question));
      return { question, isNew: inserted !== undefined };
    });
  }

  /** Adds or withdraws this participant's vote; a second vote or a withdrawal without a vote changes nothing. */
  async vote(
    sessionId: string,
    questionId: string,
    participantId: string,
    intent: 'up' | 'withdraw',
    now: Date
  ): Promise<VoteOutcome> {
    return this.db.transaction().execute(async (tx): Promise<VoteOutcome> => {
      // Locked as for an update (the count changes below): votes on one question take turns instead of
      // deadlocking on a shared lock they all want to upgrade, and a moderator's hide waits for the vote or goes first.
      const locked = await tx
        .selectFrom('question')
        .select(['id', 'status'])
        .where('id', '=', questionId)
        .where('session_id', '=', sessionId)
        .forNoKeyUpdate()
        .executeTakeFirst();
      if (!locked) return { status: 'not_found' };
      let changed: boolean;
      if (intent === 'up') {
        if (!isVotable(locked)) return { status: 'refused', code: 'question.not_votable' };
        const added = await tx
          .insertInto('question_vote')
          .values({ question_id: questionId, participant_id: participantId, voted_at: now })
          .onConflict((oc) => oc.columns(['question_id', 'participant_id']).doNothing())
          .returning('question_id')
          .executeTakeFirst();
        changed = added !== undefined;
        if (changed)
          await tx
            .updateTable('question')
            .set({ vote_count: sql`vote_count + 1` })
            .where('id', '=', questionId)
            .execute();
      } else {
        const removed = await tx
          .deleteFrom('question_vote')
          .where('question_id', '=', questionId)
          .where('participant_id', '=', participantId)
          .returning('question_id')
          .executeTakeFirst();
        changed = removed !== undefined;
        if (changed)
          await tx
            .updateTable('question')
            .set({ vote_count: sql`vote_count - 1` })
            .where('id', '=', questionId)
            .execute();
      }
      const question = (await findById(tx, sessionId, questionId))!;
      if (changed && question.status === 'visible')
        await addToOutbox(tx, questionEvent(questionEventNames.changed, sessionId, question));
      return { status: 'saved', question, hasVote: intent === 'up', changed };
    });
  }

  /**
   * What the public panel lists for one viewer: shown questions (up to
   * `limit`, in the chosen order, pinned first) and the viewer's own
   * questions still waiting for a moderator, with the ids they voted for.
   */
  async listForPanel(
    sessionId: string,
    viewerId: string | null,
    sort: QuestionSort,
    limit: number
  ): Promise<{
    readonly questions: Question[];
    readonly ownPending: Question[];
    readonly votedIds: ReadonlySet<string>;
    readonly total: number;
  }> {
    let shown = this.db
      .selectFrom('question')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('status', '=', 'visible')
      .orderBy('is_pinned', 'desc');
    shown =
      sort === 'votes'
        ? shown.orderBy('vote_count', 'desc').orderBy('asked_at', 'asc')
        : shown.orderBy('asked_at', 'desc');
    const rows = await shown.orderBy('id').limit(limit).execute();
    const counted = await this.db
      .selectFrom('question')
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .where('session_id', '=', sessionId)
      .where('status', '=', 'visible')
      .executeTakeFirstOrThrow();
    let ownPending: Question[] = [];
    let votedIds = new Set<string>();
    if (viewerId) {
      const own = await this.db
        .selectFrom('question')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('participant_id', '=', viewerId)
        .where('status', '=', 'pending')
        .orderBy('asked_at', 'desc')
        .limit(20)
        .execute();
      ownPending = own.map(toQuestion);
      const ids = rows.map((r) => r.id);
      if (ids.length > 0) {
        const votes = await this.db
          .selectFrom('question_vote')
          .select('question_id')
          .where('participant_id', '=', viewerId)
          .where('question_id', 'in', ids)
          .execute();
        votedIds = new Set(votes.map((v) => v.question_id));
      }
    }
    return { questions: rows.map(toQuestion), ownPending, votedIds, total: Number(counted.total) };
  }

  /** Every question of the session for its moderators (merged ones too), oldest first, up to `limit`. */
  async listForModeration(sessionId: string, limit = 1000): Promise<Question[]> {
    const rows = await this.db
      .selectFrom('question')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('asked_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toQuestion);
  }

  /**
   * The session's moderation history, newest first: the audit entries of its
   * questions and of its Q&A settings, naming each account as it is called now.
   */
  moderationHistory(sessionId: string, limit = 50): Promise<ModerationHistoryEntry[]> {
    return readModerationHistory(this.db, sessionId, limit);
  }

  /** Approve, hide, unhide, pin, unpin, mark answered or not: checked against the version the moderator saw. */
  async moderate(
    scope: ModerationScope,
    questionId: string,
    baseVersion: number,
    action: ModerationAction,
    actor: ModerationActor,
    now: Date
  ): Promise<ModerationOutcome> {
    return this.db.transaction().execute(async (tx): Promise<ModerationOutcome> => {
      const current = await lockQuestion(tx, scope.sessionId, questionId);
      if (!current) return { status: 'not_found' };
      if (current.version !== baseVersion) return { status: 'conflict', current };
      const outcome = moderate(current, action);
      if (!outcome.ok) return { status: 'refused', code: outcome.code, current };
      if (outcome.next.isPinned && !current.isPinned) {
        // One pinned question per session: the one pinned before steps down first (the unique index would refuse two).
        const before = await tx
          .selectFrom('question')
          .select('id')
          .where('session_id', '=', scope.sessionId)
          .where('is_pinned', '=', true)
          .forUpdate()
          .executeTakeFirst();
        if (before) {
          const previous = (await findById(tx, scope.sessionId, before.id))!;
          await this.change(tx, scope, previous, { ...stateOf(previous), isPinned: false }, actor, now);
        }
      }
      return { status: 'saved', question: await this.change(tx, scope, current, outcome.next, actor, now) };
    });
  }

  /**
   * Folds `duplicateId` into `keepId`: the duplicate's voters become voters
   * of the kept question (a participant who voted on both counts once), the
   * duplicate is marked merged and is shown nowhere publicly. Checked
   * against the duplicate's version as the moderator saw it.
   */
  async merge(
    scope: ModerationScope,
    duplicateId: string,
    baseVersion: number,
    keepId: string,
    actor: ModerationActor,
    now: Date
  ): Promise<ModerationOutcome> {
    return this.db.transaction().execute(async (tx): Promise<ModerationOutcome> => {
      // Both rows locked in one statement, in id order, so two merges of the same pair cannot deadlock.
      const ids = await tx
        .selectFrom('question')
        .select('id')
        .where('session_id', '=', scope.sessionId)
        .where('id', 'in', [duplicateId, keepId])
        .orderBy('id')
        .forUpdate()
        .execute();
      const duplicate = ids.some((r) => r.id === duplicateId) ? await findById(tx, scope.sessionId, duplicateId) : null;
      if (!duplicate) return { status: 'not_found' };
      if (duplicate.version !== baseVersion) return { status: 'conflict', current: duplicate };
      const keep =
        duplicateId === keepId
          ? duplicate
          : ids.some((r) => r.id === keepId)
            ? await findById(tx, scope.sessionId, keepId)
            : null;
      if (!keep) return { status: 'refused', code: 'question.merge_target_unavailable', current: duplicate };
      const check = checkMerge(duplicate, keep);
      if (!check.ok) return { status: 'refused', code: check.code, current: duplicate };
      await tx
        .insertInto('question_vote')
        .columns(['question_id', 'participant_id', 'voted_at'])
        .expression((eb) =>
          eb
            .selectFrom('question_vote')
            .select([sql<string>`${keepId}::uuid`.as('question_id'), 'participant_id', 'voted_at'])
            .where('question_id', '=', duplicateId)
        )
        .onConflict((oc) => oc.columns(['question_id', 'participant_id']).doNothing())
        .execute();
      await tx.deleteFrom('question_vote').where('question_id', '=', duplicateId).execute();
      await tx
        .updateTable('question')
        .set({
          vote_count: (eb) =>
            eb
              .selectFrom('question_vote')
              .select((v) => v.fn.countAll<number>().as('n'))
              .where('question_id', '=', keepId)
        })
        .where('id', '=', keepId)
        .execute();
      await tx.updateTable('question').set({ vote_count: 0 }).where('id', '=', duplicateId).execute();
      const merged = await this.change(tx, scope, duplicate, check.next, actor, now, { mergedInto: keepId });
      const kept = (await findById(tx, scope.sessionId, keepId))!;
      if (kept.status === 'visible')
        await addToOutbox(tx, questionEvent(questionEventNames.changed, scope.sessionId, kept));
      return { status: 'saved', question: merged };
    });
  }

  /** Turns the session's pre-moderation on or off, checked against the settings version the moderator saw. */
  async setPremoderation(
    scope: ModerationScope,
    baseVersion: number,
    isPremoderated: boolean,
    actor: ModerationActor,
    now: Date
  ): Promise<SettingsOutcome> {
    return this.db.transaction().execute(async (tx): Promise<SettingsOutcome> => {
      await tx
        .insertInto('session_question_settings')
        .values({ session_id: scope.sessionId, updated_at: now })
        .onConflict((oc) => oc.column('session_id').doNothing())
        .execute();
      const row = await tx
        .selectFrom('session_question_settings')
        .selectAll()
        .where('session_id', '=', scope.sessionId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const current = { isPremoderated: row.is_premoderated, version: row.version };
      if (row.version !== baseVersion) return { status: 'conflict', current };
      if (row.is_premoderated === isPremoderated) return { status: 'saved', settings: current };
      await tx
        .updateTable('session_question_settings')
        .set({
          is_premoderated: isPremoderated,
          version: sql`version + 1`,
          updated_at: now,
          updated_by: actor.accountId
        })
        .where('session_id', '=', scope.sessionId)
        .execute();
      await recordAudit(tx, {
        accountId: actor.accountId,
        editionId: scope.editionId,
        recordType: 'session_question_settings',
        recordId: scope.sessionId,
        action: 'update',
        changes: { isPremoderated: { from: row.is_premoderated, to: isPremoderated } }
      });
      return { status: 'saved', settings: { isPremoderated, version: row.version + 1 } };
    });
  }

  /** Writes a question's new moderation state: version up, audit entry, live event. */
  private async change(
    tx: Tx,
    scope: ModerationScope,
    current: Question,
    next: QuestionState,
    actor: ModerationActor,
    now: Date,
    extra: { readonly mergedInto?: string } = {}
  ): Promise<Question> {
    await tx
      .updateTable('question')
      .set({
        status: next.status,
        merged_into: extra.mergedInto ?? current.mergedInto,
        is_pinned: next.isPinned,
        is_answered: next.isAnswered,
        version: sql`version + 1`,
        updated_at: now
      })
      .where('id', '=', current.id)
      .execute();
    const saved = (await findById(tx, scope.sessionId, current.id))!;
    await recordAudit(tx, {
      accountId: actor.accountId,
      editionId: scope.editionId,
      recordType: 'question',
      recordId: current.id,
      action: 'update',
      changes: changedFields(
        { ...stateOf(current), mergedInto: current.mergedInto },
        { ...stateOf(saved), mergedInto: saved.mergedInto }
      )
    });
    // Viewers refetch when a question appears, changes or disappears; nothing to tell them about one they never saw.
    if (current.status === 'visible' || saved.status === 'visible') {
      await addToOutbox(tx, questionEvent(questionEventNames.changed, scope.sessionId, saved));
    }
    return saved;
  }
}
