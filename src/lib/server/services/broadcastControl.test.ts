import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access/policies.js';
import { Signer } from '../auth/signer.js';
import { AuditRepository } from '../db/auditRepository.js';
import { BroadcastRepository } from '../db/broadcastRepository.js';
import { openDatabase, type Database } from '../db/database.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { StageStreamKeys } from '../media/streamKeys.js';
import { BroadcastControl, type BroadcastOutput, type Recording } from './broadcastControl.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;
const producer: Actor = { id: 'producer-1', isAdmin: false, grants: [{ editionId, role: 'producer' }] };
const moderator: Actor = { id: 'moderator-1', isAdmin: false, grants: [{ editionId, role: 'moderator' }] };

/** Records what the stage output was asked to do; `recording` is what the next goOffAir returns. */
class FakeOutput implements BroadcastOutput {
  calls: string[] = [];
  recording: Recording | null = null;
  failOnAir = false;
  async goOnAir(stageId: string, sessionId: string) {
    this.calls.push(`on ${stageId} ${sessionId}`);
    if (this.failOnAir) throw new Error('encoder missing');
  }
  async goOffAir(stageId: string, sessionId: string) {
    this.calls.push(`off ${stageId} ${sessionId}`);
    return this.recording;
  }
  keyRotated(stageId: string) {
    this.calls.push(`rotated ${stageId}`);
  }
}

