import { describe, expect, it } from 'vitest';
import { fieldId, itemFormValues, sessionFormValues } from './formValues.js';

describe('console programme forms', () => {
  it('name the element of each field a problem points at', () => {
    expect(fieldId('', 'title.ko')).toBe('title-ko');
    expect(fieldId('item-', 'summary.en')).toBe('item-summary-en');
    expect(fieldId('item-', 'speakerIds.3')).toBe('item-speakerIds');
    expect(fieldId('', 'channelIds')).toBe('channelIds');
    expect(fieldId('', 'startTime')).toBe('startTime');
  });

  it('show a saved session’s times as wall times in the host zone', () => {
    const values = sessionFormValues(
      {
        id: 's',
        editionId: 'e',
        dayId: 'day-2',
        stageId: null,
        kind: 'keynote',
        title: { ko: '기조연설' },
        summary: {},
        startsAt: new Date('2020-09-23T07:00:00Z'),
        endsAt: new Date('2020-09-23T07:30:00Z'),
        zone: 'Asia/Seoul',
        position: 0,
        state: 'draft',
        channelIds: ['ch-site'],
        isIllustrative: false,
        version: 4
      },
      'Asia/Seoul'
    );
    expect(values).toMatchObject({ startTime: '16:00', endTime: '16:30', stageId: '', version: '4' });
  });

  it('leave an item’s own times empty when it takes the session’s', () => {
    const values = itemFormValues(
      {
        id: 'i',
        sessionId: 's',
        title: {},
        summary: {},
        startsAt: null,
        endsAt: null,
        position: 0,
        speakerIds: ['a'],
        isIllustrative: true,
        version: 1
      },
      'Asia/Seoul'
    );
    expect(values).toMatchObject({ startTime: '', endTime: '', speakerIds: ['a'], version: '1' });
  });
});
