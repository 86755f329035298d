import { describe, expect, it } from 'vitest';
import { FakeTimers } from './fakeTimers.js';
import { PanelRefresher } from './panelRefresher.js';

function setup(random = () => 0.5) {
  const timers = new FakeTimers();
  const fetched: string[] = [];
  let finish: Array<() => void> = [];
  const refresher = new PanelRefresher(
    (panel) => {
      fetched.push(panel);
      return new Promise<void>((resolve) => finish.push(resolve));
    },
    timers,
    random
  );
  const settle = async () => {
    const pending = finish;
    finish = [];
    for (const resolve of pending) resolve();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { timers, fetched, refresher, settle };
}

describe('panel refresher', () => {
  it('coalesces a burst of events into one fetch after a jittered delay', () => {
    const { timers, fetched, refresher } = setup();
    for (let i = 0; i < 50; i += 1) refresher.request('questions');
    expect(fetched).toEqual([]);
    timers.advance(499);
    expect(fetched).toEqual([]);
    timers.advance(1);
    expect(fetched).toEqual(['questions']);
  });

  it('fetches at most once per second per panel, and once more for events during a fetch', async () => {
    const { timers, fetched, refresher, settle } = setup(() => 0);
    refresher.request('questions');
    timers.advance(0);
    expect(fetched).toEqual(['questions']);
    refresher.request('questions');
    refresher.request('questions');
    await settle();
    timers.advance(999);
    expect(fetched).toHaveLength(1);
    timers.advance(1);
    expect(fetched).toEqual(['questions', 'questions']);
    await settle();
    timers.advance(60_000);
    expect(fetched).toHaveLength(2);
  });

  it('keeps panels independent', () => {
    const { timers, fetched, refresher } = setup(() => 0);
    refresher.request('questions');
    refresher.request('poll');
    timers.advance(0);
    expect(fetched.sort()).toEqual(['poll', 'questions']);
  });

  it('refreshes at once after the reader acts, and again after a fetch already under way', async () => {
    const { timers, fetched, refresher, settle } = setup(() => 0);
    refresher.refreshNow('chat');
    expect(fetched).toEqual(['chat']);
    refresher.refreshNow('chat');
    expect(fetched).toEqual(['chat']);
    await settle();
    timers.advance(1_000);
    expect(fetched).toEqual(['chat', 'chat']);
  });

  it('keeps working after a failed fetch', async () => {
    const timers = new FakeTimers();
    let calls = 0;
    const refresher = new PanelRefresher(
      () => {
        calls += 1;
        return Promise.reject(new Error('offline'));
      },
      timers,
      () => 0
    );
    refresher.request('poll');
    timers.advance(0);
    await Promise.resolve();
    await Promise.resolve();
    refresher.request('poll');
    timers.advance(1_000);
    expect(calls).toBe(2);
  });
});
