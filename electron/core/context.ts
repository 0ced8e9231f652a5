import type { Session } from '../../shared/domain/roles';
import { AppError } from '../../shared/errors';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/agenda';
import { localDate } from '../../shared/domain/dates';
import { appendAudit } from './audit/audit';
import type { Db } from './db/open';
import type { Keyring } from './environment/keyring';
import type { Vault } from './environment/vault';
import type { Ports } from './ports';
import type { SessionRegistry } from './sessions/registry';
import type { Passwords } from './users/passwords';

export interface AuditFacts {
  action: string;
  entity: string;
  ids: readonly number[];
}

/** What every handler module gets from the composition root. */
export interface CoreContext {
  /** Whether the environment is open, and its database: one per process. */
  vault: Vault;
  /** Who is logged in, per caller: any number at once. */
  sessions: SessionRegistry;
  keyring: Keyring;
  passwords: Passwords;
  ports: Ports;
  nowIso(): string;
  /** Today's date in the environment's time zone (Europe/Amsterdam), as YYYY-MM-DD. */
  today(): string;
}

export function requireSession(session: Session | null): Session {
  if (!session) throw new AppError('UNAUTHENTICATED', 'Not logged in');
  return session;
}

/**
 * Runs a change and its audit records in one transaction: either both are stored or neither.
 * The function must be synchronous (better-sqlite3 transactions cannot span an await).
 */
export function writeAudited<T>(
  ctx: CoreContext,
  session: Session | null,
  change: (db: Db) => { result: T; audit: AuditFacts | AuditFacts[] },
): T {
  const db = ctx.vault.database();
  return db.transaction(() => {
    const { result, audit } = change(db);
    const at = ctx.nowIso();
    for (const a of Array.isArray(audit) ? audit : [audit]) {
      appendAudit(db, {
        at,
        userId: session?.userId ?? null,
        organisationId: session?.organisationId ?? null,
        action: a.action,
        entity: a.entity,
        ids: a.ids,
      });
    }
    return result;
  })();
}

export function amsterdamDate(d: Date): string {
  return localDate(d.toISOString(), DEFAULT_TIME_ZONE);
}
