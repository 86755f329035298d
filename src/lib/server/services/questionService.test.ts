import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/access/policies.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { openDatabase, type Database } from '../db/database.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { QuestionRepository } from '../db/questionRepository.js';
import type { RateDecision, RateLimiter, RateRule } from '../rateLimits/rateLimiter.js';
import { QuestionService, questionRateRules } from './questionService.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const slug = demo.edition.slug;
const sessionId = demo.sessions.find((s) => s.kind === 'talk_concert')!.id;
const moderator: Actor = { id: 'mo', isAdmin: false, grants: [{ editionId, role: 'moderator' }] };
const admin: Actor = { id: 'ad', isAdmin: true, grants: [] };
const captioner: Actor = { id: 'ca', isAdmin: false, grants: [{ editionId, role: 'captioner' }] };
const elsewhere: Actor = { id: 'el', isAdmin: false, grants: [{ editionId: 'other', role: 'moderator' }] };

/** Counts per rule and key; refuses past the rule's limit (no clock: nothing here expires). */
class CountingLimiter implements RateLimiter {
  readonly taken: string[] = [];
  private readonly counts = new Map<string, number>();
  async take(rule: RateRule, key: string): Promise<RateDecision> {
    this.taken.push(`${rule.name}:${key}`);
    const count = (this.counts.get(`${rule.name}:${key}`) ?? 0) + 1;
    this.counts.set(`${rule.name}:${key}`, count);
    return count > rule.limit ? { allowed: false, retryAfterMs: 42_000 } : { allowed: true };
  }
}

