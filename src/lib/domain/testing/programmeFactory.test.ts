import { describe, expect, it } from 'vitest';
import { localTimeIn } from '../time.js';
import { buildProgramme, buildSession, emptyProgramme } from './programmeFactory.js';

describe('buildProgramme', () => {
  const programme = buildProgramme();

  it('is a two-day forum hosted in Seoul, in Korean and English', () => {
    expect(programme.edition).toMatchObject({
      hostZone: 'Asia/Seoul',
      defaultLocale: 'ko',
      locales: ['ko', 'en']
    });
    expect(programme.days.map((d) => d.date)).toEqual(['2020-09-22', '2020-09-23']);
  });

  it('has speakers in Seoul, Los Angeles and Helsinki', () => {
    const zones = programme.speakers.map((s) => programme.cities.find((c) => c.id === s.cityId)?.zone);
    expect(zones).toEqual(['Asia/Seoul', 'America/Los_Angeles', 'Europe/Helsinki']);
  });

  it('only refers to records it contains', () => {
    const ids = (records: readonly { id: string }[]) => new Set(records.map((r) => r.id));
    const days = ids(programme.days);
    const stages = ids(programme.stages);
    const sessions = ids(programme.sessions);
    const speakers = ids(programme.speakers);
    const channels = ids(programme.channels);
    for (const session of programme.sessions) {
      expect(days.has(session.dayId), session.id).toBe(true);
      if (session.stageId !== null) expect(stages.has(session.stageId), session.id).toBe(true);
      for (const channelId of session.channelIds) expect(channels.has(channelId)).toBe(true);
      expect(session.endsAt > session.startsAt).toBe(true);
    }
    for (const item of programme.items) {
      expect(sessions.has(item.sessionId), item.id).toBe(true);
      for (const speakerId of item.speakerIds) expect(speakers.has(speakerId)).toBe(true);
    }
    expect(sessions.size).toBe(programme.sessions.length);
  });

  it('opens with the keynote at 16:00 in Seoul', () => {
    const keynote = programme.sessions.find((s) => s.kind === 'keynote');
    expect(keynote && localTimeIn(keynote.startsAt, 'Asia/Seoul')).toBe('16:00');
  });

  it('lets a test replace any part', () => {
    const custom = buildProgramme({ sessions: [buildSession({ id: 'only' })] });
    expect(custom.sessions.map((s) => s.id)).toEqual(['only']);
    expect(custom.speakers).toHaveLength(3);
  });
});

describe('emptyProgramme', () => {
  it('is an edition with nothing scheduled', () => {
    const empty = emptyProgramme();
    expect(empty.edition.slug).toBe('seoul-2020');
    for (const records of [empty.days, empty.sessions, empty.stages, empty.items, empty.speakers]) {
      expect(records).toEqual([]);
    }
  });
});
