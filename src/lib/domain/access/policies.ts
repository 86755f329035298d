/**
 * Small declarative policies: may this person do that on this edition? They
 * read only the actor's roles, so routes and services ask the same question
 * the same way, and the answer is tested without a database.
 */
import { capabilitiesOfRole, type Capability, type Role } from './roles.js';

export interface RoleGrant {
  readonly editionId: string;
  readonly role: Role;
}

/** Whoever is acting: an account with its instance-wide flag and its roles per edition. */
export interface Actor {
  readonly id: string;
  readonly isAdmin: boolean;
  readonly grants: readonly RoleGrant[];
}

export function can(actor: Actor | null, capability: Capability, editionId: string): boolean {
  if (!actor) return false;
  if (actor.isAdmin) return true;
  return actor.grants.some(
    (grant) => grant.editionId === editionId && capabilitiesOfRole[grant.role].includes(capability)
  );
}

/** Whether the actor holds the capability on at least one edition (to show a console section at all). */
export function canAnywhere(actor: Actor | null, capability: Capability): boolean {
  if (!actor) return false;
  return actor.isAdmin || actor.grants.some((grant) => capabilitiesOfRole[grant.role].includes(capability));
}

export const canEditProgramme = (actor: Actor | null, editionId: string) => can(actor, 'editProgramme', editionId);
export const canPublishProgramme = (actor: Actor | null, editionId: string) =>
  can(actor, 'publishProgramme', editionId);
export const canRunStudio = (actor: Actor | null, editionId: string) => can(actor, 'runStudio', editionId);
export const canModerate = (actor: Actor | null, editionId: string) => can(actor, 'moderate', editionId);
export const canCaption = (actor: Actor | null, editionId: string) => can(actor, 'caption', editionId);
export const canInterpret = (actor: Actor | null, editionId: string) => can(actor, 'interpret', editionId);
export const canSpeak = (actor: Actor | null, editionId: string) => can(actor, 'speak', editionId);
/** Invite people to an edition and revoke their roles there. */
export const canManagePeople = (actor: Actor | null, editionId: string) => can(actor, 'managePeople', editionId);

/** Instance-wide: see every account. Only instance administrators. */
export function canManageAccounts(actor: Actor | null): boolean {
  return actor?.isAdmin === true;
}

/**
 * Instance-wide: create a new edition from a schedule file. Only instance
 * administrators, because an import creates an edition (and may create an
 * organisation and a series) that no edition role covers yet.
 */
export function canImportEdition(actor: Actor | null): boolean {
  return actor?.isAdmin === true;
}

/**
 * Instance-wide: start a new edition. Only instance administrators, since an
 * edition has no roles yet that could grant it; they stay its admin.
 */
export function canCreateEdition(actor: Actor | null): boolean {
  return actor?.isAdmin === true;
}

/** Delete an edition (off the public site and the dashboard) and restore it: instance administrators only. */
export function canDeleteEdition(actor: Actor | null): boolean {
  return actor?.isAdmin === true;
}

/** The actor's roles on one edition (an instance administrator counts as its admin). */
export function rolesOn(actor: Actor, editionId: string): Role[] {
  const held = actor.grants.filter((grant) => grant.editionId === editionId).map((grant) => grant.role);
  if (actor.isAdmin && !held.includes('admin')) held.unshift('admin');
  return held;
}
