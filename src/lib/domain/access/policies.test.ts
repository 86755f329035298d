import { describe, expect, it } from 'vitest';
import {
  can,
  canAnywhere,
  canCaption,
  canCreateEdition,
  canDeleteEdition,
  canEditProgramme,
  canImportEdition,
  canManageAccounts,
  canManagePeople,
  canModerate,
  canSpeak,
  rolesOn,
  type Actor
} from './policies.js';
import { capabilities, isRole, roles, type Role } from './roles.js';

const actor = (grants: [string, Role][], isAdmin = false): Actor => ({
  id: 'a1',
  isAdmin,
  grants: grants.map(([editionId, role]) => ({ editionId, role }))
});

describe('access policies', () => {
  it('lets an instance administrator do everything on every edition', () => {
    const admin = actor([], true);
    for (const capability of capabilities) expect(can(admin, capability, 'any-edition')).toBe(true);
    expect(canManageAccounts(admin)).toBe(true);
    expect(canImportEdition(admin)).toBe(true);
  });

  it('lets only instance administrators import a new edition, not edition admins', () => {
    expect(canImportEdition(actor([['seoul-2020', 'admin']]))).toBe(false);
    expect(canImportEdition(actor([['seoul-2020', 'producer']]))).toBe(false);
    expect(canImportEdition(null)).toBe(false);
  });

  it('refuses everything to nobody', () => {
    for (const capability of capabilities) expect(can(null, capability, 'seoul-2020')).toBe(false);
    expect(canManageAccounts(null)).toBe(false);
    expect(canAnywhere(null, 'moderate')).toBe(false);
  });

  it('grants a role its capabilities only on its own edition', () => {
    const moderator = actor([['seoul-2020', 'moderator']]);
    expect(canModerate(moderator, 'seoul-2020')).toBe(true);
    expect(canModerate(moderator, 'seoul-2021')).toBe(false);
    expect(canEditProgramme(moderator, 'seoul-2020')).toBe(false);
    expect(canManagePeople(moderator, 'seoul-2020')).toBe(false);
  });

  it('makes an edition admin an admin of that edition only, never of the instance', () => {
    const editionAdmin = actor([['seoul-2020', 'admin']]);
    for (const capability of capabilities) expect(can(editionAdmin, capability, 'seoul-2020')).toBe(true);
    expect(canManagePeople(editionAdmin, 'seoul-2021')).toBe(false);
    expect(canManageAccounts(editionAdmin)).toBe(false);
  });

  it.each<[Role, (a: Actor, e: string) => boolean, boolean]>([
    ['producer', canEditProgramme, true],
    ['producer', canModerate, true],
    ['producer', canManagePeople, false],
    ['captioner', canCaption, true],
    ['captioner', canModerate, false],
    ['speaker', canSpeak, true],
    ['speaker', canEditProgramme, false],
    ['interpreter', canCaption, false]
  ])('a %s: %o → %s', (role, policy, expected) => {
    expect(policy(actor([['e1', role]]), 'e1')).toBe(expected);
  });

  it('adds up several roles on one edition', () => {
    const both = actor([
      ['e1', 'captioner'],
      ['e1', 'speaker']
    ]);
    expect(canCaption(both, 'e1') && canSpeak(both, 'e1')).toBe(true);
    expect(canAnywhere(both, 'caption')).toBe(true);
    expect(canAnywhere(both, 'managePeople')).toBe(false);
  });

  it('lists the roles held on an edition, counting an instance administrator as its admin', () => {
    expect(rolesOn(actor([['e1', 'speaker']], true), 'e1')).toEqual(['admin', 'speaker']);
    expect(rolesOn(actor([['e1', 'speaker']]), 'e2')).toEqual([]);
  });

  it('recognises only the six roles', () => {
    expect(roles.every(isRole)).toBe(true);
    expect(isRole('owner')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('lets only instance administrators create, delete and restore editions', () => {
    expect(canCreateEdition(actor([], true))).toBe(true);
    expect(canDeleteEdition(actor([], true))).toBe(true);
    const editionAdmin = actor([['seoul-2020', 'admin']]);
    expect(canCreateEdition(editionAdmin)).toBe(false);
    expect(canDeleteEdition(editionAdmin)).toBe(false);
    expect(canCreateEdition(null)).toBe(false);
    expect(canDeleteEdition(null)).toBe(false);
  });
});
