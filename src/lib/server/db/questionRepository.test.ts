import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import type { Database } from './database.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { QuestionRepository } from './questionRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';
import { outboxEvents } from './testing/outboxEvents.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const now = new Date('2026-11-26T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const moderator = { accountId: 'mod-1' };

describe.each(testDatabaseTargets())('the Q&A tables on $name', (target) => {
  let database: Database;
  let questions: QuestionRepository;
  let audit: AuditRepository;
  let sessionId: string;
  let scope: { editionId: string; sessionId: string };

  beforeAll(async () => {
    database = await target.open();
    await new ProgrammeRepository(database.db).saveProgramme(demo);
    questions = new QuestionRepository(database.db);
    audit = new AuditRepository(database.db);
    sessionId = demo.sessions.find((s) => s.kind === 'talk_concert')!.id;
    scope = { editionId, sessionId };
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The live events in the outbox so far, oldest first: what the relay will publish. */
  const outbox = () => outboxEvents(database.db);

  const ask = (participantId: string, text: string, key = randomUUID(), displayName: string | null = null, at = now) =>
    questions.ask(sessionId, participantId, { text, displayName, idempotencyKey: key }, at);

  it('finds the session by edition slug, and says whether the public sees it', async () => {
    expect(await questions.findSession(demo.edition.slug, sessionId)).toMatchObject({
      sessionId,
      editionId,
      isPublic: true,
      defaultLocale: demo.edition.defaultLocale
    });
    expect(await questions.findSession('nope', sessionId)).toBeNull();
    expect(await questions.findSession(demo.edition.slug, 'nope')).toBeNull();
  });

  it('stores a question once per participant and key: a retry returns the first, even with other text', async () => {
    const key = randomUUID();
    const before = (await outbox()).length;
    const first = await ask('p:alice', 'How do cities share data?', key, 'Alice');
    expect(first.isNew).toBe(true);
    expect(first.question).toMatchObject({
      text: 'How do cities share data?',
      displayName: 'Alice',
      status: 'visible',
      voteCount: 0,
      version: 1
    });
    const retry = await ask('p:alice', 'How do cities share data? (again)', key, 'Alice');
    expect(retry).toEqual({ question: first.question, isNew: false });
    expect(await questions.findAsked(sessionId, 'p:alice', key)).toEqual(first.question);
    // Another participant may happen to send the same key: that is their own question.
    expect((await ask('p:bob', 'Mine', key)).isNew).toBe(true);
    const events = (await outbox()).slice(before);
    expect(events.map((e) => e.name)).toEqual(['question.asked', 'question.asked']);
    expect(events[0]).toEqual({
      channel: `session:${sessionId}`,
      name: 'question.asked',
      data: { id: first.question.id, version: 1 }
    });
  });

  it('never makes a duplicate when the same submission races itself', async () => {
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => ask('p:racer', 'Same form, sent eight times', key))
    );
    expect(new Set(results.map((r) => r.question.id)).size).toBe(1);
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
  });

  it('counts one vote per participant, lets them withdraw it, and refuses votes on questions not shown', async () => {
    const { question } = await ask('p:carol', 'Will it be open source?');
    const up = await questions.vote(sessionId, question.id, 'p:dave', 'up', now);
    expect(up).toMatchObject({ status: 'saved', hasVote: true, changed: true, question: { voteCount: 1 } });
    const again = await questions.vote(sessionId, question.id, 'p:dave', 'up', now);
    expect(again).toMatchObject({ status: 'saved', changed: false, question: { voteCount: 1 } });
    await questions.vote(sessionId, question.id, 'p:erin', 'up', now);
    const withdrawn = await questions.vote(sessionId, question.id, 'p:dave', 'withdraw', now);
    expect(withdrawn).toMatchObject({ status: 'saved', hasVote: false, changed: true, question: { voteCount: 1 } });
    expect(await questions.vote(sessionId, question.id, 'p:dave', 'withdraw', now)).toMatchObject({
      changed: false,
      question: { voteCount: 1 }
    });
    expect(await questions.vote(sessionId, randomUUID(), 'p:dave', 'up', now)).toEqual({ status: 'not_found' });

    const hidden = await questions.moderate(scope, question.id, 1, 'hide', moderator, now);
    expect(hidden.status).toBe('saved');
    expect(await questions.vote(sessionId, question.id, 'p:frank', 'up', now)).toEqual({
      status: 'refused',
      code: 'question.not_votable'
    });
  });

  it('counts concurrent votes exactly', async () => {
    const { question } = await ask('p:grace', 'Popular question');
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => questions.vote(sessionId, question.id, `p:voter-${i % 10}`, 'up', now))
    );
    const listed = await questions.listForModeration(sessionId);
    expect(listed.find((q) => q.id === question.id)!.voteCount).toBe(10);
  });

  it('holds questions for a moderator while pre-moderation is on; the asker sees their own waiting question', async () => {
    const settings = await questions.settings(sessionId);
    expect(settings).toEqual({ isPremoderated: false, version: 1 });
    expect(await questions.setPremoderation(scope, 1, true, moderator, now)).toEqual({
      status: 'saved',
      settings: { isPremoderated: true, version: 2 }
    });
    expect(await questions.setPremoderation(scope, 1, false, moderator, now)).toEqual({
      status: 'conflict',
      current: { isPremoderated: true, version: 2 }
    });
    const before = (await outbox()).length;
    const { question } = await ask('p:heidi', 'Waiting question');
    expect(question.status).toBe('pending');
    expect((await outbox()).length).toBe(before);
    expect(await questions.vote(sessionId, question.id, 'p:ivan', 'up', now)).toEqual({
      status: 'refused',
      code: 'question.not_votable'
    });

    const forHeidi = await questions.listForPanel(sessionId, 'p:heidi', 'votes', 100);
    expect(forHeidi.ownPending.map((q) => q.id)).toEqual([question.id]);
    expect(forHeidi.questions.map((q) => q.id)).not.toContain(question.id);
    expect((await questions.listForPanel(sessionId, 'p:ivan', 'votes', 100)).ownPending).toEqual([]);

    const approved = await questions.moderate(scope, question.id, 1, 'approve', moderator, now);
    expect(approved).toMatchObject({ status: 'saved', question: { status: 'visible', version: 2 } });
    expect((await outbox()).at(-1)).toMatchObject({ name: 'question.changed', data: { id: question.id, version: 2 } });
    expect(await questions.setPremoderation(scope, 2, false, moderator, now)).toMatchObject({ status: 'saved' });
    const entries = await audit.forRecord('session_question_settings', sessionId);
    expect(entries.map((e) => e.changes)).toEqual([
      { isPremoderated: { from: true, to: false } },
      { isPremoderated: { from: false, to: true } }
    ]);
  });

  it('refuses a stale moderation and says what the question is now', async () => {
    const { question } = await ask('p:judy', 'Two moderators at once');
    expect((await questions.moderate(scope, question.id, 1, 'answer', moderator, now)).status).toBe('saved');
    const stale = await questions.moderate(scope, question.id, 1, 'hide', { accountId: 'mod-2' }, now);
    expect(stale).toMatchObject({ status: 'conflict', current: { isAnswered: true, version: 2, status: 'visible' } });
    expect(await questions.moderate(scope, question.id, 2, 'approve', moderator, now)).toMatchObject({
      status: 'refused',
      code: 'question.not_allowed_now'
    });
    expect(await questions.moderate(scope, randomUUID(), 1, 'hide', moderator, now)).toEqual({ status: 'not_found' });
    const entries = await audit.forRecord('question', question.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      accountId: 'mod-1',
      editionId,
      action: 'update',
      changes: { isAnswered: { from: false, to: true } }
    });
  });

  it('pins one question at a time, first in the panel', async () => {
    const a = (await ask('p:kim', 'First to pin', undefined, null, later(1))).question;
    const b = (await ask('p:lee', 'Second to pin', undefined, null, later(2))).question;
    expect((await questions.moderate(scope, a.id, 1, 'pin', moderator, now)).status).toBe('saved');
    expect((await questions.moderate(scope, b.id, 1, 'pin', moderator, now)).status).toBe('saved');
    const listed = await questions.listForModeration(sessionId);
    expect(listed.filter((q) => q.isPinned).map((q) => q.id)).toEqual([b.id]);
    expect(listed.find((q) => q.id === a.id)!.version).toBe(3);
    for (const sort of ['votes', 'time'] as const) {
      expect((await questions.listForPanel(sessionId, null, sort, 100)).questions[0]!.id).toBe(b.id);
    }
    const hidden = await questions.moderate(scope, b.id, 2, 'hide', moderator, now);
    expect(hidden).toMatchObject({ status: 'saved', question: { status: 'hidden', isPinned: false } });
    expect((await questions.listForPanel(sessionId, null, 'votes', 100)).questions.some((q) => q.isPinned)).toBe(false);
  });

  it('merges a duplicate: votes move without counting anyone twice, and the duplicate is shown nowhere', async () => {
    const keep = (await ask('p:mia', 'What about privacy?')).question;
    const duplicate = (await ask('p:noah', 'And privacy?')).question;
    for (const voter of ['p:v1', 'p:v2']) await questions.vote(sessionId, keep.id, voter, 'up', now);
    for (const voter of ['p:v2', 'p:v3', 'p:v4']) await questions.vote(sessionId, duplicate.id, voter, 'up', now);

    expect(await questions.merge(scope, duplicate.id, 1, duplicate.id, moderator, now)).toMatchObject({
      status: 'refused',
      code: 'question.merge_into_itself'
    });
    expect(await questions.merge(scope, duplicate.id, 9, keep.id, moderator, now)).toMatchObject({
      status: 'conflict'
    });
    const merged = await questions.merge(scope, duplicate.id, 1, keep.id, moderator, now);
    expect(merged).toMatchObject({
      status: 'saved',
      question: { status: 'merged', mergedInto: keep.id, voteCount: 0, version: 2 }
    });

    const panel = await questions.listForPanel(sessionId, 'p:v3', 'votes', 100);
    expect(panel.questions.map((q) => q.id)).not.toContain(duplicate.id);
    expect(panel.questions.find((q) => q.id === keep.id)!.voteCount).toBe(4);
    expect(panel.votedIds.has(keep.id)).toBe(true);
    // v2 voted on both: still one vote, and withdrawing it takes exactly one away.
    const withdrawn = await questions.vote(sessionId, keep.id, 'p:v2', 'withdraw', now);
    expect(withdrawn).toMatchObject({ changed: true, question: { voteCount: 3 } });
    expect(await questions.vote(sessionId, duplicate.id, 'p:v5', 'up', now)).toEqual({
      status: 'refused',
      code: 'question.not_votable'
    });
    expect(await questions.merge(scope, duplicate.id, 2, keep.id, moderator, now)).toMatchObject({
      status: 'refused',
      code: 'question.not_allowed_now'
    });
    expect(await questions.merge(scope, keep.id, 1, duplicate.id, moderator, now)).toMatchObject({
      status: 'refused',
      code: 'question.merge_target_unavailable'
    });
    const entries = await audit.forRecord('question', duplicate.id);
    expect(entries[0]!.changes).toEqual({
      status: { from: 'visible', to: 'merged' },
      mergedInto: { from: null, to: keep.id }
    });
    const history = await questions.moderationHistory(sessionId);
    expect(history[0]).toMatchObject({
      recordType: 'question',
      recordId: duplicate.id,
      accountId: 'mod-1',
      changes: entries[0]!.changes
    });
    expect(history.some((h) => h.recordType === 'settings' && h.recordId === sessionId)).toBe(true);
    expect(history.map((h) => Number(h.id))).toEqual([...history.map((h) => Number(h.id))].sort((a, b) => b - a));
  });

  it('lists shown questions by votes or by time, up to a limit, with the total', async () => {
    const byVotes = await questions.listForPanel(sessionId, null, 'votes', 3);
    expect(byVotes.questions).toHaveLength(3);
    expect(byVotes.total).toBeGreaterThan(3);
    const counts = byVotes.questions.filter((q) => !q.isPinned).map((q) => q.voteCount);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const byTime = await questions.listForPanel(sessionId, null, 'time', 100);
    const times = byTime.questions.filter((q) => !q.isPinned).map((q) => q.askedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(byTime.questions.every((q) => q.status === 'visible')).toBe(true);
  });
});
