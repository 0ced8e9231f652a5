import { z } from 'zod';

/**
 * beheerder: manages users and settings. voorzitter: chairs (gemeente). notulist: secretary.
 * deelnemer: speaks for their organisation. casemanager: the gemeente's case manager, who may see
 * special-category data by default.
 */
export const roles = ['beheerder', 'voorzitter', 'notulist', 'deelnemer', 'casemanager'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Kinds of organisation at the table; the set of parties per city is configurable. */
export const organisationKinds = [
  'gemeente',
  'ind',
  'dtv',
  'ngo',
  'politie',
  'iom',
  'ggd',
  'coa',
  'advocaat',
  'opvang',
  'overig',
] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const Session = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  organisationKind: OrganisationKind,
  roles: z.array(Role),
  /** Holds a wrap of the database key: can open the environment, not only join it while open. */
  keyHolder: z.boolean(),
  /** Logged in with a temporary password set by the beheerder: must choose their own first. */
  mustChangePassword: z.boolean(),
  /**
   * Opened with the recovery key (auth.openWithRecoveryKey): no account (user 0), no roles, only
   * the rights in permissions.ts's recoveryActions.
   */
  recovery: z.literal(true).optional(),
});
export type Session = z.infer<typeof Session>;

export function hasAnyRole(session: Pick<Session, 'roles'>, allowed: readonly Role[]): boolean {
  return session.roles.some((r) => allowed.includes(r));
}

/** Roles that hold the meeting: by default their holders in the hosting gemeente hold the database key. */
export const keyHoldingRoles: readonly Role[] = ['beheerder', 'voorzitter', 'notulist'];

/** Whether a new account holds the key unless the beheerder decides otherwise. */
export function defaultKeyHolder(roles: readonly Role[], inHostOrganisation: boolean): boolean {
  return inHostOrganisation && roles.some((r) => keyHoldingRoles.includes(r));
}
