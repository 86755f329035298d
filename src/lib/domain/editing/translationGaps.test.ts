import { describe, expect, it } from 'vitest';
import {
  buildDay,
  buildEdition,
  buildItem,
  buildProgramme,
  buildSession,
  buildSpeaker
} from '../testing/programmeFactory.js';
import { gapCounts, translationGaps } from './translationGaps.js';

describe('the translations an edition still lacks', () => {
  it('finds nothing when every written field is in every locale', () => {
    const programme = buildProgramme();
    const gaps = translationGaps(programme).filter(
      (g) => g.recordType !== 'edition' && g.recordType !== 'speaker' && g.recordType !== 'city'
    );
    expect(gaps.flatMap((g) => g.fields.filter((f) => f.field === 'title' || f.field === 'name'))).toEqual([]);
  });

  it('lists a field written in one locale but not another, and leaves out fields nobody wrote', () => {
    const session = buildSession({ id: 's-1', title: { ko: '세션만', en: '' }, summary: {} });
    const programme = buildProgramme({
      edition: buildEdition({ title: { ko: '포럼', en: 'Forum' }, theme: {}, summary: { en: 'English only' } }),
      days: [buildDay({ id: 'day-1', title: { ko: '첫째 날', en: 'Day 1' } })],
      sessions: [session],
      items: [buildItem({ id: 'i-1', sessionId: 's-1', title: { en: 'Talk' }, summary: { ko: ' ', en: '' } })],
      speakers: [
        buildSpeaker({ id: 'sp-1', name: { ko: '김', en: 'Kim' }, jobTitle: { ko: '국장' }, organisation: {}, bio: {} })
      ],
      cities: [],
      channels: [],
      stages: []
    });
    expect(translationGaps(programme)).toEqual([
      {
        recordType: 'edition',
        recordId: programme.edition.id,
        name: programme.edition.title,
        fields: [{ field: 'summary', missing: ['ko'] }]
      },
      { recordType: 'session', recordId: 's-1', name: session.title, fields: [{ field: 'title', missing: ['en'] }] },
      {
        recordType: 'programme_item',
        recordId: 'i-1',
        name: { en: 'Talk' },
        sessionId: 's-1',
        fields: [{ field: 'title', missing: ['ko'] }]
      },
      {
        recordType: 'speaker',
        recordId: 'sp-1',
        name: { ko: '김', en: 'Kim' },
        fields: [{ field: 'jobTitle', missing: ['en'] }]
      }
    ]);
  });

  it('counts the fields each language still needs', () => {
    const programme = buildProgramme({
      sessions: [
        buildSession({ id: 'a', title: { ko: '가' }, summary: { en: 'x' } }),
        buildSession({ id: 'b', title: { en: 'B' } })
      ],
      items: [],
      speakers: [],
      cities: [],
      channels: [],
      stages: [],
      days: [buildDay()]
    });
    expect(gapCounts(translationGaps(programme), ['ko', 'en'])).toEqual([
      { locale: 'ko', fields: 2 },
      { locale: 'en', fields: 1 }
    ]);
  });
});
