import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { openDatabase, type Database } from '../db/database.js';
import { PollRepository } from '../db/pollRepository.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { outboxMark, type OutboxEvent } from '../db/testing/outboxEvents.js';
import type { RateDecision, RateRule } from '../rateLimits/rateLimiter.js';
import { PollModeration } from './pollModeration.js';
import { pollAnswerRules, PollParticipation } from './pollParticipation.js';

const editionId = seoul2020Programme().edition.id;
const moderator: Actor = { id: 'mo', isAdmin: false, grants: [{ editionId, role: 'moderator' }] };
const producer: Actor = { id: 'pat', isAdmin: false, grants: [{ editionId, role: 'producer' }] };
const speaker: Actor = { id: 'sam', isAdmin: false, grants: [{ editionId, role: 'speaker' }] };
const elsewhere: Actor = { id: 'el', isAdmin: false, grants: [{ editionId: 'other', role: 'admin' }] };
const admin: Actor = { id: 'ada', isAdmin: true, grants: [] };
const session = 'd1-talk-concert';

const form = (overrides: Record<string, unknown> = {}) => ({
  question: { ko: '어느 도시?', en: 'Which city?' },
  options: [{ ko: '서울', en: 'Seoul' }, { ko: '헬싱키', en: 'Helsinki' }, {}],
  kind: 'single',
  maxChoices: '',
  ...overrides
});