describe('broadcast control', () => {
  let database: Database;
  let control: BroadcastControl;
  let keys: StageStreamKeys;
  let now = new Date('2020-09-22T06:58:00Z');
  const output = new FakeOutput();
  let eventsSeen = 0;
  /** The live events the services wrote to the outbox since the test last looked. */
  const events = async () => {
    const rows = await database.db
      .selectFrom('outbox_event')
      .select(['channel', 'name', 'data'])
      .orderBy('id')
      .execute();
    return rows.slice(eventsSeen).map((row) => ({
      channel: row.channel,
      name: row.name,
      data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as { state: string }
    }));
  };
  const warnings: string[] = [];
  let wakeUps = 0;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    const programmes = new ProgrammeRepository(database.db);
    await programmes.saveProgramme(demo);
    const broadcasts = new BroadcastRepository(database.db);
    keys = new StageStreamKeys(new Signer(randomBytes(32).toString('base64url')), broadcasts);
    control = new BroadcastControl(broadcasts, programmes, keys, {
      liveEvents: { afterCommit: () => void wakeUps++ },
      output,
      log: { warn: (_details, message) => void warnings.push(message) },
      clock: () => now
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('refuses a moderator, and a session that does not exist', async () => {
    expect(await control.goLive(moderator, 'd1-cases')).toEqual({ status: 'forbidden' });
    expect(await control.rotateStreamKey(moderator, 'seoul-on')).toEqual({ status: 'forbidden' });
    expect(await control.stagePage(moderator, demo.edition.slug, 'seoul-on')).toEqual({ status: 'forbidden' });
    expect(await control.goLive(producer, 'nope')).toEqual({ status: 'not_found' });
    expect(output.calls).toEqual([]);
  });

  it('puts a session on air: state, audit, one event per channel after commit, then the output', async () => {
    expect(await control.goLive(producer, 'd1-cases')).toEqual({ status: 'live', resumed: false, outputFailed: false });
    expect(await events()).toEqual([
      { channel: 'session:d1-cases', name: 'broadcast.state', data: { sessionId: 'd1-cases', state: 'live' } },
      { channel: `edition:${editionId}`, name: 'broadcast.state', data: { sessionId: 'd1-cases', state: 'live' } }
    ]);
    expect(wakeUps).toBe(1);
    expect(output.calls).toEqual(['on seoul-on d1-cases']);
    const [entry] = await new AuditRepository(database.db).forRecord('session', 'd1-cases');
    expect(entry).toMatchObject({
      accountId: producer.id,
      action: 'update',
      changes: { broadcastState: { from: 'scheduled', to: 'live' } }
    });
    expect(await control.broadcastView('d1-cases')).toMatchObject({
      state: 'live',
      wentLiveAt: now,
      stageId: 'seoul-on',
      liveUrl: '/broadcast/seoul-on/live/master.m3u8',
      replay: null
    });
  });

  it('refuses a second session on the same stage, naming the live one, without touching the output', async () => {
    output.calls = [];
    expect(await control.goLive(producer, 'd1-talk-concert')).toEqual({
      status: 'refused',
      refusal: { ok: false, code: 'broadcast.stage_busy', liveSessionId: 'd1-cases' }
    });
    expect(output.calls).toEqual([]);
  });

  it('stops: ended, the recording becomes the replay with its chapters', async () => {
    eventsSeen += (await events()).length;
    now = new Date('2020-09-22T08:01:00Z');
    output.recording = { startedAt: new Date('2020-09-22T06:58:00Z'), endedAt: now, durationSeconds: 3780 };
    expect(await control.stop(producer, 'd1-cases')).toEqual({ status: 'ended', hasReplay: true, outputFailed: false });
    expect(output.calls).toEqual(['off seoul-on d1-cases']);
    expect((await events()).map((e) => `${e.channel} ${e.data.state}`)).toEqual([
      'session:d1-cases ended',
      `edition:${editionId} ended`,
      'session:d1-cases ended'
    ]);
    expect(await control.broadcastView('d1-cases')).toMatchObject({
      state: 'ended',
      endedAt: now,
      liveUrl: null,
      replay: {
        url: '/broadcast/replays/d1-cases/master.m3u8',
        chaptersUrl: '/seoul-2020/sessions/d1-cases/chapters.vtt',
        durationSeconds: 3780
      }
    });
    expect(await control.stop(producer, 'd1-cases')).toMatchObject({
      status: 'refused',
      refusal: { code: 'broadcast.not_live' }
    });
  });

  it('refuses going live again once the resume window has passed', async () => {
    now = new Date('2020-09-22T08:30:00Z');
    expect(await control.goLive(producer, 'd1-cases')).toMatchObject({
      status: 'refused',
      refusal: { code: 'broadcast.already_ended' }
    });
  });

  it('stays live and says so when the output fails to start; no replay when nothing was recorded', async () => {
    output.failOnAir = true;
    output.recording = null;
    expect(await control.goLive(producer, 'd1-talk-concert')).toEqual({
      status: 'live',
      resumed: false,
      outputFailed: true
    });
    expect(warnings).toContain('the stage output did not go on air');
    output.failOnAir = false;
    expect(await control.stop(producer, 'd1-talk-concert')).toEqual({
      status: 'ended',
      hasReplay: false,
      outputFailed: false
    });
    expect((await control.broadcastView('d1-talk-concert'))?.replay).toBeNull();
  });

  it('lists the stage’s sessions in order with their states, and its current key', async () => {
    const page = await control.stagePage(producer, demo.edition.slug, 'seoul-on');
    if (page.status !== 'found') throw new Error(page.status);
    expect(page.sessions.map((s) => `${s.session.id}:${s.broadcast.state}`)).toEqual([
      'd1-cases:ended',
      'd1-talk-concert:ended',
      'd2-keynote:scheduled',
      'd2-cases:scheduled',
      'd2-break:scheduled',
      'd2-talk-concert:scheduled'
    ]);
    expect(page.streamKey).toBe(await keys.keyFor('seoul-on'));
    expect(await control.stagePage(producer, demo.edition.slug, 'nowhere')).toEqual({ status: 'not_found' });
  });

  it('rotates the key: the old one no longer opens the stage, the new one does', async () => {
    const old = (await keys.keyFor('seoul-on')) as string;
    expect(await control.rotateStreamKey(producer, 'seoul-on')).toEqual({ status: 'rotated', generation: 2 });
    const fresh = (await keys.keyFor('seoul-on')) as string;
    expect(await keys.stageForKey(old)).toBeNull();
    expect(await keys.stageForKey(fresh)).toBe('seoul-on');
    // An encoder still connected with the old key is cut off.
    expect(output.calls.at(-1)).toBe('rotated seoul-on');
    const [entry] = await new AuditRepository(database.db).forRecord('stage', 'seoul-on');
    expect(JSON.stringify(entry?.changes)).not.toContain(fresh.split('.')[1]);
  });

  it('gives the edition’s broadcasts in one map, leaving out sessions never on air', async () => {
    const views = await control.editionBroadcasts(editionId);
    expect(Object.keys(views).sort()).toEqual(['d1-cases', 'd1-talk-concert']);
    expect(views['d1-cases']?.replay?.durationSeconds).toBe(3780);
  });
});
