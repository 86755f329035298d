/**
 * Every migration in order. Migrations are never edited after they land; a
 * change is a new file. Listed statically so the bundled server has them.
 */
import * as programme from './001_programme.js';
import * as accounts from './002_accounts.js';
import * as audit from './003_audit.js';
import * as accountIdentities from './004_account_identities.js';
import * as outbox from './005_outbox.js';
import * as questions from './006_questions.js';
import * as polls from './007_polls.js';
import * as chat from './008_chat.js';
import * as destinations from './009_destinations.js';
import * as broadcast from './010_broadcast.js';

export interface Migration {
  readonly name: string;
  readonly statements: readonly string[];
}

export const migrations: readonly Migration[] = [programme, accounts, audit, accountIdentities, outbox, questions, polls, chat, destinations, broadcast];
