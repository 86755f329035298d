/**
 * Broadcast in SQL: a session's broadcast state and its replay, a stage's
 * stream-key generation. A state change is one transaction that locks the
 * stage's row first, so two producers pressing "Go live" on one stage at once
 * are serialised and the second sees the first (the partial unique index of
 * migration 010 stays as the last guard). The caller's rules decide under the
 * lock; the change's audit entry and its live events
 * (domain/broadcast/broadcastEvents.ts) go into the same transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { broadcastStateEvents, replayReadyEvent } from '../../domain/broadcast/broadcastEvents.js';
import type { SessionBroadcast } from '../../domain/broadcast/liveState.js';
import type { PublicationState } from '../../domain/programme.js';
import { recordAudit } from './auditRepository.js';
import { addToOutbox } from './outboxRepository.js';
import type { DatabaseSchema } from './schema.js';
import type { EditActor } from './versionedEdit.js';

type Tx = Transaction<DatabaseSchema>;
export type BroadcastTx = Tx;

/** What going live or stopping needs to know about a session. */
export interface BroadcastSession {
  readonly sessionId: string;
  readonly editionId: string;
  readonly editionSlug: string;
  readonly stageId: string | null;
  /** The session's publication state (draft sessions cannot go live). */
  readonly publication: PublicationState;
  readonly broadcast: SessionBroadcast;
}

export interface StoredReplay {
  readonly sessionId: string;
  readonly stageId: string;
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly durationSeconds: number;
}

/** A session's broadcast facts for pages, with its replay when there is one. */
export interface SessionBroadcastRow {
  readonly sessionId: string;
  readonly editionSlug: string;
  readonly stageId: string | null;
  readonly broadcast: SessionBroadcast;
  readonly replay: StoredReplay | null;
}

/** Under the stage's lock: the session as it is now and the other session live on its stage, if any. */
export interface BroadcastFacts {
  readonly session: BroadcastSession;
  readonly liveOnStage: string | null;
}

export type BroadcastDecision =
  { readonly ok: true; readonly broadcast: SessionBroadcast; readonly resumed?: boolean } | { readonly ok: false };

/** A state change that was decided, with the stage the session was on under the lock (for the output after commit). */
export interface StateChange<D extends BroadcastDecision> {
  readonly decision: D;
  readonly stageId: string | null;
}

