import { describe, expect, it } from 'vitest';
import { resolveSession, sessionInputSchema, type SessionInput } from './sessionInput.js';

const edition = {
  hostZone: 'Asia/Seoul',
  defaultLocale: 'ko',
  days: [{ id: 'day-2', date: '2020-09-23' }],
  stageIds: ['seoul-on'],
  channelIds: ['ch-site', 'ch-tbs']
};

function input(overrides: Partial<SessionInput> = {}): SessionInput {
  return sessionInputSchema.parse({
    dayId: 'day-2',
    stageId: 'seoul-on',
    kind: 'keynote',
    title: { ko: '기조연설', en: 'Keynote' },
    summary: {},
    startTime: '16:00',
    endTime: '16:30',
    channelIds: ['ch-site'],
    isIllustrative: false,
    ...overrides
  });
}

describe('a session as an organiser enters it', () => {
  it('becomes instants in the host zone on its day', () => {
    const result = resolveSession(input(), edition);
    expect(result.ok && result.values.startsAt.toISOString()).toBe('2020-09-23T07:00:00.000Z');
    expect(result.ok && result.values.endsAt.toISOString()).toBe('2020-09-23T07:30:00.000Z');
  });

  it('needs a title in the edition language, a known day, stage and channels, and an end after the start', () => {
    const result = resolveSession(
      input({
        title: { en: 'Only English' },
        dayId: 'day-9',
        stageId: 'nowhere',
        channelIds: ['ch-x'],
        startTime: '17:00',
        endTime: '16:00'
      }),
      edition
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.code).sort()).toEqual([
      'session.ends_before_start',
      'session.title_required',
      'session.unknown_channel',
      'session.unknown_day',
      'session.unknown_stage'
    ]);
  });

  it('drops blank translations and refuses oversized or malformed fields at parse time', () => {
    expect(input({ title: { ko: '제목', en: '   ' } }).title).toEqual({ ko: '제목' });
    expect(sessionInputSchema.safeParse({ ...input(), title: { ko: 'x'.repeat(201) } }).success).toBe(false);
    expect(sessionInputSchema.safeParse({ ...input(), startTime: '25:00' }).success).toBe(false);
    expect(sessionInputSchema.safeParse({ ...input(), kind: 'party' }).success).toBe(false);
    expect(sessionInputSchema.safeParse({ ...input(), dayId: '../etc' }).success).toBe(false);
  });
});
