import { describe, expect, it } from 'vitest';
import { choiceLimit, isDeletable, isEditable, pollToShow, stateAfter } from './poll.js';

describe('a poll’s life cycle', () => {
  it('opens from draft or closed, closes only when open', () => {
    expect(stateAfter('draft', 'open')).toBe('open');
    expect(stateAfter('closed', 'open')).toBe('open');
    expect(stateAfter('open', 'open')).toBeNull();
    expect(stateAfter('open', 'close')).toBe('closed');
    expect(stateAfter('draft', 'close')).toBeNull();
    expect(stateAfter('closed', 'close')).toBeNull();
  });

  it('edits and deletes only drafts', () => {
    expect([isEditable({ state: 'draft' }), isEditable({ state: 'open' }), isEditable({ state: 'closed' })]).toEqual([
      true,
      false,
      false
    ]);
    expect([isDeletable({ state: 'draft' }), isDeletable({ state: 'open' }), isDeletable({ state: 'closed' })]).toEqual(
      [true, false, false]
    );
  });

  it('allows one choice for single choice, up to the limit or every option for multiple', () => {
    const options = [
      { id: 'a', label: {} },
      { id: 'b', label: {} },
      { id: 'c', label: {} }
    ];
    expect(choiceLimit({ kind: 'single', maxChoices: null, options })).toBe(1);
    expect(choiceLimit({ kind: 'multiple', maxChoices: null, options })).toBe(3);
    expect(choiceLimit({ kind: 'multiple', maxChoices: 2, options })).toBe(2);
    expect(choiceLimit({ kind: 'multiple', maxChoices: 9, options })).toBe(3);
  });
});

describe('the poll the public panel shows', () => {
  const at = (iso: string) => new Date(iso);
  it('is the open one, else the one closed last, else none', () => {
    const draft = { id: 'd', state: 'draft' as const, closedAt: null };
    const early = { id: 'e', state: 'closed' as const, closedAt: at('2020-09-23T10:00:00Z') };
    const late = { id: 'l', state: 'closed' as const, closedAt: at('2020-09-23T11:00:00Z') };
    const open = { id: 'o', state: 'open' as const, closedAt: at('2020-09-23T09:00:00Z') };
    expect(pollToShow([draft, early, late, open])?.id).toBe('o');
    expect(pollToShow([early, late, draft])?.id).toBe('l');
    expect(pollToShow([late, early])?.id).toBe('l');
    expect(pollToShow([draft])).toBeNull();
    expect(pollToShow([])).toBeNull();
  });
});