export class BroadcastRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async session(sessionId: string): Promise<BroadcastSession | null> {
    return findSession(this.db, sessionId);
  }

  /**
   * Decides and applies a state change in one transaction. `decide` sees the
   * facts read under the stage's lock; when it says ok, the session's state is
   * written (a resume also drops the replay the stop left, since a new one
   * comes with the next stop) with the actor's audit entry and the
   * `broadcast.state` events. Resolves to the decision, or null when the
   * session is gone.
   */
  async changeState<D extends BroadcastDecision>(
    sessionId: string,
    decide: (facts: BroadcastFacts) => D,
    actor: EditActor
  ): Promise<StateChange<D> | null> {
    return this.db.transaction().execute(async (tx) => {
      const before = await findSession(tx, sessionId);
      if (!before) return null;
      if (before.stageId !== null)
        await tx.selectFrom('stage').select('id').where('id', '=', before.stageId).forUpdate().execute();
      // Re-read under the lock: a change that committed while we waited is seen.
      const session = (await findSession(tx, sessionId, true)) ?? before;
      const live =
        session.stageId === null
          ? undefined
          : await tx
              .selectFrom('session')
              .select('id')
              .where('stage_id', '=', session.stageId)
              .where('broadcast_state', '=', 'live')
              .where('id', '!=', sessionId)
              .where('deleted_at', 'is', null)
              .executeTakeFirst();
      const facts: BroadcastFacts = { session, liveOnStage: live?.id ?? null };
      const decision = decide(facts);
      if (!decision.ok) return { decision, stageId: session.stageId };
      await tx
        .updateTable('session')
        .set({
          broadcast_state: decision.broadcast.state,
          went_live_at: decision.broadcast.wentLiveAt,
          ended_at: decision.broadcast.endedAt
        })
        .where('id', '=', sessionId)
        .execute();
      if (decision.resumed) await tx.deleteFrom('replay').where('session_id', '=', sessionId).execute();
      await recordAudit(tx, {
        accountId: actor.accountId,
        editionId: session.editionId,
        recordType: 'session',
        recordId: session.sessionId,
        action: 'update',
        changes: { broadcastState: { from: session.broadcast.state, to: decision.broadcast.state } }
      });
      for (const event of broadcastStateEvents(session, decision.broadcast.state)) await addToOutbox(tx, event);
      return { decision, stageId: session.stageId };
    });
  }

  /** Stores (or, after a resume and a second stop, replaces) the session's replay, and tells its page. */
  async saveReplay(replay: StoredReplay): Promise<void> {
    const values = {
      session_id: replay.sessionId,
      stage_id: replay.stageId,
      started_at: replay.startedAt,
      ended_at: replay.endedAt,
      duration_seconds: replay.durationSeconds
    };
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('replay')
        .values(values)
        .onConflict((c) =>
          c.column('session_id').doUpdateSet({
            stage_id: values.stage_id,
            started_at: values.started_at,
            ended_at: values.ended_at,
            duration_seconds: values.duration_seconds,
            created_at: sql<Date>`now()`
          })
        )
        .execute();
      await addToOutbox(tx, replayReadyEvent(replay.sessionId));
    });
  }

  /** One session's broadcast facts and replay, or null when the session does not exist. */
  async sessionView(sessionId: string): Promise<SessionBroadcastRow | null> {
    const rows = await this.views().where('session.id', '=', sessionId).execute();
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Every session of an edition that has been on air (or has a replay), in one query: the programme pages' badges. */
  async editionViews(editionId: string): Promise<SessionBroadcastRow[]> {
    const rows = await this.views()
      .where('session.edition_id', '=', editionId)
      .where((eb) => eb.or([eb('session.broadcast_state', '!=', 'scheduled'), eb('replay.session_id', 'is not', null)]))
      .execute();
    return rows.map(toView);
  }

  /** The sessions live now with their stage: after a restart the broadcaster puts them back on air. */
  async liveOnStages(): Promise<{ readonly sessionId: string; readonly stageId: string }[]> {
    const rows = await this.db
      .selectFrom('session')
      .select(['id', 'stage_id'])
      .where('broadcast_state', '=', 'live')
      .where('stage_id', 'is not', null)
      .where('deleted_at', 'is', null)
      .execute();
    return rows.map((row) => ({ sessionId: row.id, stageId: row.stage_id! }));
  }

  /** The stage's edition and stream-key generation; null for a stage that does not exist or was deleted. */
  async stage(
    stageId: string
  ): Promise<{ readonly stageId: string; readonly editionId: string; readonly generation: number } | null> {
    const row = await this.db
      .selectFrom('stage')
      .select(['id', 'edition_id', 'stream_key_generation'])
      .where('id', '=', stageId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? { stageId: row.id, editionId: row.edition_id, generation: row.stream_key_generation } : null;
  }

  /** The `StreamKeyGenerations` port of `StageStreamKeys`. */
  async streamKeyGeneration(stageId: string): Promise<number | null> {
    return (await this.stage(stageId))?.generation ?? null;
  }

  /**
   * Moves the stage to its next key generation (the old key stops opening it),
   * audited in the same transaction: the generation, never the key.
   */
  async rotateStreamKey(stageId: string, actor: EditActor): Promise<number | null> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .updateTable('stage')
        .set((eb) => ({ stream_key_generation: eb('stream_key_generation', '+', 1) }))
        .where('id', '=', stageId)
        .where('deleted_at', 'is', null)
        .returning(['stream_key_generation', 'edition_id'])
        .executeTakeFirst();
      if (!row) return null;
      await recordAudit(tx, {
        accountId: actor.accountId,
        editionId: row.edition_id,
        recordType: 'stage',
        recordId: stageId,
        action: 'update',
        changes: { streamKeyGeneration: { from: row.stream_key_generation - 1, to: row.stream_key_generation } }
      });
      return row.stream_key_generation;
    });
  }

  private views() {
    return this.db
      .selectFrom('session')
      .innerJoin('edition', 'edition.id', 'session.edition_id')
      .leftJoin('replay', 'replay.session_id', 'session.id')
      .select([
        'session.id as session_id',
        'edition.slug as edition_slug',
        'session.stage_id',
        'session.broadcast_state',
        'session.went_live_at',
        'session.ended_at',
        'replay.session_id as replay_session_id',
        'replay.stage_id as replay_stage_id',
        'replay.started_at as replay_started_at',
        'replay.ended_at as replay_ended_at',
        'replay.duration_seconds as replay_duration_seconds'
      ])
      .where('session.deleted_at', 'is', null);
  }
}

interface ViewRow {
  session_id: string;
  edition_slug: string;
  stage_id: string | null;
  broadcast_state: SessionBroadcast['state'];
  went_live_at: Date | null;
  ended_at: Date | null;
  replay_session_id: string | null;
  replay_stage_id: string | null;
  replay_started_at: Date | null;
  replay_ended_at: Date | null;
  replay_duration_seconds: string | number | null;
}

function toView(row: ViewRow): SessionBroadcastRow {
  const hasReplay =
    row.replay_session_id !== null &&
    row.replay_stage_id !== null &&
    row.replay_started_at !== null &&
    row.replay_ended_at !== null;
  return {
    sessionId: row.session_id,
    editionSlug: row.edition_slug,
    stageId: row.stage_id,
    broadcast: { state: row.broadcast_state, wentLiveAt: row.went_live_at, endedAt: row.ended_at },
    replay: hasReplay
      ? {
          sessionId: row.session_id,
          stageId: row.replay_stage_id as string,
          startedAt: row.replay_started_at as Date,
          endedAt: row.replay_ended_at as Date,
          durationSeconds: Number(row.replay_duration_seconds)
        }
      : null
  };
}

async function findSession(
  db: Kysely<DatabaseSchema> | Tx,
  sessionId: string,
  lock = false
): Promise<BroadcastSession | null> {
  let query = db
    .selectFrom('session')
    .innerJoin('edition', 'edition.id', 'session.edition_id')
    .select([
      'session.id',
      'session.edition_id',
      'edition.slug',
      'session.stage_id',
      'session.state',
      'session.broadcast_state',
      'session.went_live_at',
      'session.ended_at'
    ])
    .where('session.id', '=', sessionId)
    .where('session.deleted_at', 'is', null)
    .where('edition.deleted_at', 'is', null);
  if (lock) query = query.forUpdate('session');
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return {
    sessionId: row.id,
    editionId: row.edition_id,
    editionSlug: row.slug,
    stageId: row.stage_id,
    publication: row.state,
    broadcast: { state: row.broadcast_state, wentLiveAt: row.went_live_at, endedAt: row.ended_at }
  };
}
