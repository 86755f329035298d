/**
 * Who may act on which edition. The dashboard lists the editions an account
 * may act on with its roles there; the people page lists the accounts and
 * pending invitations on the editions the actor manages (every account for
 * an instance administrator) and revokes roles.
 */
import { AccessError } from '../../domain/access/accessError.js';
import { canAnywhere, canManageAccounts, canManagePeople, rolesOn } from '../../domain/access/policies.js';
import type { Role } from '../../domain/access/roles.js';
import type { SignedInAccount } from './accountSessions.js';
import type { AccessRepositories } from '../db/accessRepositories.js';
import type { ConsoleEdition } from '../db/accountRepository.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface EditionWithRoles {
  readonly edition: ConsoleEdition;
  readonly roles: readonly Role[];
}

export interface Person {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  readonly grants: readonly { id: string; edition: ConsoleEdition; role: Role }[];
}

export interface PendingInvitation {
  readonly id: string;
  readonly email: string;
  readonly edition: ConsoleEdition;
  readonly role: Role;
  readonly expiresAt: Date;
}

export interface PeopleOverview {
  /** The editions the actor may invite people to. */
  readonly editions: readonly ConsoleEdition[];
  readonly people: readonly Person[];
  readonly invitations: readonly PendingInvitation[];
}

export class PeopleService {
  constructor(
    private readonly repositories: AccessRepositories,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async editionsFor(actor: SignedInAccount): Promise<EditionWithRoles[]> {
    const editions = await this.repositories.accounts.editions();
    return editions
      .map((edition) => ({ edition, roles: rolesOn(actor, edition.id) }))
      .filter((entry) => entry.roles.length > 0);
  }

  async overview(actor: SignedInAccount): Promise<PeopleOverview> {
    if (!canAnywhere(actor, 'managePeople')) throw new AccessError('auth.forbidden');
    const r = this.repositories;
    const allEditions = await r.accounts.editions();
    const editions = allEditions.filter((edition) => canManagePeople(actor, edition.id));
    const everything = canManageAccounts(actor);
    const editionIds = editions.map((e) => e.id);
    const [accounts, grants, invitations] = await Promise.all([
      r.accounts.list(),
      r.accounts.grantsOn(everything ? null : editionIds),
      r.invitations.pending(everything ? null : editionIds, this.clock())
    ]);
    const byId = new Map(allEditions.map((e) => [e.id, e]));
    const people = accounts
      .map((account) => ({
        id: account.id,
        email: account.email,
        displayName: account.displayName,
        isAdmin: account.isAdmin,
        grants: grants
          .filter((g) => g.accountId === account.id && byId.has(g.editionId))
          .map((g) => ({ id: g.id, edition: byId.get(g.editionId)!, role: g.role }))
      }))
      .filter((person) => everything || person.grants.length > 0);
    return {
      editions,
      people,
      invitations: invitations
        .filter((i) => byId.has(i.editionId))
        .map((i) => ({
          id: i.id,
          email: i.email,
          edition: byId.get(i.editionId)!,
          role: i.role,
          expiresAt: i.expiresAt
        }))
    };
  }

  async revokeRole(actor: SignedInAccount, grantId: string): Promise<void> {
    if (!uuidPattern.test(grantId)) throw new AccessError('role_grant.not_found');
    await this.repositories.transaction(async (r) => {
      const grant = await r.accounts.findGrant(grantId);
      if (!grant) throw new AccessError('role_grant.not_found');
      if (!canManagePeople(actor, grant.editionId)) throw new AccessError('auth.forbidden');
      await r.accounts.deleteGrant(grant.id);
    });
  }
}
