/** ChatMessaging and ChatModeration over the real repository on PGlite, with fake rate limiter, outbox and relay. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { filterMark } from '../../domain/participation/wordFilter.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from '../db/auditRepository.js';
import { ChatRepository, type ChatSessionRef } from '../db/chatRepository.js';
import { openDatabase, type Database } from '../db/database.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { outboxMark } from '../db/testing/outboxEvents.js';
import { ChatMessaging } from './chatMessaging.js';
import { ChatModeration, participantLabel } from './chatModeration.js';
import type { RateDecision, RateRule } from '../rateLimits/rateLimiter.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const sessionIds = demo.sessions.map((s) => s.id);
let keySeq = 0;
const newKey = () => `10000000-0000-4000-8000-${String(++keySeq).padStart(12, '0')}`;

const admin: Actor = { id: '00000000-0000-4000-8000-00000000000a', isAdmin: true, grants: [] };
const moderator: Actor = {
  id: '00000000-0000-4000-8000-00000000000b',
  isAdmin: false,
  grants: [{ editionId, role: 'moderator' }]
};
const speaker: Actor = {
  id: '00000000-0000-4000-8000-00000000000c',
  isAdmin: false,
  grants: [{ editionId, role: 'speaker' }]
};
const otherModerator: Actor = {
  id: '00000000-0000-4000-8000-00000000000d',
  isAdmin: false,
  grants: [{ editionId: 'other', role: 'moderator' }]
};

let database: Database;
let repository: ChatRepository;
let messaging: ChatMessaging;
let moderation: ChatModeration;
let events: Awaited<ReturnType<typeof outboxMark>>;
let wakes = 0;
let now = new Date('2026-05-01T10:00:00Z');
let refuseRate: RateDecision | null = null;
const taken: string[] = [];

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await new ProgrammeRepository(database.db).saveProgramme(demo);
  repository = new ChatRepository(database.db);
  const rateLimiter = {
    async take(rule: RateRule, key: string): Promise<RateDecision> {
      taken.push(`${rule.name}/${key}`);
      return refuseRate ?? { allowed: true };
    }
  };
  const liveEvents = { afterCommit: () => void wakes++ };
  messaging = new ChatMessaging(repository, { rateLimiter, liveEvents, clock: () => now });
  moderation = new ChatModeration(repository, new AuditRepository(database.db), liveEvents, () => now);
});
afterAll(async () => {
  await database?.close();
});

async function sessionRef(index: number): Promise<ChatSessionRef> {
  return (await messaging.publicSession('seoul-2020', sessionIds[index]!))!;
}
const poster = (participantId = 'p:alice') => ({ participantId, address: '198.51.100.7' });
const form = (fields: Record<string, unknown> = {}) => ({
  displayName: 'Alice',
  text: 'Hello',
  idempotencyKey: newKey(),
  ...fields
});

describe('posting a chat message', () => {
  it('stores the cleaned message, wakes the relay once, and a retry returns it without a second event', async () => {
    const session = await sessionRef(0);
    events = await outboxMark(database.db);
    wakes = 0;
    const fields = form({ text: '  Hello\nSeoul  ' });
    const posted = await messaging.post(session, poster(), fields);
    expect(posted).toMatchObject({ status: 'posted', message: { text: 'Hello Seoul', displayName: 'Alice' } });
    const again = await messaging.post(session, poster(), fields);
    expect(again.status === 'posted' && posted.status === 'posted' && again.message.id === posted.message.id).toBe(
      true
    );
    expect((await events.since()).map((e) => e.name)).toEqual(['chat.posted']);
    expect(wakes).toBe(1);
  });

  it('names every field problem and stores nothing', async () => {
    const result = await messaging.post(await sessionRef(0), poster(), {
      displayName: '',
      text: 'x'.repeat(501),
      idempotencyKey: 'nope'
    });
    expect(result).toEqual({
      status: 'invalid',
      problems: [
        { field: 'displayName', code: 'chat.name_required' },
        { field: 'text', code: 'chat.text_too_long' },
        { field: 'idempotencyKey', code: 'chat.invalid_key' }
      ]
    });
  });

  it('checks the participant and address limits (chat.post 10/30 s, 100/30 s) and says how long to wait', async () => {
    taken.length = 0;
    refuseRate = { allowed: false, retryAfterMs: 12_300 };
    expect(await messaging.post(await sessionRef(0), poster('p:hasty'), form())).toEqual({
      status: 'too_fast',
      retryAfterSeconds: 13
    });
    refuseRate = null;
    expect(taken).toEqual(['chat.post/p:hasty']);
    await messaging.post(await sessionRef(0), poster('p:hasty'), form());
    expect(taken.slice(1)).toEqual(['chat.post/p:hasty', 'chat.post.address/198.51.100.7']);
  });

  it('applies the edition’s word filter to the name and the text', async () => {
    expect((await moderation.saveWordFilter(moderator, 'seoul-2020', 'darn\n바보', 0)).status).toBe('saved');
    const posted = await messaging.post(
      await sessionRef(0),
      poster('p:rude'),
      form({ displayName: 'Darn Dan', text: 'ＤＡＲＮ, 이 바보!' })
    );
    expect(posted).toMatchObject({
      status: 'posted',
      message: {
        displayName: `${filterMark.repeat(4)} Dan`,
        text: `${filterMark.repeat(4)}, 이 ${filterMark.repeat(2)}!`
      }
    });
    expect(await messaging.screenText(editionId, 'oh darn')).toBe(`oh ${filterMark.repeat(4)}`);
    await moderation.saveWordFilter(moderator, 'seoul-2020', '', 1);
  });

  it('refuses a muted participant’s new messages on every session of the edition, until unmuted', async () => {
    const first = await messaging.post(await sessionRef(0), poster('p:troll'), form());
    const id = first.status === 'posted' ? first.message.id : '';
    expect(await moderation.muteAuthor(moderator, 'seoul-2020', sessionIds[0]!, id)).toEqual({ status: 'saved' });
    expect(await messaging.post(await sessionRef(0), poster('p:troll'), form())).toEqual({ status: 'muted' });
    expect(await messaging.post(await sessionRef(1), poster('p:troll'), form())).toEqual({ status: 'muted' });
    expect(await moderation.unmute(moderator, 'seoul-2020', sessionIds[0]!, 'p:troll')).toEqual({ status: 'saved' });
    expect((await messaging.post(await sessionRef(1), poster('p:troll'), form())).status).toBe('posted');
  });

  it('holds each participant to slow mode, telling them how many seconds are left, but not other sessions', async () => {
    const session = await sessionRef(3);
    expect(await moderation.setSlowMode(moderator, 'seoul-2020', session.sessionId, '30')).toEqual({ status: 'saved' });
    expect((await messaging.post(session, poster('p:slow'), form())).status).toBe('posted');
    now = new Date(now.getTime() + 10_500);
    expect(await messaging.post(session, poster('p:slow'), form())).toEqual({
      status: 'slow_mode',
      retryAfterSeconds: 20
    });
    expect((await messaging.post(session, poster('p:other'), form())).status).toBe('posted');
    expect((await messaging.post(await sessionRef(4), poster('p:slow'), form())).status).toBe('posted');
    now = new Date(now.getTime() + 20_000);
    expect((await messaging.post(session, poster('p:slow'), form())).status).toBe('posted');
    expect((await messaging.panel(session, null)).slowModeSeconds).toBe(30);
  });

  it('refuses a session that is not public', async () => {
    const hidden: ChatSessionRef = { ...(await sessionRef(0)), isPublic: false };
    expect(await messaging.post(hidden, poster(), form())).toEqual({ status: 'not_found' });
    expect(await messaging.publicSession('seoul-2020', 'no-such-session')).toBeNull();
  });
});

describe('the chat panel', () => {
  it('shows the latest 50 messages oldest first, the way back to earlier ones, and the participant’s last name', async () => {
    const session = await sessionRef(5);
    for (let i = 1; i <= 55; i++)
      await messaging.post(
        session,
        poster('p:chatty'),
        form({ displayName: i === 55 ? 'Chatty Cat' : 'Chatty', text: `message ${i}` })
      );
    const panel = await messaging.panel(session, 'p:chatty');
    expect(panel.page.messages).toHaveLength(50);
    expect(panel.page.messages[0]!.text).toBe('message 6');
    expect(panel.page.messages.at(-1)!.text).toBe('message 55');
    expect(panel.page.hasEarlier).toBe(true);
    expect(panel.displayName).toBe('Chatty Cat');
    const earlier = await messaging.panel(session, null, panel.page.messages[0]!.id);
    expect(earlier.page.messages.map((m) => m.text)).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
      'message 5'
    ]);
    expect(earlier.displayName).toBeNull();
    expect((await messaging.panel(session, null, '<script>')).page.messages).toHaveLength(50);
  });
});

describe('moderating the chat', () => {
  it('lets admins and the edition’s moderators in, and nobody else', async () => {
    for (const actor of [admin, moderator])
      expect((await moderation.view(actor, 'seoul-2020', sessionIds[0]!)).status).toBe('found');
    for (const actor of [speaker, otherModerator]) {
      expect((await moderation.view(actor, 'seoul-2020', sessionIds[0]!)).status).toBe('forbidden');
      expect((await moderation.deleteMessage(actor, 'seoul-2020', sessionIds[0]!, '1')).status).toBe('forbidden');
      expect((await moderation.setSlowMode(actor, 'seoul-2020', sessionIds[0]!, '5')).status).toBe('forbidden');
      expect((await moderation.saveWordFilter(actor, 'seoul-2020', 'x', 0)).status).toBe('forbidden');
      expect((await moderation.wordFilter(actor, 'seoul-2020')).status).toBe('forbidden');
    }
    expect((await moderation.view(admin, 'seoul-2020', 'no-such-session')).status).toBe('not_found');
    expect((await moderation.wordFilter(admin, 'no-such-edition')).status).toBe('not_found');
  });

  it('deletes a message for everyone, which the moderators still see marked, with the author tagged', async () => {
    const session = await sessionRef(2);
    const posted = await messaging.post(session, poster('p:oops'), form({ text: 'regrettable' }));
    const id = posted.status === 'posted' ? posted.message.id : '';
    events = await outboxMark(database.db);
    wakes = 0;
    expect(await moderation.deleteMessage(moderator, 'seoul-2020', session.sessionId, id)).toEqual({ status: 'saved' });
    expect(await moderation.deleteMessage(moderator, 'seoul-2020', session.sessionId, id)).toEqual({
      status: 'unchanged'
    });
    expect(await moderation.deleteMessage(moderator, 'seoul-2020', session.sessionId, '999999')).toEqual({
      status: 'not_found'
    });
    expect(await events.since()).toEqual([
      { channel: `session:${session.sessionId}`, name: 'chat.deleted', data: { id } }
    ]);
    expect(wakes).toBe(1);
    expect((await messaging.panel(session, null)).page.messages.map((m) => m.id)).not.toContain(id);
    const view = await moderation.view(moderator, 'seoul-2020', session.sessionId);
    if (view.status !== 'found') throw new Error(view.status);
    expect(view.messages.find((m) => m.id === id)).toMatchObject({
      text: 'regrettable',
      author: participantLabel('p:oops'),
      authorIsMuted: false
    });
    expect(view.messages.find((m) => m.id === id)!.deletedAt).not.toBeNull();
    expect(view.audit[0]).toMatchObject({
      recordType: 'chat_message',
      recordId: id,
      action: 'delete',
      accountId: moderator.id
    });
  });

  it('lists muted participants with the name they last used, and refuses forged participant ids', async () => {
    const session = await sessionRef(1);
    const posted = await messaging.post(session, poster('p:loud'), form({ displayName: 'Loud Larry' }));
    const id = posted.status === 'posted' ? posted.message.id : '';
    await moderation.muteAuthor(moderator, 'seoul-2020', session.sessionId, id);
    const view = await moderation.view(moderator, 'seoul-2020', session.sessionId);
    if (view.status !== 'found') throw new Error(view.status);
    expect(view.muted).toEqual([
      { participantId: 'p:loud', mutedAt: now, lastDisplayName: 'Loud Larry', author: participantLabel('p:loud') }
    ]);
    expect(view.messages.find((m) => m.id === id)!.authorIsMuted).toBe(true);
    expect(await moderation.unmute(moderator, 'seoul-2020', session.sessionId, "p:loud' or 1=1")).toEqual({
      status: 'not_found'
    });
    expect(await moderation.muteAuthor(moderator, 'seoul-2020', session.sessionId, 'x')).toEqual({
      status: 'not_found'
    });
    expect(await moderation.unmute(moderator, 'seoul-2020', session.sessionId, 'p:loud')).toEqual({ status: 'saved' });
  });

  it('refuses a slow mode that is not 0–3600 whole seconds', async () => {
    for (const raw of ['-1', '3601', 'soon', ''])
      expect(await moderation.setSlowMode(moderator, 'seoul-2020', sessionIds[0]!, raw)).toEqual({ status: 'invalid' });
  });

  it('keeps the word filter with its version, refusing a stale save and a too-long word', async () => {
    const before = await moderation.wordFilter(moderator, 'seoul-2020');
    if (before.status !== 'found') throw new Error(before.status);
    expect(await moderation.saveWordFilter(moderator, 'seoul-2020', 'heck\nHECK\nblast', before.version)).toEqual({
      status: 'saved',
      count: 2
    });
    expect(await moderation.saveWordFilter(admin, 'seoul-2020', 'other', before.version)).toEqual({
      status: 'conflict',
      current: ['heck', 'blast'],
      version: before.version + 1
    });
    expect(await moderation.saveWordFilter(admin, 'seoul-2020', 'x'.repeat(61), before.version + 1)).toEqual({
      status: 'invalid',
      problem: { code: 'chat.word_filter_word_too_long', line: 1 }
    });
    const after = await moderation.wordFilter(moderator, 'seoul-2020');
    expect(after).toMatchObject({ status: 'found', words: ['heck', 'blast'], version: before.version + 1 });
    expect(after.status === 'found' && after.audit[0]).toMatchObject({ recordType: 'word_filter', action: 'update' });
  });
});

describe('participantLabel', () => {
  it('is a short stable tag that does not reveal the id, and says whether the participant is signed in', () => {
    expect(participantLabel('p:abc')).toEqual(participantLabel('p:abc'));
    expect(participantLabel('p:abc').tag).toMatch(/^[0-9a-f]{6}$/);
    expect(participantLabel('p:abc').tag).not.toBe(participantLabel('p:abd').tag);
    expect(participantLabel('account:00000000-0000-4000-8000-000000000001').isAccount).toBe(true);
    expect(participantLabel('p:abc').isAccount).toBe(false);
  });
});
