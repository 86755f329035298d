import { describe, expect, it } from 'vitest';
import { byRunningOrder, isMoveDirection, moveInOrder } from './runningOrder.js';

describe('the running order', () => {
  it('follows the stored positions, ties broken by start and id', () => {
    const at = (h: number) => new Date(Date.UTC(2020, 8, 23, h));
    const order = byRunningOrder([
      { id: 'c', position: 1, startsAt: at(9) },
      { id: 'b', position: 1, startsAt: at(8) },
      { id: 'a', position: 2, startsAt: at(7) },
      { id: 'z', position: 0, startsAt: null }
    ]);
    expect(order.map((e) => e.id)).toEqual(['z', 'b', 'c', 'a']);
  });

  it('moves an entry one place up or down, and not past either end', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 'up')).toBeNull();
    expect(moveInOrder(['a', 'b', 'c'], 'c', 'down')).toBeNull();
    expect(moveInOrder(['a', 'b', 'c'], 'x', 'up')).toBeNull();
  });

  it('knows the two directions and nothing else', () => {
    expect(['up', 'down', 'left', '', null].map(isMoveDirection)).toEqual([true, true, false, false, false]);
  });
});
