import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideGoLive, decideStop } from '../../domain/broadcast/liveState.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditRepository } from './auditRepository.js';
import { BroadcastRepository, type BroadcastFacts } from './broadcastRepository.js';
import type { Database } from './database.js';
import { ProgrammeRepository } from './programmeRepository.js';
import { testDatabaseTargets } from './testing/testDatabases.js';
import { outboxEvents } from './testing/outboxEvents.js';

const demo = seoul2020Programme();
const at = (iso: string) => new Date(iso);
const goLive = (now: Date) => (facts: BroadcastFacts) =>
  decideGoLive(
    { state: facts.session.publication, stageId: facts.session.stageId },
    facts.session.broadcast,
    facts.liveOnStage,
    now
  );
const stop = (now: Date) => (facts: BroadcastFacts) => decideStop(facts.session.broadcast, now);
const alice = { accountId: 'alice' };

describe.each(testDatabaseTargets())('broadcast on $name', (target) => {
  let database: Database;
  let broadcasts: BroadcastRepository;

  beforeAll(async () => {
    database = await target.open();
    await new ProgrammeRepository(database.db).saveProgramme(demo);
    broadcasts = new BroadcastRepository(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });
  /** The live events in the outbox so far, oldest first: what the relay will publish. */
  const outbox = () => outboxEvents(database.db);

  it('starts every session scheduled, every stage at key generation 1', async () => {
    expect(await broadcasts.session('d1-cases')).toMatchObject({
      editionId: demo.edition.id,
      editionSlug: demo.edition.slug,
      stageId: 'seoul-on',
      publication: 'published',
      broadcast: { state: 'scheduled', wentLiveAt: null, endedAt: null }
    });
    expect(await broadcasts.streamKeyGeneration('seoul-on')).toBe(1);
    expect(await broadcasts.streamKeyGeneration('nowhere')).toBeNull();
    expect(await broadcasts.editionViews(demo.edition.id)).toEqual([]);
  });

  it('puts a session live with its audit entry and its live events in the same transaction', async () => {
    const before = (await outbox()).length;
    const change = await broadcasts.changeState('d1-cases', goLive(at('2020-09-22T06:58:00Z')), alice);
    expect(change).toMatchObject({ decision: { ok: true }, stageId: 'seoul-on' });
    expect((await outbox()).slice(before)).toEqual([
      { channel: 'session:d1-cases', name: 'broadcast.state', data: { sessionId: 'd1-cases', state: 'live' } },
      { channel: `edition:${demo.edition.id}`, name: 'broadcast.state', data: { sessionId: 'd1-cases', state: 'live' } }
    ]);
    expect((await broadcasts.session('d1-cases'))?.broadcast).toEqual({
      state: 'live',
      wentLiveAt: at('2020-09-22T06:58:00Z'),
      endedAt: null
    });
    const [entry, ...others] = await new AuditRepository(database.db).forRecord('session', 'd1-cases');
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ accountId: 'alice', changes: { broadcastState: { from: 'scheduled', to: 'live' } } });
    expect(await broadcasts.liveOnStages()).toEqual([{ sessionId: 'd1-cases', stageId: 'seoul-on' }]);
  });

  it('names the live session to a second one on the same stage, and writes nothing', async () => {
    const before = (await outbox()).length;
    const change = await broadcasts.changeState('d1-talk-concert', goLive(at('2020-09-22T07:10:00Z')), alice);
    expect(change?.decision).toEqual({ ok: false, code: 'broadcast.stage_busy', liveSessionId: 'd1-cases' });
    expect((await outbox()).length).toBe(before);
    expect(await new AuditRepository(database.db).forRecord('session', 'd1-talk-concert')).toEqual([]);
    expect((await broadcasts.session('d1-talk-concert'))?.broadcast.state).toBe('scheduled');
  });

  it('lets only one of two simultaneous go-lives on a stage through', async () => {
    await broadcasts.changeState('d1-cases', stop(at('2020-09-22T08:00:00Z')), alice);
    const now = at('2020-09-23T06:59:00Z');
    const [a, b] = (
      await Promise.all([
        broadcasts.changeState('d2-keynote', goLive(now), alice),
        broadcasts.changeState('d2-cases', goLive(now), alice)
      ])
    ).map((change) => change?.decision);
    expect([a?.ok, b?.ok].sort()).toEqual([false, true]);
    const loser = a?.ok ? b : a;
    expect(loser).toMatchObject({ code: 'broadcast.stage_busy' });
    const live = (await Promise.all(['d2-keynote', 'd2-cases'].map((id) => broadcasts.session(id)))).filter(
      (s) => s?.broadcast.state === 'live'
    );
    expect(live).toHaveLength(1);
    await broadcasts.changeState(live[0]?.sessionId ?? '', stop(at('2020-09-23T07:30:00Z')), alice);
  });

  it('keeps a replay per session, replaced after a resume and a second stop, and lists it for the edition', async () => {
    await broadcasts.saveReplay({
      sessionId: 'd1-cases',
      stageId: 'seoul-on',
      startedAt: at('2020-09-22T06:58:00Z'),
      endedAt: at('2020-09-22T08:00:00Z'),
      durationSeconds: 3720.5
    });
    // Pages that showed "Live" learn that the replay exists.
    expect((await outbox()).at(-1)).toEqual({
      channel: 'session:d1-cases',
      name: 'broadcast.state',
      data: { sessionId: 'd1-cases', state: 'ended' }
    });
    expect((await broadcasts.sessionView('d1-cases'))?.replay).toEqual({
      sessionId: 'd1-cases',
      stageId: 'seoul-on',
      startedAt: at('2020-09-22T06:58:00Z'),
      endedAt: at('2020-09-22T08:00:00Z'),
      durationSeconds: 3720.5
    });
    const resumed = await broadcasts.changeState('d1-cases', goLive(at('2020-09-22T08:05:00Z')), alice);
    expect(resumed?.decision).toMatchObject({ ok: true, resumed: true });
    expect((await broadcasts.sessionView('d1-cases'))?.replay).toBeNull();
    await broadcasts.changeState('d1-cases', stop(at('2020-09-22T08:20:00Z')), alice);
    await broadcasts.saveReplay({
      sessionId: 'd1-cases',
      stageId: 'seoul-on',
      startedAt: at('2020-09-22T06:58:00Z'),
      endedAt: at('2020-09-22T08:20:00Z'),
      durationSeconds: 4000
    });
    const views = await broadcasts.editionViews(demo.edition.id);
    const mine = views.find((v) => v.sessionId === 'd1-cases');
    expect(mine).toMatchObject({
      editionSlug: demo.edition.slug,
      broadcast: { state: 'ended' },
      replay: { durationSeconds: 4000 }
    });
    expect(views.every((v) => v.broadcast.state !== 'scheduled' || v.replay !== null)).toBe(true);
    expect(views.map((v) => v.sessionId)).not.toContain('d2-break');
  });

  it('rotates a stage’s key generation and audits it in the same transaction', async () => {
    const generation = await broadcasts.rotateStreamKey('seoul-on', alice);
    expect(generation).toBe(2);
    expect(await broadcasts.streamKeyGeneration('seoul-on')).toBe(2);
    expect(await broadcasts.rotateStreamKey('nowhere', alice)).toBeNull();
    const [entry] = await new AuditRepository(database.db).forRecord('stage', 'seoul-on');
    expect(entry).toMatchObject({ accountId: 'alice', changes: { streamKeyGeneration: { from: 1, to: 2 } } });
  });

  it('returns null for a session that does not exist', async () => {
    expect(await broadcasts.session('nope')).toBeNull();
    expect(await broadcasts.sessionView('nope')).toBeNull();
    expect(await broadcasts.changeState('nope', stop(new Date()), alice)).toBeNull();
  });
});
