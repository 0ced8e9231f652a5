import type { Session } from '../../shared/domain/roles';
import { AppError } from '../../shared/errors';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/agenda';
import { localDate } from '../../shared/domain/dates';
import { appendAuditRecord } from './audit/audit';
import { HeadAnchor, headFileFor } from './audit/head-file';
import { getMeta } from './environment/setup';
import { getSetting, setSetting } from './settings/settings';
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
  let head: { id: number; hash: string } | null = null;
  const result = db.transaction(() => {
    const { result, audit } = change(db);
    const at = ctx.nowIso();
    for (const a of Array.isArray(audit) ? audit : [audit]) {
      head = appendAuditRecord(db, {
        at,
        userId: session?.userId ?? null,
        organisationId: session?.organisationId ?? null,
        action: a.action,
        entity: a.entity,
        ids: a.ids,
      });
    }
    if (head) markAnchored(db);
    return result;
  })();
  // Inside an outer transaction the records are not committed yet (and may roll back): the outer
  // writeAudited notes the head once it commits.
  if (head && !db.inTransaction) anchorHead(ctx, db, head);
  return result;
}

/** One head file writer per vault, flushed whenever that vault locks. */
const anchors = new WeakMap<Vault, HeadAnchor>();

function anchorFor(ctx: CoreContext): HeadAnchor {
  let anchor = anchors.get(ctx.vault);
  if (!anchor) {
    const created = new HeadAnchor(headFileFor(ctx.vault.keyFile), (e) =>
      ctx.ports.logger.error('Could not write the audit head file', { error: String(e) }),
    );
    ctx.vault.onLock(() => created.flush());
    anchors.set(ctx.vault, created);
    anchor = created;
  }
  return anchor;
}

/** Databases known to carry the head_anchored mark: set once, in the first audited write. */
const anchored = new WeakSet<Db>();

function markAnchored(db: Db): void {
  if (anchored.has(db)) return;
  if (!getSetting(db, 'head_anchored')) setSetting(db, 'head_anchored', true);
  anchored.add(db);
}

/** The database id per open database: read once, it never changes. */
const databaseIds = new WeakMap<Db, string>();

/**
 * After the commit, the new head is noted for the head file beside the key file (audit/head-file.ts),
 * so that a database later found behind it is reported by `check`. Coalesced: see HeadAnchor.
 */
function anchorHead(ctx: CoreContext, db: Db, head: { id: number; hash: string }): void {
  let databaseId = databaseIds.get(db);
  if (databaseId === undefined) {
    databaseId = getMeta(db, 'database_id') ?? '';
    databaseIds.set(db, databaseId);
  }
  anchorFor(ctx).note({ databaseId, id: head.id, hash: head.hash, at: ctx.nowIso() });
}

export function amsterdamDate(d: Date): string {
  return localDate(d.toISOString(), DEFAULT_TIME_ZONE);
}
