import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBallot } from '../../domain/participation/polls/ballot.js';
import { resolvePoll } from '../../domain/participation/polls/pollInput.js';
import { tallyBallots, type Ballot } from '../../domain/participation/polls/voteCount.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import type { Database } from './database.js';
import { PollRepository, type PollScope } from './pollRepository.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { outboxEvents, withOutboxDown } from './testing/outboxEvents.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const demo = seoul2020Programme();
const scope: PollScope = { editionId: demo.edition.id, sessionId: 'd1-talk-concert' };
const otherSession: PollScope = { editionId: demo.edition.id, sessionId: 'd2-talk-concert' };
const alice = { accountId: 'alice' };

function values(overrides: Record<string, unknown> = {}) {
  const resolved = resolvePoll(
    {
      question: { ko: '어느 도시가 먼저?', en: 'Which city first?' },
      options: [
        { ko: '서울', en: 'Seoul' },
        { ko: '헬싱키', en: 'Helsinki' },
        { ko: '헤이그', en: 'The Hague' }
      ],
      kind: 'single',
      ...overrides
    },
    'ko'
  );
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return resolved.values;
}

describe.each(testDatabaseTargets())('polls on $name', (target) => {
  let database: Database;
  let polls: PollRepository;
  let audit: AuditRepository;
  /** The live events in the outbox so far, oldest first: what the relay will publish. */
  const outbox = () => outboxEvents(database.db);

  beforeAll(async () => {
    database = await target.open();
    await new ProgrammeRepository(database.db).saveProgramme(demo);
    polls = new PollRepository(database.db);
    audit = new AuditRepository(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates a draft with its options in order, and logs who created it', async () => {
    const before = (await outbox()).length;
    const poll = await polls.create(scope, values(), alice);
    expect(poll).toMatchObject({
      state: 'draft',
      version: 1,
      kind: 'single',
      maxChoices: null,
      sessionId: scope.sessionId
    });
    expect(poll.id).toMatch(/^which-city-first-[0-9a-f]{6}$/);
    expect(poll.options).toEqual([
      { id: 'opt-1', label: { ko: '서울', en: 'Seoul' } },
      { id: 'opt-2', label: { ko: '헬싱키', en: 'Helsinki' } },
      { id: 'opt-3', label: { ko: '헤이그', en: 'The Hague' } }
    ]);
    // Viewers never see drafts: creating one announces nothing.
    expect((await outbox()).length).toBe(before);
    const [entry] = await audit.forRecord('poll', poll.id);
    expect(entry).toMatchObject({ action: 'create', accountId: 'alice', editionId: scope.editionId });
    expect(await polls.listForSession(otherSession)).toEqual([]);
  });

  it('edits a draft under optimistic concurrency: a stale version gets the current poll back', async () => {
    const poll = await polls.create(scope, values(), alice);
    const saved = await polls.update(
      scope,
      poll.id,
      1,
      values({ kind: 'multiple', maxChoices: '2', options: [{ ko: '가' }, { ko: '나' }] }),
      alice
    );
    expect(saved).toMatchObject({
      status: 'saved',
      poll: {
        version: 2,
        kind: 'multiple',
        maxChoices: 2,
        options: [{ id: 'opt-1', label: { ko: '가' } }, { id: 'opt-2' }]
      }
    });
    const stale = await polls.update(scope, poll.id, 1, values(), alice);
    expect(stale).toMatchObject({ status: 'conflict', current: { version: 2, kind: 'multiple' } });
    const [entry] = await audit.forRecord('poll', poll.id);
    expect(entry!.action).toBe('update');
    expect(Object.keys(entry!.changes).sort()).toEqual(['kind', 'maxChoices', 'options']);
    expect(await polls.update(scope, 'no-such-poll', 1, values(), alice)).toEqual({ status: 'not_found' });
    expect(await polls.update(otherSession, poll.id, 2, values(), alice)).toEqual({ status: 'not_found' });
  });

  it('keeps one poll open per session: opening another closes the first, both in the log', async () => {
    const first = await polls.create(otherSession, values(), alice);
    const second = await polls.create(otherSession, values({ question: { ko: '두 번째' } }), alice);
    const channel = `session:${otherSession.sessionId}`;
    const before = (await outbox()).length;
    const opened = await polls.transition(otherSession, first.id, 1, 'open', alice);
    expect(opened).toMatchObject({ status: 'saved', poll: { state: 'open', version: 2 } });
    expect((await outbox()).slice(before)).toEqual([
      { channel, name: 'poll.opened', data: { id: first.id, version: 2 } }
    ]);
    const next = await polls.transition(otherSession, second.id, 1, 'open', alice);
    expect(next).toMatchObject({ status: 'saved', poll: { state: 'open' } });
    expect((await outbox()).slice(before + 1)).toEqual([
      { channel, name: 'poll.closed', data: { id: first.id, version: 3 } },
      { channel, name: 'poll.opened', data: { id: second.id, version: 2 } }
    ]);
    const states = (await polls.listForSession(otherSession)).map((p) => [p.id, p.state]);
    expect(states).toEqual([
      [first.id, 'closed'],
      [second.id, 'open']
    ]);
    const [closing] = await audit.forRecord('poll', first.id);
    expect(closing!.changes).toEqual({ state: { from: 'open', to: 'closed' } });
    // The database itself refuses a second open poll, whatever the code above it does.
    await expect(
      database.db.updateTable('poll').set({ state: 'open' }).where('id', '=', first.id).execute()
    ).rejects.toThrow();
  });

  it('refuses to edit, delete or close what the life cycle does not allow', async () => {
    const poll = await polls.create(scope, values(), alice);
    expect(await polls.transition(scope, poll.id, 1, 'close', alice)).toEqual({
      status: 'refused',
      code: 'poll.invalid_transition'
    });
    await polls.transition(scope, poll.id, 1, 'open', alice);
    expect(await polls.update(scope, poll.id, 2, values(), alice)).toEqual({
      status: 'refused',
      code: 'poll.not_draft'
    });
    expect(await polls.remove(scope, poll.id, 2, alice)).toEqual({ status: 'refused', code: 'poll.not_draft' });
    expect(await polls.transition(scope, poll.id, 2, 'open', alice)).toEqual({
      status: 'refused',
      code: 'poll.invalid_transition'
    });
    expect(await polls.transition(scope, poll.id, 1, 'close', alice)).toMatchObject({ status: 'conflict' });
    expect(await polls.transition(scope, poll.id, 2, 'close', alice)).toMatchObject({
      status: 'saved',
      poll: { state: 'closed', version: 3 }
    });
    expect(await polls.transition(scope, poll.id, 3, 'open', alice)).toMatchObject({
      status: 'saved',
      poll: { state: 'open', version: 4 }
    });
    await polls.transition(scope, poll.id, 4, 'close', alice);
  });

  it('deletes a draft, keeping what it was in the log', async () => {
    const poll = await polls.create(scope, values(), alice);
    expect(await polls.remove(scope, poll.id, 1, alice)).toEqual({ status: 'deleted' });
    expect(await polls.find(scope, poll.id)).toBeNull();
    const [entry] = await audit.forRecord('poll', poll.id);
    expect(entry!.action).toBe('delete');
    expect(entry!.changes.question).toEqual({ from: { en: 'Which city first?', ko: '어느 도시가 먼저?' }, to: null });
  });

  it('keeps one ballot per participant, replaced when they answer again, and counts like the domain rule', async () => {
    const poll = await polls.create(scope, values({ kind: 'multiple' }), alice);
    await polls.transition(scope, poll.id, 1, 'open', alice);
    const cast: Ballot[] = [
      { participantId: 'p:one', optionIds: ['opt-1', 'opt-2'] },
      { participantId: 'p:two', optionIds: ['opt-2'] },
      { participantId: 'account:three', optionIds: ['opt-3'] },
      { participantId: 'p:one', optionIds: ['opt-3'] },
      { participantId: 'p:two', optionIds: ['opt-1', 'opt-3'] }
    ];
    const before = (await outbox()).length;
    for (const ballot of cast) {
      const outcome = await polls.castBallot(scope, poll.id, ballot.participantId, (p) =>
        checkBallot(p, ballot.optionIds)
      );
      expect(outcome.status).toBe('cast');
    }
    // Each ballot moves the results' version, announced as poll.voted in its transaction.
    expect((await outbox()).slice(before)).toEqual(
      [1, 2, 3, 4, 5].map((version) => ({
        channel: `session:${scope.sessionId}`,
        name: 'poll.voted',
        data: { id: poll.id, version }
      }))
    );
    const tally = await polls.tally(poll.id);
    expect(tally).toEqual(tallyBallots(cast));
    expect(tally.ballots).toBe(3);
    expect(await polls.choicesOf(poll.id, 'p:two')).toEqual(['opt-1', 'opt-3']);
    expect(await polls.choicesOf(poll.id, 'p:nobody')).toEqual([]);
    // The primary key is the one-vote rule, whatever the code above it does.
    await expect(
      database.db.insertInto('poll_ballot').values({ poll_id: poll.id, participant_id: 'p:one' }).execute()
    ).rejects.toThrow();
    await polls.transition(scope, poll.id, 2, 'close', alice);
  });

  it('refuses a ballot on a closed poll or an unknown option, changing nothing', async () => {
    const poll = await polls.create(scope, values(), alice);
    const decide = (ids: string[]) => (p: Parameters<typeof checkBallot>[0]) => checkBallot(p, ids);
    const voted = async () => (await outbox()).filter((e) => e.name === 'poll.voted' && e.data.id === poll.id).length;
    expect(await polls.castBallot(scope, poll.id, 'p:early', decide(['opt-1']))).toMatchObject({
      status: 'refused',
      problem: 'poll.closed'
    });
    await polls.transition(scope, poll.id, 1, 'open', alice);
    expect(await polls.castBallot(scope, poll.id, 'p:x', decide(['opt-9']))).toMatchObject({
      status: 'refused',
      problem: 'poll.unknown_option'
    });
    // A refused ballot announces nothing; the one that counts does.
    expect(await voted()).toBe(0);
    await polls.castBallot(scope, poll.id, 'p:x', decide(['opt-2']));
    expect(await voted()).toBe(1);
    await polls.transition(scope, poll.id, 2, 'close', alice);
    expect(await polls.castBallot(scope, poll.id, 'p:x', decide(['opt-1']))).toMatchObject({
      status: 'refused',
      problem: 'poll.closed'
    });
    expect(await polls.castBallot(otherSession, poll.id, 'p:x', decide(['opt-1']))).toEqual({
      status: 'not_found'
    });
    expect(await polls.tally(poll.id)).toEqual({ ballots: 1, choices: new Map([['opt-2', 1]]) });
  });

  it('writes nothing when its outbox event cannot be written: the change and the event are one transaction', async () => {
    const poll = await polls.create(scope, values(), alice);
    await expect(
      withOutboxDown(database.db, () => polls.transition(scope, poll.id, 1, 'open', alice))
    ).rejects.toThrow();
    expect((await polls.find(scope, poll.id))!.state).toBe('draft');
    await polls.transition(scope, poll.id, 1, 'open', alice);
    await expect(
      withOutboxDown(database.db, () => polls.castBallot(scope, poll.id, 'p:y', (p) => checkBallot(p, ['opt-1'])))
    ).rejects.toThrow();
    expect(await polls.tally(poll.id)).toEqual({ ballots: 0, choices: new Map() });
    await polls.transition(scope, poll.id, 2, 'close', alice);
  });

  it('lets two moderators open two polls at once: they take turns and one poll ends up open', async () => {
    const session: PollScope = { editionId: demo.edition.id, sessionId: 'd2-cases' };
    const a = await polls.create(session, values(), alice);
    const b = await polls.create(session, values(), alice);
    const outcomes = await Promise.all([
      polls.transition(session, a.id, 1, 'open', alice),
      polls.transition(session, b.id, 1, 'open', alice)
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['saved', 'saved']);
    expect((await polls.listForSession(session)).filter((p) => p.state === 'open')).toHaveLength(1);
  });
});