/** The outbox events written since the test began (db/testing/outboxEvents.ts), and the relay's wake-ups. */
class OutboxSpy {
  wakeUps = 0;
  #mark: Awaited<ReturnType<typeof outboxMark>> | null = null;
  constructor(private readonly database: () => Database) {}
  async start(): Promise<void> {
    this.#mark = await outboxMark(this.database().db);
  }
  async events(): Promise<{ event: OutboxEvent }[]> {
    return ((await this.#mark?.since()) ?? []).map((event) => ({ event }));
  }
  readonly liveEvents = { afterCommit: () => void this.wakeUps++ };
}

/** A limiter that allows `allowance` takes per rule and key, and records what was asked. */
class FakeLimiter {
  taken: string[] = [];
  constructor(private allowance: number) {}
  private counts = new Map<string, number>();
  async take(rule: RateRule, key: string): Promise<RateDecision> {
    this.taken.push(`${rule.name}:${key}`);
    const n = (this.counts.get(`${rule.name}:${key}`) ?? 0) + 1;
    this.counts.set(`${rule.name}:${key}`, n);
    return n <= this.allowance ? { allowed: true } : { allowed: false, retryAfterMs: 42_000 };
  }
}

describe('polls through their services', () => {
  let database: Database;
  let outbox: OutboxSpy;
  let limiter: FakeLimiter;
  let moderation: PollModeration;
  let participation: PollParticipation;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await new ProgrammeRepository(database.db).saveProgramme(seoul2020Programme());
  });
  beforeEach(async () => {
    outbox = new OutboxSpy(() => database);
    await outbox.start();
    limiter = new FakeLimiter(1000);
    const polls = new PollRepository(database.db);
    const live = { liveEvents: outbox.liveEvents };
    moderation = new PollModeration(new ProgrammeRepository(database.db), polls, live);
    participation = new PollParticipation(polls, { ...live, rateLimiter: limiter });
  });
  afterAll(async () => {
    await database?.close();
  });

  async function openPoll(overrides: Record<string, unknown> = {}) {
    const created = await moderation.create(moderator, 'seoul-2020', session, form(overrides));
    if (created.status !== 'saved') throw new Error(created.status);
    const opened = await moderation.transition(moderator, 'seoul-2020', session, created.poll.id, 1, 'open');
    if (opened.status !== 'saved') throw new Error(opened.status);
    return opened.poll;
  }

  it('lets moderators, producers and admins of the edition run polls, and nobody else', async () => {
    for (const actor of [moderator, producer, admin]) {
      expect((await moderation.create(actor, 'seoul-2020', session, form())).status).toBe('saved');
    }
    for (const actor of [speaker, elsewhere]) {
      expect(await moderation.create(actor, 'seoul-2020', session, form())).toEqual({ status: 'forbidden' });
      expect(await moderation.view(actor, 'seoul-2020', session)).toEqual({ status: 'forbidden' });
    }
    expect(await moderation.view(moderator, 'seoul-2020', 'no-such-session')).toEqual({ status: 'not_found' });
    expect(await moderation.view(moderator, 'no-such-edition', session)).toEqual({ status: 'not_found' });
  });

  it('says what is wrong with a poll, and stores nothing', async () => {
    const before = await moderation.view(moderator, 'seoul-2020', session);
    const result = await moderation.create(
      moderator,
      'seoul-2020',
      session,
      form({ question: { en: 'Only English' }, options: [{ ko: '하나' }] })
    );
    expect(result).toEqual({
      status: 'invalid',
      problems: [
        { field: 'question.ko', code: 'poll.question_required' },
        { field: 'options', code: 'poll.too_few_options' }
      ]
    });
    expect(await moderation.view(moderator, 'seoul-2020', session)).toEqual(before);
    expect(await outbox.events()).toEqual([]);
  });

  it('publishes opening and closing (not draft edits) through the outbox and wakes the relay after commit', async () => {
    const created = await moderation.create(moderator, 'seoul-2020', session, form());
    if (created.status !== 'saved') throw new Error(created.status);
    expect(await outbox.events()).toEqual([]);
    await moderation.transition(moderator, 'seoul-2020', session, created.poll.id, 1, 'open');
    const other = await openPoll();
    // Opening the second poll closed the first: one open poll per session.
    expect((await outbox.events()).map((e) => e.event)).toEqual([
      { channel: `session:${session}`, name: 'poll.opened', data: { id: created.poll.id, version: 2 } },
      { channel: `session:${session}`, name: 'poll.closed', data: { id: created.poll.id, version: 3 } },
      { channel: `session:${session}`, name: 'poll.opened', data: { id: other.id, version: 2 } }
    ]);
    expect(outbox.wakeUps).toBeGreaterThanOrEqual(3);
    await moderation.transition(moderator, 'seoul-2020', session, other.id, 2, 'close');
  });

  it('takes a ballot, replaces it when the participant answers again, and shows results only after answering', async () => {
    const poll = await openPoll();
    const scope = { editionId, sessionId: session };
    const before = await participation.panel(scope, 'p:alice');
    expect(before).toMatchObject({
      poll: { id: poll.id, state: 'open', choiceLimit: 1 },
      myChoices: [],
      results: null
    });

    const answer = (participantId: string, optionIds: string[], address = '192.0.2.1') =>
      participation.answer({
        scope: { sessionId: session },
        participantId,
        address,
        input: { pollId: poll.id, optionIds }
      });
    expect(await answer('p:alice', ['opt-1'])).toMatchObject({ status: 'cast' });
    expect(await answer('p:bob', ['opt-1'])).toMatchObject({ status: 'cast' });
    expect(await answer('p:alice', ['opt-2'])).toMatchObject({ status: 'cast' });
    expect((await outbox.events()).slice(-3).map((e) => e.event)).toEqual(
      [1, 2, 3].map((version) => ({
        channel: `session:${session}`,
        name: 'poll.voted',
        data: { id: poll.id, version }
      }))
    );

    const after = await participation.panel(scope, 'p:alice');
    expect(after.myChoices).toEqual(['opt-2']);
    expect(after.results).toEqual({
      ballots: 2,
      options: [
        { id: 'opt-1', count: 1, percent: 50 },
        { id: 'opt-2', count: 1, percent: 50 }
      ]
    });
    expect((await participation.panel(scope, null)).results).toBeNull();
    expect((await participation.panel(scope, 'p:carol')).results).toBeNull();

    const closed = await moderation.transition(moderator, 'seoul-2020', session, poll.id, 2, 'close');
    expect(closed.status).toBe('saved');
    // Closed: everyone sees the results, and answering is refused with a reason.
    expect((await participation.panel(scope, null)).results).toMatchObject({ ballots: 2 });
    expect(await answer('p:carol', ['opt-1'])).toEqual({ status: 'refused', code: 'poll.closed' });
    const view = await moderation.view(moderator, 'seoul-2020', session);
    if (view.status !== 'found') throw new Error(view.status);
    expect(view.polls.find((p) => p.poll.id === poll.id)!.results.ballots).toBe(2);
  });

  it('refuses a ballot that does not fit the poll, or does not parse', async () => {
    const poll = await openPoll({
      kind: 'multiple',
      maxChoices: '2',
      options: [{ ko: '가' }, { ko: '나' }, { ko: '다' }]
    });
    const answer = (input: unknown) =>
      participation.answer({ scope: { sessionId: session }, participantId: 'p:dave', address: '192.0.2.2', input });
    expect(await answer({ pollId: poll.id, optionIds: ['opt-1', 'opt-2', 'opt-3'] })).toEqual({
      status: 'refused',
      code: 'poll.too_many_choices'
    });
    expect(await answer({ pollId: poll.id, optionIds: [] })).toEqual({ status: 'refused', code: 'poll.no_choice' });
    expect(await answer({ pollId: poll.id, optionIds: ['opt-7'] })).toEqual({
      status: 'refused',
      code: 'poll.unknown_option'
    });
    expect(await answer({ pollId: 'no-such-poll', optionIds: ['opt-1'] })).toEqual({ status: 'not_found' });
    expect(await answer({ pollId: '<script>', optionIds: ['opt-1'] })).toEqual({ status: 'invalid' });
    expect(await answer({ pollId: poll.id, optionIds: 'opt-1' })).toEqual({ status: 'invalid' });
    expect(await answer({ pollId: poll.id, optionIds: ['opt-1', 'opt-3'] })).toEqual({
      status: 'cast',
      poll: expect.objectContaining({ id: poll.id })
    });
    await moderation.transition(moderator, 'seoul-2020', session, poll.id, 2, 'close');
  });

  it('asks the rate limiter per participant and per address before storing, and stores nothing when refused', async () => {
    const poll = await openPoll();
    limiter = new FakeLimiter(1);
    const polls = new PollRepository(database.db);
    participation = new PollParticipation(polls, {
      liveEvents: outbox.liveEvents,
      rateLimiter: limiter
    });
    const answer = (participantId: string, optionIds: string[]) =>
      participation.answer({
        scope: { sessionId: session },
        participantId,
        address: '198.51.100.7',
        input: { pollId: poll.id, optionIds }
      });
    expect((await answer('p:erin', ['opt-1'])).status).toBe('cast');
    expect(await answer('p:erin', ['opt-2'])).toEqual({ status: 'too_fast', retryAfterMs: 42_000 });
    expect(limiter.taken).toEqual([
      'poll.answer.participant:p:erin',
      'poll.answer.address:198.51.100.7',
      'poll.answer.participant:p:erin'
    ]);
    expect((await participation.panel({ editionId, sessionId: session }, 'p:erin')).myChoices).toEqual(['opt-1']);
    expect(pollAnswerRules.perParticipant).toMatchObject({ limit: 30, windowMs: 60_000 });
    expect(pollAnswerRules.perAddress).toMatchObject({ limit: 300, windowMs: 60_000 });
    await moderation.transition(moderator, 'seoul-2020', session, poll.id, 2, 'close');
  });

  it('shows the last closed poll when none is open, and nothing before the first one opens', async () => {
    const quiet = { editionId, sessionId: 'd2-keynote' };
    expect(await participation.panel(quiet, 'p:frank')).toEqual({ poll: null, myChoices: [], results: null });
    const draft = await moderation.create(moderator, 'seoul-2020', 'd2-keynote', form());
    if (draft.status !== 'saved') throw new Error(draft.status);
    expect((await participation.panel(quiet, null)).poll).toBeNull();
    await moderation.transition(moderator, 'seoul-2020', 'd2-keynote', draft.poll.id, 1, 'open');
    await moderation.transition(moderator, 'seoul-2020', 'd2-keynote', draft.poll.id, 2, 'close');
    expect(await participation.panel(quiet, null)).toMatchObject({
      poll: { id: draft.poll.id, state: 'closed' },
      results: { ballots: 0, options: [{ percent: 0 }, { percent: 0 }] }
    });
  });

  it('edits and deletes drafts only, under optimistic concurrency', async () => {
    const created = await moderation.create(moderator, 'seoul-2020', session, form());
    if (created.status !== 'saved') throw new Error(created.status);
    const id = created.poll.id;
    expect(await moderation.update(moderator, 'seoul-2020', session, id, 1, form({ kind: 'ranked' }))).toEqual({
      status: 'invalid',
      problems: [{ field: 'kind', code: 'poll.invalid_field' }]
    });
    expect(
      await moderation.update(moderator, 'seoul-2020', session, id, 1, form({ question: { ko: '고친 질문' } }))
    ).toMatchObject({ status: 'saved', poll: { version: 2, question: { ko: '고친 질문' } } });
    expect(await moderation.remove(moderator, 'seoul-2020', session, id, 1)).toMatchObject({
      status: 'conflict',
      current: { version: 2 }
    });
    expect(await moderation.remove(speaker, 'seoul-2020', session, id, 2)).toEqual({ status: 'forbidden' });
    expect(await moderation.remove(moderator, 'seoul-2020', session, id, 2)).toEqual({ status: 'deleted' });
    expect(await moderation.remove(moderator, 'seoul-2020', session, id, 2)).toEqual({ status: 'not_found' });
  });
});
