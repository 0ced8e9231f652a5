import type { Db } from '../db/open';
import { Role, OrganisationKind, type Session } from '../../../shared/domain/roles';
import { z } from 'zod';

/** The session of an active user, or null when the user is unknown or disabled. */
export function loadSession(db: Db, userId: number): Session | null {
  const row = db
    .prepare(
      `SELECT u.id, u.username, u.display_name, u.organisation_id, u.roles, u.disabled, o.name AS org_name, o.kind AS org_kind
       FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?`,
    )
    .get(userId) as
    | { id: number; username: string; display_name: string; organisation_id: number; roles: string; disabled: number; org_name: string; org_kind: string }
    | undefined;
  if (!row || row.disabled) return null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    organisationName: row.org_name,
    organisationKind: OrganisationKind.parse(row.org_kind),
    roles: z.array(Role).parse(JSON.parse(row.roles)),
  };
}
