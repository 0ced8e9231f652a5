import type { z } from 'zod';
import type { SetupInput } from '../../../shared/domain/environment';
import { defaultKeyHolder, type Role } from '../../../shared/domain/roles';
import type { ShippedThemeId } from '../../../shared/theme/themes';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db/open';
import { DEFAULT_IDLE_LOCK_MINUTES, readMeta, setSetting, writeMeta } from '../settings/settings';
import { storeEnvironmentCa, type SealedCa } from '../signing/ca-store';

export { DEFAULT_IDLE_LOCK_MINUTES };

/** The theme may be left out by callers that set up in code (demo, benchmarks): the default. */
type ParsedSetup = Omit<z.output<typeof SetupInput>, 'theme'> & { theme?: ShippedThemeId };

/** Untyped meta access; settings/settings.ts has the typed map (getSetting/setSetting) for new code. */
export const setMeta = writeMeta;
export const getMeta = readMeta;

export function insertUser(
  db: Db,
  u: {
    username: string;
    displayName: string;
    organisationId: number;
    roles: readonly Role[];
    keyHolder?: boolean;
  },
  at: string,
): number {
  const keyHolder = u.keyHolder ?? defaultKeyHolder(u.roles, u.organisationId === hostOrganisationId(db));
  return Number(
    db
      .prepare(
        'INSERT INTO users (username, display_name, organisation_id, roles, created_at, key_holder) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(u.username, u.displayName, u.organisationId, JSON.stringify(u.roles), at, keyHolder ? 1 : 0)
      .lastInsertRowid,
  );
}

/** The organisation that hosts the meeting (the gemeente whose machine holds the data). */
export function hostOrganisationId(db: Db): number | null {
  const value = getMeta(db, 'host_organisation_id');
  return value === undefined ? null : Number(value);
}

/**
 * Fills a new database with the city's settings, its organisations and the first administrator.
 * Runs inside the creating transaction. Only the organisation that holds the health conversations
 * (GGD) may see special-category data by default; within the gemeente only its casemanager role does
 * (dossiers/special.ts), not the gemeente as a whole. Others see only conclusions.
 */
export function populateEnvironment(
  db: Db,
  input: ParsedSetup,
  at: string,
  demo: boolean,
  ca?: SealedCa,
): { adminUserId: number; adminUsername: string; organisationIds: number[] } {
  setMeta(db, 'city', input.city);
  setMeta(db, 'cadence', input.cadence);
  setSetting(db, 'theme', { id: input.theme ?? 'standaard' });
  setMeta(db, 'term_months', String(input.termMonths));
  setMeta(db, 'idle_lock_minutes', String(DEFAULT_IDLE_LOCK_MINUTES));
  setMeta(db, 'demo', demo ? '1' : '0');
  setMeta(db, 'created_at', at);
  const insertOrg = db.prepare(
    'INSERT INTO organisations (name, kind, sees_special, sort_order) VALUES (?, ?, ?, ?)',
  );
  const organisationIds = input.organisations.map((o, i) =>
    Number(insertOrg.run(o.name, o.kind, o.kind === 'ggd' ? 1 : 0, i).lastInsertRowid),
  );
  setMeta(db, 'host_organisation_id', String(organisationIds[input.admin.organisationIndex]!));
  const adminUserId = insertUser(
    db,
    {
      username: input.admin.username,
      displayName: input.admin.displayName,
      organisationId: organisationIds[input.admin.organisationIndex]!,
      roles: ['beheerder'],
      keyHolder: true,
    },
    at,
  );
  appendAudit(db, {
    at,
    userId: adminUserId,
    organisationId: organisationIds[input.admin.organisationIndex]!,
    action: 'environment.create',
    entity: 'organisations',
    ids: organisationIds,
  });
  appendAudit(db, {
    at,
    userId: adminUserId,
    organisationId: organisationIds[input.admin.organisationIndex]!,
    action: 'user.create',
    entity: 'users',
    ids: [adminUserId],
  });
  // The environment's own CA for signing minutes, made and wrapped with the first beheerder's password
  // beforehand (async); that beheerder keeps it (signing/ca-key.ts).
  if (ca) storeEnvironmentCa(db, ca, adminUserId);
  return { adminUserId, adminUsername: input.admin.username, organisationIds };
}
