import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addToOutbox, OutboxRepository } from '../db/outboxRepository.js';
import type { Database } from '../db/database.js';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { OutboxRelay } from './outboxRelay.js';

interface Published {
  channel: string;
  name: string;
  data: unknown;
}

function recordingHub() {
  const published: Published[] = [];
  return {
    published,
    publish: (channel: string, name: string, data: unknown) => {
      published.push({ channel, name, data });
      return Promise.resolve(published.length);
    }
  };
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met within 10 s');
}

describe.each(testDatabaseTargets())('the outbox relay on $name', (target) => {
  let database: Database;
  let outbox: OutboxRepository;

  beforeAll(async () => {
    database = await target.open();
    outbox = new OutboxRepository(database.db);
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.db.deleteFrom('outbox_event').execute();
  });

  it('never publishes an event whose transaction rolled back, and publishes committed ones in order', async () => {
    await database.db
      .transaction()
      .execute(async (tx) => {
        await addToOutbox(tx, { channel: 'session:opening', name: 'question.asked', data: { id: 'gone' } });
        throw new Error('the write failed');
      })
      .catch(() => undefined);
    await database.db.transaction().execute(async (tx) => {
      for (let n = 1; n <= 5; n += 1)
        await addToOutbox(tx, {
          channel: 'session:opening',
          name: 'question.asked',
          data: { id: `q${n}`, version: 1 }
        });
    });
    await addToOutbox(database.db, { channel: 'session:opening', name: 'poll.opened', data: { id: 'p1' } });
    const hub = recordingHub();
    const relay = new OutboxRelay(outbox, hub, { batchSize: 2 });
    await relay.drain();
    expect(hub.published.map((e) => (e.data as { id: string }).id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'p1']);
    expect(hub.published[5]).toEqual({ channel: 'session:opening', name: 'poll.opened', data: { id: 'p1' } });
    expect(await outbox.unpublishedCount()).toBe(0);
    await relay.drain();
    expect(hub.published).toHaveLength(6);
    await relay.close();
  });

  it('publishes on the next poll a row committed by a process that never woke the relay (crash between commit and wake)', async () => {
    const hub = recordingHub();
    const relay = new OutboxRelay(outbox, hub, { pollMs: 50 });
    relay.start();
    await until(() => true);
    await addToOutbox(database.db, { channel: 'session:opening', name: 'chat.posted', data: { id: 'm1' } });
    await until(() => hub.published.length === 1);
    expect(hub.published[0]?.name).toBe('chat.posted');
    await relay.close();
  });

  it('keeps a row unpublished when the hub fails, and publishes it once the hub is back', async () => {
    await addToOutbox(database.db, { channel: 'session:opening', name: 'question.changed', data: { id: 'q1' } });
    const failures: unknown[] = [];
    let hubUp = false;
    const hub = recordingHub();
    const flaky = {
      publish: (channel: string, name: string, data: unknown) =>
        hubUp ? hub.publish(channel, name, data) : Promise.reject(new Error('Redis is down'))
    };
    const relay = new OutboxRelay(outbox, flaky, { onFailure: (error) => failures.push(error) });
    await relay.drain();
    expect(failures).toHaveLength(1);
    expect(await outbox.unpublishedCount()).toBe(1);
    hubUp = true;
    await relay.drain();
    expect(hub.published.map((e) => e.name)).toEqual(['question.changed']);
    await relay.close();
  });

  it('lets only one of two relays publish a row, and the other waits for older rows', async () => {
    for (let n = 1; n <= 4; n += 1)
      await addToOutbox(database.db, { channel: 'session:opening', name: 'question.asked', data: { n } });
    const hubA = recordingHub();
    const hubB = recordingHub();
    const relayA = new OutboxRelay(outbox, hubA, { batchSize: 2 });
    const relayB = new OutboxRelay(outbox, hubB, { batchSize: 2 });
    await Promise.all([relayA.drain(), relayB.drain(), relayA.drain(), relayB.drain()]);
    await relayA.drain();
    const all = [...hubA.published, ...hubB.published].map((e) => (e.data as { n: number }).n).sort();
    expect(all).toEqual([1, 2, 3, 4]);
    await relayA.close();
    await relayB.close();
  });

  it('deletes published rows older than the retention, keeping recent and unpublished ones', async () => {
    await addToOutbox(database.db, { channel: 'session:opening', name: 'question.asked', data: { id: 'old' } });
    await new OutboxRelay(outbox, recordingHub()).drain();
    await database.db
      .updateTable('outbox_event')
      .set({ published_at: sql<Date>`now() - interval '2 hours'` })
      .execute();
    await addToOutbox(database.db, { channel: 'session:opening', name: 'question.asked', data: { id: 'new' } });
    const relay = new OutboxRelay(outbox, recordingHub(), { batchSize: 10 });
    await relay.drain();
    const rows = await database.db.selectFrom('outbox_event').select('data').execute();
    expect(rows.map((row) => (row.data as { id: string }).id)).toEqual(['new']);
  });
});
