import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository, recordAudit } from '../db/auditRepository.js';
import type { Database } from '../db/database.js';
import { ProgrammeRepository } from '../db/programmeRepository.js';
import { testDatabaseTargets } from '../db/testing/testDatabases.js';
import { seoul2020Programme } from '../demo/testing/seoul2020Programme.js';
import { AuditLog } from './auditLog.js';

const demo = seoul2020Programme();
const editionId = demo.edition.id;

describe.each(testDatabaseTargets())('the audit log on $name', (target) => {
  let database: Database;
  let log: AuditLog;

  beforeAll(async () => {
    database = await target.open();
    await new ProgrammeRepository(database.db).saveProgramme(demo);
    log = new AuditLog(new AuditRepository(database.db));
    const write = (recordType: string, recordId: string, action: 'update' | 'reorder') =>
      database.db
        .transaction()
        .execute((tx) => recordAudit(tx, { accountId: null, editionId, recordType, recordId, action, changes: {} }));
    await write('day', 'd1', 'update');
    await write('edition', editionId, 'update');
    await write('edition', editionId, 'reorder');
    await write('session', 'd1-cases', 'update');
    await write('programme_item', 'item-1', 'update');
    await write('poll', 'p1', 'update');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives the days page its days and the edition’s reorders, newest first, and nothing else', async () => {
    expect((await log.dayHistory(editionId)).map((e) => `${e.recordType} ${e.action}`)).toEqual([
      'edition reorder',
      'day update'
    ]);
  });

  it('gives a session its own entries with its items’, newest first', async () => {
    expect((await log.forSession('d1-cases', ['item-1'])).map((e) => e.recordId)).toEqual(['item-1', 'd1-cases']);
  });

  it('reads one kind of record of an edition', async () => {
    expect((await log.forKind(editionId, 'poll')).map((e) => e.recordId)).toEqual(['p1']);
    expect(await log.forRecord('day', 'd1')).toHaveLength(1);
    expect(await log.forEdition(editionId, 2)).toHaveLength(2);
  });
});
