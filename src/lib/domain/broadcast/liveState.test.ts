import { describe, expect, it } from 'vitest';
import {
  canResume,
  decideGoLive,
  decideStop,
  notBroadcast,
  resumeWindowMs,
  shownSessionState,
  type SessionBroadcast
} from './liveState.js';

const now = new Date('2020-10-28T05:00:00Z');
const published = { state: 'published' as const, stageId: 'seoul-on' };
const minutes = (n: number) => n * 60_000;
const endedAgo = (ms: number): SessionBroadcast => ({
  state: 'ended',
  wentLiveAt: new Date(now.getTime() - ms - minutes(60)),
  endedAt: new Date(now.getTime() - ms)
});

describe('going live', () => {
  it('puts a published session with a stage on air from now', () => {
    expect(decideGoLive(published, notBroadcast, null, now)).toEqual({
      ok: true,
      resumed: false,
      broadcast: { state: 'live', wentLiveAt: now, endedAt: null }
    });
  });

  it('refuses a draft session and one without a stage', () => {
    expect(decideGoLive({ ...published, state: 'draft' }, notBroadcast, null, now)).toMatchObject({
      ok: false,
      code: 'broadcast.not_published'
    });
    expect(decideGoLive({ ...published, stageId: null }, notBroadcast, null, now)).toMatchObject({
      ok: false,
      code: 'broadcast.no_stage'
    });
  });

  it('refuses while another session is live on the stage, naming it', () => {
    expect(decideGoLive(published, notBroadcast, 'd1-keynote', now)).toEqual({
      ok: false,
      code: 'broadcast.stage_busy',
      liveSessionId: 'd1-keynote'
    });
  });

  it('refuses a session that is already live', () => {
    const live: SessionBroadcast = { state: 'live', wentLiveAt: now, endedAt: null };
    expect(decideGoLive(published, live, null, now)).toMatchObject({ ok: false, code: 'broadcast.already_live' });
  });

  it('resumes within ten minutes of a stop, keeping the first go-live time', () => {
    const ended = endedAgo(minutes(9));
    const decision = decideGoLive(published, ended, null, now);
    expect(decision).toEqual({
      ok: true,
      resumed: true,
      broadcast: { state: 'live', wentLiveAt: ended.wentLiveAt, endedAt: null }
    });
  });

  it('refuses an ended session after the resume window: its replay stands', () => {
    expect(decideGoLive(published, endedAgo(resumeWindowMs + 1), null, now)).toMatchObject({
      ok: false,
      code: 'broadcast.already_ended'
    });
    expect(canResume(endedAgo(resumeWindowMs), now)).toBe(true);
    expect(canResume(notBroadcast, now)).toBe(false);
  });
});

describe('stopping', () => {
  it('ends a live session now', () => {
    const wentLiveAt = new Date(now.getTime() - minutes(30));
    expect(decideStop({ state: 'live', wentLiveAt, endedAt: null }, now)).toEqual({
      ok: true,
      broadcast: { state: 'ended', wentLiveAt, endedAt: now }
    });
  });

  it('refuses a session that is not live', () => {
    expect(decideStop(notBroadcast, now)).toEqual({ ok: false, code: 'broadcast.not_live' });
    expect(decideStop(endedAgo(0), now)).toEqual({ ok: false, code: 'broadcast.not_live' });
  });
});

describe('the state the public pages show', () => {
  const session = { startsAt: new Date('2020-10-28T06:00:00Z'), endsAt: new Date('2020-10-28T07:00:00Z') };

  it('shows live for a session the producer put on air before its time', () => {
    expect(shownSessionState(session, { state: 'live' }, now)).toBe('live');
  });

  it('shows ended for a session stopped before the clock says it ends', () => {
    expect(shownSessionState(session, endedAgo(0), new Date('2020-10-28T06:30:00Z'))).toBe('ended');
  });

  it('keeps the clock state for a session never put on air', () => {
    expect(shownSessionState(session, notBroadcast, now)).toBe('scheduled');
    expect(shownSessionState(session, notBroadcast, new Date('2020-10-28T06:30:00Z'))).toBe('live');
    expect(shownSessionState(session, null, new Date('2020-10-28T08:00:00Z'))).toBe('ended');
  });
});