describe('the Q&A service', () => {
  let database: Database;
  let limiter: CountingLimiter;
  let wakes: number;
  let eventsBefore: number;
  let service: QuestionService;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await new ProgrammeRepository(database.db).saveProgramme(demo);
  });
  /** Live events added to the outbox since the test began. */
  const events = async () =>
    (await database.db.selectFrom('outbox_event').select('name').orderBy('id').execute()).slice(eventsBefore);
  beforeEach(async () => {
    limiter = new CountingLimiter();
    wakes = 0;
    eventsBefore = (await database.db.selectFrom('outbox_event').select('id').execute()).length;
    const repository = new QuestionRepository(database.db);
    service = new QuestionService(repository, {
      limiter,
      liveEvents: { afterCommit: () => void wakes++ },
      screenText: async (_editionId, text) => text.replace(/darn/gi, '****')
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  const ask = (participantId: string, input: Record<string, unknown>, address = '192.0.2.1') =>
    service.ask({
      editionSlug: slug,
      sessionId,
      participantId,
      address,
      input: { idempotencyKey: randomUUID(), ...input }
    });

  it('stores a question, wakes the outbox relay, and screens the text through the word filter', async () => {
    const asked = await ask('p:ann', { text: ' Why is it so  darn slow? ', displayName: 'Ann' });
    expect(asked).toMatchObject({
      status: 'asked',
      isNew: true,
      question: { text: 'Why is it so **** slow?', displayName: 'Ann', status: 'visible' }
    });
    expect(wakes).toBe(1);
    expect((await events()).map((e) => e.name)).toEqual(['question.asked']);
    expect(limiter.taken).toEqual(['question.ask:p:ann', 'question.ask_address:192.0.2.1']);
  });

  it('answers a retry with the first question, without a second row, a second event or a rate-limit charge', async () => {
    const key = randomUUID();
    const first = await ask('p:bea', { text: 'Once only', idempotencyKey: key });
    const retry = await ask('p:bea', { text: 'Once only', idempotencyKey: key });
    expect(retry).toEqual({
      status: 'asked',
      question: first.status === 'asked' ? first.question : null,
      isNew: false
    });
    expect(limiter.taken).toHaveLength(2);
    expect(await events()).toHaveLength(1);
    expect(wakes).toBe(1);
  });

  it('refuses bad input by field and stores nothing', async () => {
    const before = (await service.panel(sessionId, null, 'time')).total;
    expect(await ask('p:cy', { text: '' })).toEqual({
      status: 'invalid',
      problems: [{ field: 'text', code: 'question.text_required' }]
    });
    expect(await ask('p:cy', { text: 'ok', idempotencyKey: 'again' })).toEqual({
      status: 'invalid',
      problems: [{ field: 'idempotencyKey', code: 'question.invalid_field' }]
    });
    expect((await service.panel(sessionId, null, 'time')).total).toBe(before);
    expect(await events()).toEqual([]);
  });

  it('limits a participant to 5 questions a minute and an address to 30', async () => {
    for (let i = 0; i < 5; i++) expect((await ask('p:dan', { text: `Question ${i}` })).status).toBe('asked');
    expect(await ask('p:dan', { text: 'One too many' })).toEqual({ status: 'too_fast', retryAfterMs: 42_000 });
    for (let i = 0; i < 25; i++)
      expect((await ask(`p:class-${i}`, { text: 'From the classroom' }, '198.51.100.7')).status).toBe('asked');
    expect((await ask('p:class-x', { text: 'Thirty-first' }, '198.51.100.7')).status).toBe('asked');
    for (let i = 0; i < 4; i++) await ask(`p:late-${i}`, { text: 'More' }, '198.51.100.7');
    expect((await ask('p:class-y', { text: 'Thirty-sixth' }, '198.51.100.7')).status).toBe('too_fast');
  });

  it('refuses questions for unknown or unpublished sessions', async () => {
    expect(
      await service.ask({
        editionSlug: slug,
        sessionId: 'nope',
        participantId: 'p:x',
        address: 'a',
        input: { text: 'Hi', idempotencyKey: randomUUID() }
      })
    ).toEqual({
      status: 'not_found'
    });
    expect(
      await service.ask({ editionSlug: 'nope', sessionId, participantId: 'p:x', address: 'a', input: {} })
    ).toEqual({ status: 'not_found' });
  });

  it('votes and withdraws, limited to 60 a minute, and shows the viewer their vote', async () => {
    const asked = await ask('p:eve', { text: 'Vote for me' });
    if (asked.status !== 'asked') throw new Error(asked.status);
    const id = asked.question.id;
    expect(
      await service.vote({ editionSlug: slug, sessionId, participantId: 'p:fay', questionId: id, intent: 'up' })
    ).toMatchObject({
      status: 'saved',
      hasVote: true,
      question: { voteCount: 1 }
    });
    const panel = await service.panel(sessionId, 'p:fay', 'votes');
    expect(panel.questions.find((q) => q.id === id)).toMatchObject({ hasMyVote: true, isMine: false, voteCount: 1 });
    expect((await service.panel(sessionId, 'p:eve', 'votes')).questions.find((q) => q.id === id)).toMatchObject({
      hasMyVote: false,
      isMine: true
    });
    expect(
      await service.vote({ editionSlug: slug, sessionId, participantId: 'p:fay', questionId: id, intent: 'withdraw' })
    ).toMatchObject({
      hasVote: false,
      question: { voteCount: 0 }
    });
    expect(
      await service.vote({
        editionSlug: slug,
        sessionId,
        participantId: 'p:fay',
        questionId: 'not-a-uuid',
        intent: 'up'
      })
    ).toEqual({ status: 'not_found' });
    for (let i = 0; i < questionRateRules.vote.limit - 2; i++) {
      await service.vote({
        editionSlug: slug,
        sessionId,
        participantId: 'p:fay',
        questionId: id,
        intent: i % 2 ? 'up' : 'withdraw'
      });
    }
    expect(
      (await service.vote({ editionSlug: slug, sessionId, participantId: 'p:fay', questionId: id, intent: 'up' }))
        .status
    ).toBe('too_fast');
  });

  it('lets moderators and admins of the edition moderate, and nobody else', async () => {
    const asked = await ask('p:gus', { text: 'Moderate me' });
    if (asked.status !== 'asked') throw new Error(asked.status);
    const id = asked.question.id;
    for (const actor of [captioner, elsewhere]) {
      expect(await service.moderate(actor, slug, sessionId, id, 1, 'hide')).toEqual({ status: 'forbidden' });
      expect(await service.merge(actor, slug, sessionId, id, 1, randomUUID())).toEqual({ status: 'forbidden' });
      expect(await service.setPremoderation(actor, slug, sessionId, 1, true)).toEqual({ status: 'forbidden' });
      expect((await service.moderationView(actor, slug, sessionId)).status).toBe('forbidden');
    }
    expect(await service.moderate(moderator, slug, sessionId, id, 1, 'pin')).toMatchObject({
      status: 'saved',
      question: { isPinned: true }
    });
    expect(wakes).toBe(2);
    expect(await service.moderate(admin, slug, sessionId, id, 1, 'answer')).toMatchObject({
      status: 'conflict',
      current: { version: 2 }
    });
    expect(await service.moderate(admin, slug, sessionId, id, 2, 'answer')).toMatchObject({ status: 'saved' });
    expect(await service.moderate(admin, slug, sessionId, 'nope', 1, 'answer')).toEqual({ status: 'not_found' });
    expect(await service.moderate(admin, slug, 'nope', id, 1, 'answer')).toEqual({ status: 'not_found' });
    const view = await service.moderationView(moderator, slug, sessionId);
    expect(view.status === 'found' && view.questions.find((q) => q.id === id)).toMatchObject({
      isPinned: true,
      isAnswered: true,
      version: 3
    });
  });

  it('merges duplicates and refuses a keeper that is not a question', async () => {
    const a = await ask('p:hal', { text: 'Keep this' });
    const b = await ask('p:ivy', { text: 'Duplicate of that' });
    if (a.status !== 'asked' || b.status !== 'asked') throw new Error('not asked');
    expect(await service.merge(moderator, slug, sessionId, b.question.id, 1, 'garbage')).toMatchObject({
      status: 'refused',
      code: 'question.merge_target_unavailable'
    });
    expect(await service.merge(moderator, slug, sessionId, b.question.id, 1, a.question.id)).toMatchObject({
      status: 'saved',
      question: { status: 'merged' }
    });
    expect((await service.panel(sessionId, null, 'time')).questions.map((q) => q.id)).not.toContain(b.question.id);
  });

  it('with pre-moderation on, holds new questions and shows them to their asker only', async () => {
    const view = await service.moderationView(moderator, slug, sessionId);
    if (view.status !== 'found') throw new Error(view.status);
    expect(await service.setPremoderation(moderator, slug, sessionId, view.settings.version, true)).toMatchObject({
      status: 'saved',
      settings: { isPremoderated: true }
    });
    const asked = await ask('p:jo', { text: 'Held back' });
    expect(asked).toMatchObject({ status: 'asked', question: { status: 'pending' } });
    expect(await events()).toEqual([]);
    const mine = await service.panel(sessionId, 'p:jo', 'votes');
    expect(mine.isPremoderated).toBe(true);
    expect(mine.ownPending.map((q) => q.text)).toEqual(['Held back']);
    expect((await service.panel(sessionId, 'p:ken', 'votes')).ownPending).toEqual([]);
    await service.setPremoderation(moderator, slug, sessionId, view.settings.version + 1, false);
  });
});
