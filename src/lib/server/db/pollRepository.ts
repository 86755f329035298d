/**
 * Polls, their options and ballots. Every moderator change is one
 * transaction with its audit entry, under optimistic concurrency (a stale
 * version gets the current poll back); every ballot is one transaction that
 * replaces the participant's earlier choices. Both add their live events
 * (domain/participation/polls/pollEvents.ts) to the outbox in the same
 * transaction, so the events exist exactly when the change does. Changes to a session's polls lock all
 * of that session's polls first, so two moderators opening polls at once
 * take turns instead of tripping the one-open-poll index.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { changedFields, type AuditAction } from '../../domain/editing/audit.js';
import {
  isDeletable,
  isEditable,
  stateAfter,
  type Poll,
  type PollState,
  type PollTransition
} from '../../domain/participation/polls/poll.js';
import { pollEvents, pollVotedEvent, type PollChange } from '../../domain/participation/polls/pollEvents.js';
import type { PollValues } from '../../domain/participation/polls/pollInput.js';
import type { Tally } from '../../domain/participation/polls/voteCount.js';
import { recordAudit } from './auditRepository.js';
import { addToOutbox } from './outboxRepository.js';
import type { DatabaseSchema } from './schema.js';
import type { PollTable } from './schema/polls.js';
import { freshRecordId, type EditActor, type Reader, type Tx } from './versionedEdit.js';

/** Where a poll lives. */
export interface PollScope {
  readonly editionId: string;
  readonly sessionId: string;
}

export type PollEditOutcome =
  | { readonly status: 'saved'; readonly poll: Poll }
  | { readonly status: 'deleted' }
  | { readonly status: 'conflict'; readonly current: Poll }
  | { readonly status: 'refused'; readonly code: 'poll.not_draft' | 'poll.invalid_transition' }
  | { readonly status: 'not_found' };

export type BallotDecision<P extends string> =
  { readonly ok: true; readonly optionIds: readonly string[] } | { readonly ok: false; readonly problem: P };

export type BallotOutcome<P extends string> =
  | { readonly status: 'cast'; readonly poll: Poll; readonly tallyVersion: number }
  | { readonly status: 'refused'; readonly poll: Poll; readonly problem: P }
  | { readonly status: 'not_found' };

const recordType = 'poll';

