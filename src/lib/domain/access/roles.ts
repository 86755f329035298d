/**
 * The roles a person can hold on one edition, and what each role lets them
 * do there. An instance administrator (`Actor.isAdmin`) holds every
 * capability on every edition; everyone else only what their roles on that
 * edition grant.
 */
export const roles = ['admin', 'producer', 'moderator', 'captioner', 'interpreter', 'speaker'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export const capabilities = [
  'managePeople',
  'editProgramme',
  'publishProgramme',
  'runStudio',
  'moderate',
  'caption',
  'interpret',
  'speak'
] as const;
export type Capability = (typeof capabilities)[number];

/** The one table of who may do what on an edition. */
export const capabilitiesOfRole: Readonly<Record<Role, readonly Capability[]>> = {
  admin: capabilities,
  producer: ['editProgramme', 'publishProgramme', 'runStudio', 'moderate'],
  moderator: ['moderate'],
  captioner: ['caption'],
  interpreter: ['interpret'],
  speaker: ['speak']
};
