import { describe, expect, it } from 'vitest';
import { programmeItemInputSchema, resolveProgrammeItem, type ProgrammeItemInput } from './programmeItemInput.js';

// The keynote of Seoul 2020: 16:00–16:30 in Seoul on 23 September.
const facts = {
  hostZone: 'Asia/Seoul',
  defaultLocale: 'ko',
  sessionDate: '2020-09-23',
  sessionStartsAt: new Date('2020-09-23T07:00:00Z'),
  sessionEndsAt: new Date('2020-09-23T07:30:00Z'),
  speakerIds: ['sokwoo-rhee', 'spk-seoul']
};

function input(overrides: Record<string, unknown> = {}): ProgrammeItemInput {
  return programmeItemInputSchema.parse({
    title: { ko: '포용적 스마트시티', en: 'The inclusive smart city' },
    summary: {},
    speakerIds: ['sokwoo-rhee'],
    startTime: null,
    endTime: null,
    isIllustrative: false,
    ...overrides
  });
}

describe('a programme item as an organiser enters it', () => {
  it('keeps its speakers in the order given, once each, and takes the session’s times when it has none', () => {
    const result = resolveProgrammeItem(input({ speakerIds: ['spk-seoul', 'sokwoo-rhee', 'spk-seoul'] }), facts);
    expect(result.ok && result.values.speakerIds).toEqual(['spk-seoul', 'sokwoo-rhee']);
    expect(result.ok && result.values.startsAt).toBeNull();
  });

  it('turns its own times into instants in the host zone on the session’s day', () => {
    const result = resolveProgrammeItem(input({ startTime: '16:05', endTime: '16:25' }), facts);
    expect(result.ok && result.values.startsAt?.toISOString()).toBe('2020-09-23T07:05:00.000Z');
    expect(result.ok && result.values.endsAt?.toISOString()).toBe('2020-09-23T07:25:00.000Z');
  });

  it('needs a title in the edition language and speakers of the edition', () => {
    const result = resolveProgrammeItem(input({ title: { en: 'English only' }, speakerIds: ['nobody'] }), facts);
    expect(!result.ok && result.problems).toEqual([
      { field: 'title.ko', code: 'programme_item.title_required' },
      { field: 'speakerIds', code: 'programme_item.unknown_speaker' }
    ]);
  });

  it('needs both times or neither, an end after the start, and times within the session', () => {
    const codes = (overrides: Record<string, unknown>) => {
      const result = resolveProgrammeItem(input(overrides), facts);
      return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`);
    };
    expect(codes({ startTime: '16:05' })).toEqual(['endTime:programme_item.time_incomplete']);
    expect(codes({ endTime: '16:05' })).toEqual(['startTime:programme_item.time_incomplete']);
    expect(codes({ startTime: '16:20', endTime: '16:10' })).toEqual(['endTime:programme_item.ends_before_start']);
    expect(codes({ startTime: '15:50', endTime: '16:10' })).toEqual(['startTime:programme_item.outside_session']);
    expect(codes({ startTime: '16:20', endTime: '16:40' })).toEqual(['startTime:programme_item.outside_session']);
  });

  it('refuses oversized, malformed and mistyped fields at parse time', () => {
    const parse = (overrides: Record<string, unknown>) =>
      programmeItemInputSchema.safeParse({ ...input(), ...overrides }).error?.issues.map((i) => i.path.join('.'));
    expect(parse({ title: { ko: 'x'.repeat(301) } })).toEqual(['title.ko']);
    expect(parse({ summary: { en: 'x'.repeat(4001) } })).toEqual(['summary.en']);
    expect(parse({ speakerIds: ['Not An Id'] })).toEqual(['speakerIds.0']);
    expect(parse({ speakerIds: Array.from({ length: 51 }, (_, i) => `s-${i}`) })).toEqual(['speakerIds']);
    expect(parse({ startTime: '25:00', endTime: 1600 })).toEqual(['startTime', 'endTime']);
    expect(parse({ isIllustrative: 'yes' })).toEqual(['isIllustrative']);
    expect(input({ title: { ko: '  제목  ', en: '   ' } }).title).toEqual({ ko: '제목' });
  });
});
