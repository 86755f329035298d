import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import { ChatRepository, type NewChatMessage, type PostFacts } from './chatRepository.js';
import type { Database } from './database.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { outboxMark, withOutboxDown } from './testing/outboxEvents.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const [first, second] = demo.sessions;
const sessionId = first!.id;
const otherSessionId = second!.id;
const moderator = { accountId: '5d7f3e2a-0000-4000-8000-000000000001' };
let keySeq = 0;
const newKey = () => `00000000-0000-4000-8000-${String(++keySeq).padStart(12, '0')}`;
const noRule = () => null;

describe.each(testDatabaseTargets())('chat on $name', (target) => {
  let database: Database;
  let chat: ChatRepository;
  let audit: AuditRepository;
  let events: Awaited<ReturnType<typeof outboxMark>>;
  const message = (fields: Partial<NewChatMessage> = {}): NewChatMessage => ({
    sessionId,
    editionId,
    participantId: 'p:alice',
    displayName: 'Alice',
    text: 'Hello',
    idempotencyKey: newKey(),
    postedAt: new Date(),
    ...fields
  });

  beforeAll(async () => {
    database = await target.open();
    await new ProgrammeRepository(database.db).saveProgramme(demo);
    audit = new AuditRepository(database.db);
    chat = new ChatRepository(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('finds a session of an edition, and nothing for a session of another edition or a deleted one', async () => {
    expect(await chat.findSession('seoul-2020', sessionId)).toMatchObject({
      sessionId,
      editionId,
      editionSlug: 'seoul-2020',
      isPublic: true,
      defaultLocale: 'ko'
    });
    expect(await chat.findSession('other-2021', sessionId)).toBeNull();
    expect(await chat.findSession('seoul-2020', 'no-such-session')).toBeNull();
  });

  it('stores a message with its chat.posted event', async () => {
    events = await outboxMark(database.db);
    const posted = await chat.post(message({ text: 'First!' }), noRule);
    expect(posted).toMatchObject({
      status: 'posted',
      isReplay: false,
      message: { text: 'First!', displayName: 'Alice', deletedAt: null }
    });
    const id = posted.status === 'posted' ? posted.message.id : '';
    expect(id).toMatch(/^\d+$/);
    expect(await events.since()).toEqual([{ channel: `session:${sessionId}`, name: 'chat.posted', data: { id } }]);
  });

  it('returns the first message for a retried post with the same key, without a second event', async () => {
    const key = newKey();
    const one = await chat.post(message({ idempotencyKey: key, text: 'Only once' }), noRule);
    events = await outboxMark(database.db);
    const again = await chat.post(message({ idempotencyKey: key, text: 'Only once' }), () => 'would refuse');
    expect(again).toMatchObject({ status: 'posted', isReplay: true });
    expect(again.status === 'posted' && one.status === 'posted' && again.message.id === one.message.id).toBe(true);
    expect(await events.since()).toEqual([]);
    // The same key from someone else, or in another session, is another message.
    expect(await chat.post(message({ idempotencyKey: key, participantId: 'p:bob' }), noRule)).toMatchObject({
      isReplay: false
    });
    expect(await chat.post(message({ idempotencyKey: key, sessionId: otherSessionId }), noRule)).toMatchObject({
      isReplay: false
    });
  });

  it('makes one message of concurrent posts with the same key', async () => {
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => chat.post(message({ idempotencyKey: key, participantId: 'p:racer' }), noRule))
    );
    const ids = new Set(results.map((r) => (r.status === 'posted' ? r.message.id : null)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 'posted' && !r.isReplay)).toHaveLength(1);
  });

  it('stores nothing when the outbox write fails: message and event are one transaction', async () => {
    const key = newKey();
    await expect(
      withOutboxDown(database.db, () => chat.post(message({ idempotencyKey: key, participantId: 'p:unlucky' }), noRule))
    ).rejects.toThrow();
    expect(await chat.lastDisplayName('p:unlucky')).toBeNull();
  });

  it('hands the rules the facts (mute, last post, slow mode) and stores nothing they refuse', async () => {
    const seen: PostFacts[] = [];
    const refused = await chat.post(message({ participantId: 'p:carol' }), (facts) => {
      seen.push(facts);
      return 'no';
    });
    expect(refused).toEqual({ status: 'refused', refusal: 'no' });
    expect(seen).toEqual([{ isMuted: false, lastPostedAt: null, slowModeSeconds: 0 }]);
    expect(await chat.lastDisplayName('p:carol')).toBeNull();

    const postedAt = new Date('2026-01-01T10:00:00Z');
    await chat.post(message({ participantId: 'p:carol', displayName: 'Carol', postedAt }), noRule);
    await chat.setSlowMode(editionId, sessionId, 30, moderator, new Date());
    await chat.setMuted(editionId, 'p:carol', true, moderator, new Date());
    seen.length = 0;
    await chat.post(message({ participantId: 'p:carol' }), (facts) => {
      seen.push(facts);
      return 'no';
    });
    expect(seen).toEqual([{ isMuted: true, lastPostedAt: postedAt, slowModeSeconds: 30 }]);
    await chat.setSlowMode(editionId, sessionId, 0, moderator, new Date());
    await chat.setMuted(editionId, 'p:carol', false, moderator, new Date());
  });

  it('pages the latest messages oldest first, with a link to earlier ones, leaving out deleted ones', async () => {
    const session = demo.sessions[2]!.id;
    const ids: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const posted = await chat.post(message({ sessionId: session, text: `m${i}` }), noRule);
      if (posted.status === 'posted') ids.push(posted.message.id);
    }
    const latest = await chat.page(session, { limit: 3 });
    expect(latest.messages.map((m) => m.text)).toEqual(['m5', 'm6', 'm7']);
    expect(latest.hasEarlier).toBe(true);
    const earlier = await chat.page(session, { limit: 3, beforeId: latest.messages[0]!.id });
    expect(earlier.messages.map((m) => m.text)).toEqual(['m2', 'm3', 'm4']);
    const earliest = await chat.page(session, { limit: 3, beforeId: earlier.messages[0]!.id });
    expect(earliest).toMatchObject({ hasEarlier: false });
    expect(earliest.messages.map((m) => m.text)).toEqual(['m1']);

    expect(await chat.remove(editionId, session, ids[6]!, moderator, new Date())).toBe('saved');
    expect((await chat.page(session, { limit: 3 })).messages.map((m) => m.text)).toEqual(['m4', 'm5', 'm6']);
    const forModerators = await chat.page(session, { limit: 3, includeDeleted: true });
    expect(forModerators.messages.map((m) => [m.text, m.deletedAt !== null])).toEqual([
      ['m5', false],
      ['m6', false],
      ['m7', true]
    ]);
    // A malformed "before" is ignored rather than an SQL error.
    expect((await chat.page(session, { limit: 3, beforeId: 'x; drop table' })).messages).toHaveLength(3);
  });

  it('deletes a message once, with its audit entry and chat.deleted, and only in its own session', async () => {
    const posted = await chat.post(message({ text: 'to delete' }), noRule);
    const id = posted.status === 'posted' ? posted.message.id : '';
    events = await outboxMark(database.db);
    expect(await chat.remove(editionId, otherSessionId, id, moderator, new Date())).toBe('not_found');
    expect(await chat.remove(editionId, sessionId, 'abc', moderator, new Date())).toBe('not_found');
    expect(await chat.remove(editionId, sessionId, id, moderator, new Date())).toBe('saved');
    expect(await chat.remove(editionId, sessionId, id, moderator, new Date())).toBe('unchanged');
    expect(await events.since()).toEqual([{ channel: `session:${sessionId}`, name: 'chat.deleted', data: { id } }]);
    expect((await chat.find(sessionId, id))!.deletedAt).not.toBeNull();
    expect((await audit.forRecord('chat_message', id))[0]).toMatchObject({
      action: 'delete',
      editionId,
      accountId: moderator.accountId,
      changes: { deleted: { from: false, to: true } }
    });
  });

  it('mutes and unmutes a participant on the edition, auditing each change once', async () => {
    await chat.post(message({ participantId: 'p:dave', displayName: 'Dave' }), noRule);
    expect(await chat.setMuted(editionId, 'p:dave', true, moderator, new Date())).toBe('saved');
    expect(await chat.setMuted(editionId, 'p:dave', true, moderator, new Date())).toBe('unchanged');
    expect(await chat.isMuted(editionId, 'p:dave')).toBe(true);
    expect(await chat.mutedParticipants(editionId)).toEqual([
      { participantId: 'p:dave', mutedAt: expect.any(Date), lastDisplayName: 'Dave' }
    ]);
    expect(await chat.setMuted(editionId, 'p:dave', false, moderator, new Date())).toBe('saved');
    expect(await chat.setMuted(editionId, 'p:dave', false, moderator, new Date())).toBe('unchanged');
    expect(await chat.mutedParticipants(editionId)).toEqual([]);
    const entries = await audit.forRecord('chat_participant', 'p:dave');
    expect(entries.map((e) => e.changes)).toEqual([
      { muted: { from: true, to: false } },
      { muted: { from: false, to: true } }
    ]);
  });

  it('sets slow mode per session with chat.changed and an audit entry', async () => {
    events = await outboxMark(database.db);
    expect(await chat.setSlowMode(editionId, otherSessionId, 15, moderator, new Date())).toBe('saved');
    expect(await chat.setSlowMode(editionId, otherSessionId, 15, moderator, new Date())).toBe('unchanged');
    expect(await chat.slowModeSeconds(otherSessionId)).toBe(15);
    expect(await chat.slowModeSeconds(sessionId)).toBe(0);
    expect(await chat.setSlowMode(editionId, otherSessionId, 0, moderator, new Date())).toBe('saved');
    expect((await events.since()).map((e) => [e.name, e.data])).toEqual([
      ['chat.changed', { id: otherSessionId, version: 1 }],
      ['chat.changed', { id: otherSessionId, version: 2 }]
    ]);
    expect((await audit.forRecord('chat_session', otherSessionId)).map((e) => e.changes)).toEqual([
      { slowModeSeconds: { from: 15, to: 0 } },
      { slowModeSeconds: { from: 0, to: 15 } }
    ]);
  });

  it('saves the word filter under optimistic concurrency, auditing what was added and removed', async () => {
    expect(await chat.wordFilter(editionId)).toEqual({ words: [], version: 0 });
    expect(await chat.saveWordFilter(editionId, ['darn', '바보'], 0, moderator, new Date())).toEqual({
      status: 'saved',
      version: 1
    });
    expect(await chat.saveWordFilter(editionId, ['darn', '바보'], 1, moderator, new Date())).toEqual({
      status: 'unchanged',
      version: 1
    });
    expect(await chat.saveWordFilter(editionId, ['heck'], 0, moderator, new Date())).toEqual({
      status: 'conflict',
      current: ['darn', '바보'],
      version: 1
    });
    expect(await chat.saveWordFilter(editionId, ['darn', 'heck'], 1, moderator, new Date())).toEqual({
      status: 'saved',
      version: 2
    });
    expect(await chat.wordFilter(editionId)).toEqual({ words: ['darn', 'heck'], version: 2 });
    expect((await audit.forRecord('word_filter', editionId))[0]!.changes).toEqual({
      added: { from: null, to: ['heck'] },
      removed: { from: ['바보'], to: null }
    });
  });

  it('remembers the name of the participant’s latest message', async () => {
    await chat.post(message({ participantId: 'p:erin', displayName: 'Erin' }), noRule);
    await chat.post(message({ participantId: 'p:erin', displayName: 'Erin K.', sessionId: otherSessionId }), noRule);
    expect(await chat.lastDisplayName('p:erin')).toBe('Erin K.');
    expect(await chat.lastDisplayName('p:nobody')).toBeNull();
  });
});
