import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository } from './accountRepository.js';
import { AuditRepository, recordAudit } from './auditRepository.js';
import type { Database } from './database.js';
import { testDatabaseTargets } from './testing/testDatabases.js';

const jiwoo = '0b6f3a44-2f0e-4c53-9d55-1c7c1f2f6a01';
// Audit entries outlive accounts: an id no account has any more.
const gone = '0b6f3a44-2f0e-4c53-9d55-1c7c1f2f6a02';

describe.each(testDatabaseTargets())('the audit log on $name', (target) => {
  let database: Database;
  let audit: AuditRepository;

  beforeAll(async () => {
    database = await target.open();
    audit = new AuditRepository(database.db);
    await new AccountRepository(database.db).create(
      {
        id: jiwoo,
        email: 'jiwoo@example.org',
        displayName: 'Kim Ji-woo',
        passwordHash: null,
        isAdmin: false,
        locale: 'ko'
      },
      new Date()
    );
    await database.db.transaction().execute(async (tx) => {
      for (const accountId of [jiwoo, null, gone]) {
        await recordAudit(tx, {
          accountId,
          editionId: 'ed-1',
          recordType: 'session',
          recordId: 's-1',
          action: 'update',
          changes: {}
        });
      }
    });
  });
  afterAll(() => database.close());

  it('names each editor by display name, the system as null, and an unknown account as null', async () => {
    const entries = await audit.forRecord('session', 's-1');
    expect(entries.map((e) => [e.accountId, e.accountName])).toEqual([
      [gone, null],
      [null, null],
      [jiwoo, 'Kim Ji-woo']
    ]);
    expect((await audit.forEdition('ed-1')).map((e) => e.accountName)).toEqual([null, null, 'Kim Ji-woo']);
  });
});
