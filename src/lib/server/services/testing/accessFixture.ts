/**
 * For service tests: the access services on a fresh test database with two
 * editions, a clock the test moves, a mailer that keeps what it was given,
 * and a factory for accounts with roles.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../domain/access/roles.js';
import { buildEdition, emptyProgramme } from '../../../domain/testing/programmeFactory.js';
import type { Database } from '../../db/database.js';
import { ProgrammeRepository } from '../../db/programmeRepository.js';
import type { TestDatabaseTarget } from '../../db/testing/testDatabases.js';
import type { Mailer, MailMessage } from '../../mail/mailer.js';
import { createAccessServices, type AccessServices } from '../../wiring/accessServices.js';
import { Argon2PasswordHasher } from '../../auth/passwordHasher.js';
import { AccessRepositories } from '../../db/accessRepositories.js';

export const editionA = 'edition-a';
export const editionB = 'edition-b';
export const origin = 'https://forum.example.org';
export const goodPassword = 'orange kettle under the bridge';

export interface AccessFixture extends AccessServices {
  readonly database: Database;
  readonly repositories: AccessRepositories;
  /** Every message handed to the mailer, in order. */
  readonly mail: MailMessage[];
  /** Makes the next `send` fail, once. */
  failNextMail(): void;
  now(): Date;
  advance(ms: number): void;
  createAccount(options?: {
    email?: string;
    password?: string;
    isAdmin?: boolean;
    grants?: [string, Role][];
  }): Promise<{ id: string; email: string }>;
  close(): Promise<void>;
}

export async function openAccessFixture(target: TestDatabaseTarget): Promise<AccessFixture> {
  const database = await target.open();
  const programmes = new ProgrammeRepository(database.db);
  for (const [id, slug] of [
    [editionA, 'edition-a'],
    [editionB, 'edition-b']
  ] as const) {
    await programmes.saveProgramme(
      emptyProgramme({ edition: buildEdition({ id, slug, title: { en: `Edition ${slug}`, ko: `회차 ${slug}` } }) })
    );
  }
  let now = new Date('2024-05-01T09:00:00Z');
  const mail: MailMessage[] = [];
  let failNext = false;
  const mailer: Mailer = {
    async send(message) {
      if (failNext) {
        failNext = false;
        throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      }
      mail.push(message);
    },
    async close() {}
  };
  const hasher = new Argon2PasswordHasher();
  const services = await createAccessServices(database.db, {
    mailer,
    log: { error: () => undefined, info: () => undefined },
    clock: () => now,
    hasher
  });
  const repositories = new AccessRepositories(database.db);
  return {
    ...services,
    database,
    repositories,
    mail,
    failNextMail: () => (failNext = true),
    now: () => now,
    advance: (ms) => (now = new Date(now.getTime() + ms)),
    async createAccount(options = {}) {
      const id = randomUUID();
      const email = options.email ?? `person-${id.slice(0, 8)}@example.org`;
      await repositories.accounts.create(
        {
          id,
          email,
          displayName: `Person ${id.slice(0, 4)}`,
          passwordHash: await hasher.hash(options.password ?? goodPassword),
          isAdmin: options.isAdmin ?? false,
          locale: 'en'
        },
        now
      );
      for (const [editionId, role] of options.grants ?? []) {
        await repositories.accounts.addGrant({ id: randomUUID(), accountId: id, editionId, role }, null, now);
      }
      return { id, email };
    },
    close: () => database.close()
  };
}