export class PollRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** The session's polls, oldest first. */
  async listForSession(scope: PollScope): Promise<Poll[]> {
    return listPolls(this.db, scope);
  }

  async find(scope: PollScope, pollId: string): Promise<Poll | null> {
    return findPoll(this.db, scope, pollId);
  }

  create(scope: PollScope, values: PollValues, actor: EditActor): Promise<Poll> {
    return this.db.transaction().execute(async (tx) => {
      const id = await freshRecordId(
        values.question,
        'poll',
        async (candidate) =>
          (await tx.selectFrom('poll').select('id').where('id', '=', candidate).executeTakeFirst()) !== undefined
      );
      await tx
        .insertInto('poll')
        .values({
          id,
          edition_id: scope.editionId,
          session_id: scope.sessionId,
          question: JSON.stringify(values.question),
          kind: values.kind,
          max_choices: values.maxChoices,
          updated_by: actor.accountId
        })
        .execute();
      await insertOptions(tx, id, values);
      const created = (await findPoll(tx, scope, id))!;
      await audit(tx, scope, actor, id, 'create', changedFields({}, comparable(created)));
      await addPollEvents(tx, scope.sessionId, [{ pollId: id, what: 'created', version: created.version }]);
      return created;
    });
  }

  /** Replaces a draft's question, kind and options. */
  update(
    scope: PollScope,
    pollId: string,
    baseVersion: number,
    values: PollValues,
    actor: EditActor
  ): Promise<PollEditOutcome> {
    return this.change(scope, pollId, baseVersion, async (tx, current) => {
      if (!isEditable(current)) return { status: 'refused', code: 'poll.not_draft' };
      await tx
        .updateTable('poll')
        .set({ question: JSON.stringify(values.question), kind: values.kind, max_choices: values.maxChoices })
        .where('id', '=', pollId)
        .execute();
      await tx.deleteFrom('poll_option').where('poll_id', '=', pollId).execute();
      await insertOptions(tx, pollId, values);
      const saved = await markChanged(tx, scope, pollId, actor, current, 'update');
      await addPollEvents(tx, scope.sessionId, [{ pollId, what: 'changed', version: saved.version }]);
      return { status: 'saved', poll: saved };
    });
  }

  /** Opens (closing the session's open poll, if another) or closes a poll. */
  transition(
    scope: PollScope,
    pollId: string,
    baseVersion: number,
    transition: PollTransition,
    actor: EditActor
  ): Promise<PollEditOutcome> {
    return this.change(scope, pollId, baseVersion, async (tx, current, sessionPolls) => {
      const next = stateAfter(current.state, transition);
      if (!next) return { status: 'refused', code: 'poll.invalid_transition' };
      const now = new Date();
      const changes: PollChange[] = [];
      if (next === 'open') {
        for (const other of sessionPolls.filter((p) => p.state === 'open' && p.id !== pollId)) {
          await setState(tx, other.id, 'closed', now);
          const closed = await markChanged(tx, scope, other.id, actor, other, 'update');
          changes.push({ pollId: other.id, what: 'closed', version: closed.version });
        }
      }
      await setState(tx, pollId, next, now);
      const saved = await markChanged(tx, scope, pollId, actor, current, 'update');
      changes.push({ pollId, what: next === 'open' ? 'opened' : 'closed', version: saved.version });
      await addPollEvents(tx, scope.sessionId, changes);
      return { status: 'saved', poll: saved };
    });
  }

  /** Deletes a draft (no ballots can exist yet); the audit entry keeps what it was. */
  remove(scope: PollScope, pollId: string, baseVersion: number, actor: EditActor): Promise<PollEditOutcome> {
    return this.change(scope, pollId, baseVersion, async (tx, current) => {
      if (!isDeletable(current)) return { status: 'refused', code: 'poll.not_draft' };
      await tx.deleteFrom('poll').where('id', '=', pollId).execute();
      const was = comparable(current);
      // Every field goes from what it was to nothing, so the log keeps the deleted poll readable.
      await audit(
        tx,
        scope,
        actor,
        pollId,
        'delete',
        changedFields(was, Object.fromEntries(Object.keys(was).map((key) => [key, null])))
      );
      await addPollEvents(tx, scope.sessionId, [{ pollId, what: 'deleted', version: current.version + 1 }]);
      return { status: 'deleted' };
    });
  }

  /**
   * Casts (or replaces) a participant's ballot. `decide` sees the poll as it
   * is under the lock, so a poll closed a moment ago refuses the ballot.
   */
  castBallot<P extends string>(
    scope: Pick<PollScope, 'sessionId'>,
    pollId: string,
    participantId: string,
    decide: (poll: Poll) => BallotDecision<P>
  ): Promise<BallotOutcome<P>> {
    return this.db.transaction().execute(async (tx) => {
      const locked = await tx
        .selectFrom('poll')
        .select(['edition_id'])
        .where('id', '=', pollId)
        .where('session_id', '=', scope.sessionId)
        .forUpdate()
        .executeTakeFirst();
      if (!locked) return { status: 'not_found' } as const;
      const poll = (await findPoll(tx, { editionId: locked.edition_id, sessionId: scope.sessionId }, pollId))!;
      const decision = decide(poll);
      if (!decision.ok) return { status: 'refused', poll, problem: decision.problem } as const;
      const counted = await tx
        .updateTable('poll')
        .set({ tally_version: sql`tally_version + 1` })
        .where('id', '=', pollId)
        .returning('tally_version')
        .executeTakeFirstOrThrow();
      await tx
        .deleteFrom('poll_choice')
        .where('poll_id', '=', pollId)
        .where('participant_id', '=', participantId)
        .execute();
      const now = new Date();
      await tx
        .insertInto('poll_ballot')
        .values({ poll_id: pollId, participant_id: participantId, cast_at: now })
        .onConflict((oc) => oc.columns(['poll_id', 'participant_id']).doUpdateSet({ cast_at: now }))
        .execute();
      await tx
        .insertInto('poll_choice')
        .values(
          decision.optionIds.map((optionId) => ({
            poll_id: pollId,
            participant_id: participantId,
            option_id: optionId
          }))
        )
        .execute();
      await addToOutbox(tx, pollVotedEvent(scope.sessionId, pollId, counted.tally_version));
      return { status: 'cast', poll, tallyVersion: counted.tally_version } as const;
    });
  }

  /** Ballots and the count of each option, counted by the database. */
  async tally(pollId: string): Promise<Tally> {
    const [ballots, choices] = await Promise.all([
      this.db
        .selectFrom('poll_ballot')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('poll_id', '=', pollId)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('poll_choice')
        .select(['option_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('poll_id', '=', pollId)
        .groupBy('option_id')
        .execute()
    ]);
    return { ballots: Number(ballots.n), choices: new Map(choices.map((c) => [c.option_id, Number(c.n)])) };
  }

  /** The options a participant chose on their ballot (empty when they have none). */
  async choicesOf(pollId: string, participantId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('poll_choice')
      .select('option_id')
      .where('poll_id', '=', pollId)
      .where('participant_id', '=', participantId)
      .execute();
    return rows.map((r) => r.option_id);
  }

  private change(
    scope: PollScope,
    pollId: string,
    baseVersion: number,
    apply: (tx: Tx, current: Poll, sessionPolls: readonly Poll[]) => Promise<PollEditOutcome>
  ): Promise<PollEditOutcome> {
    return this.db.transaction().execute(async (tx) => {
      await tx
        .selectFrom('poll')
        .select('id')
        .where('session_id', '=', scope.sessionId)
        .where('edition_id', '=', scope.editionId)
        .orderBy('id')
        .forUpdate()
        .execute();
      const sessionPolls = await listPolls(tx, scope);
      const current = sessionPolls.find((p) => p.id === pollId);
      if (!current) return { status: 'not_found' };
      if (current.version !== baseVersion) return { status: 'conflict', current };
      return apply(tx, current, sessionPolls);
    });
  }
}

async function insertOptions(tx: Tx, pollId: string, values: PollValues): Promise<void> {
  await tx
    .insertInto('poll_option')
    .values(
      values.options.map((label, position) => ({
        poll_id: pollId,
        id: `opt-${position + 1}`,
        position,
        label: JSON.stringify(label)
      }))
    )
    .execute();
}

async function setState(tx: Tx, pollId: string, state: PollState, now: Date): Promise<void> {
  await tx
    .updateTable('poll')
    .set(state === 'open' ? { state, opened_at: now } : { state, closed_at: now })
    .where('id', '=', pollId)
    .execute();
}

/** Counts the version up, notes who changed it, and writes the audit entry of the change from `before`. */
async function markChanged(
  tx: Tx,
  scope: PollScope,
  pollId: string,
  actor: EditActor,
  before: Poll,
  action: AuditAction
): Promise<Poll> {
  await tx
    .updateTable('poll')
    .set({ version: sql`version + 1`, updated_at: new Date(), updated_by: actor.accountId })
    .where('id', '=', pollId)
    .execute();
  const after = (await findPoll(tx, scope, pollId))!;
  await audit(tx, scope, actor, pollId, action, changedFields(comparable(before), comparable(after)));
  return after;
}

function audit(
  tx: Tx,
  scope: PollScope,
  actor: EditActor,
  pollId: string,
  action: AuditAction,
  changes: ReturnType<typeof changedFields>
) {
  return recordAudit(tx, {
    accountId: actor.accountId,
    editionId: scope.editionId,
    recordType,
    recordId: pollId,
    action,
    changes
  });
}

/**
 * The fields a moderator changes (state included: opening and closing are
 * changes of it), and the session, which never changes but puts a creation
 * and a deletion in the log under their session.
 */
function comparable(poll: Poll): Record<string, unknown> {
  return {
    sessionId: poll.sessionId,
    question: poll.question,
    kind: poll.kind,
    maxChoices: poll.maxChoices,
    options: poll.options.map((o) => o.label),
    state: poll.state
  };
}

async function listPolls(db: Reader, scope: PollScope): Promise<Poll[]> {
  const rows = await db
    .selectFrom('poll')
    .selectAll()
    .where('session_id', '=', scope.sessionId)
    .where('edition_id', '=', scope.editionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return withOptions(db, rows);
}

async function findPoll(db: Reader, scope: PollScope, pollId: string): Promise<Poll | null> {
  const row = await db
    .selectFrom('poll')
    .selectAll()
    .where('id', '=', pollId)
    .where('session_id', '=', scope.sessionId)
    .where('edition_id', '=', scope.editionId)
    .executeTakeFirst();
  if (!row) return null;
  return (await withOptions(db, [row]))[0]!;
}

async function withOptions(db: Reader, rows: readonly Selectable<PollTable>[]): Promise<Poll[]> {
  if (rows.length === 0) return [];
  const options = await db
    .selectFrom('poll_option')
    .select(['poll_id', 'id', 'label'])
    .where(
      'poll_id',
      'in',
      rows.map((r) => r.id)
    )
    .orderBy('poll_id')
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    editionId: row.edition_id,
    sessionId: row.session_id,
    question: row.question,
    kind: row.kind,
    maxChoices: row.max_choices,
    options: options.filter((o) => o.poll_id === row.id).map((o) => ({ id: o.id, label: o.label })),
    state: row.state,
    version: row.version,
    createdAt: new Date(row.created_at),
    openedAt: row.opened_at ? new Date(row.opened_at) : null,
    closedAt: row.closed_at ? new Date(row.closed_at) : null
  }));
}

/** The write's live events, in its transaction (ADR 010): they exist iff the change committed. */
async function addPollEvents(tx: Tx, sessionId: string, changes: readonly PollChange[]): Promise<void> {
  for (const event of pollEvents(sessionId, changes)) await addToOutbox(tx, event);
}
