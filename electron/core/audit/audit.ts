import crypto from 'node:crypto';
import type { Db } from '../db/open';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  userId: number | null;
  organisationId: number | null;
  /** Verb in English, e.g. "user.create", "dossier.update". */
  action: string;
  /** Table or aggregate the ids belong to. */
  entity: string;
  /** Record ids only: no names, no free text. */
  ids: readonly number[];
}

/** Canonical form: fixed key order, no whitespace; what the hash covers. */
export function canonicalAudit(e: AuditEntry): string {
  return JSON.stringify([e.at, e.userId, e.organisationId, e.action, e.entity, e.ids]);
}

export function chainHash(prevHash: string, e: AuditEntry): string {
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonicalAudit(e)).digest('hex');
}

/** Appends one record; call inside the transaction of the change it records. */
export function appendAudit(db: Db, e: AuditEntry): string {
  const prev = (db.prepare('SELECT hash FROM audit ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
  const hash = chainHash(prev, e);
  db.prepare(
    'INSERT INTO audit (at, user_id, organisation_id, action, entity, ids, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(e.at, e.userId, e.organisationId, e.action, e.entity, JSON.stringify(e.ids), prev, hash);
  return hash;
}

export function auditHead(db: Db): string {
  return (db.prepare('SELECT hash FROM audit ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
}

export interface AuditVerification {
  valid: boolean;
  records: number;
  head: string;
  brokenAt: number | null;
}

/** Recomputes the whole chain; any edited, removed or reordered record breaks it. */
export function verifyAudit(db: Db): AuditVerification {
  let prev = GENESIS_HASH;
  let records = 0;
  const rows = db
    .prepare('SELECT id, at, user_id, organisation_id, action, entity, ids, prev_hash, hash FROM audit ORDER BY id')
    .raw()
    .iterate() as IterableIterator<[number, string, number | null, number | null, string, string, string, string, string]>;
  for (const [id, at, userId, organisationId, action, entity, ids, prevHash, hash] of rows) {
    const expected = chainHash(prev, { at, userId, organisationId, action, entity, ids: JSON.parse(ids) as number[] });
    if (prevHash !== prev || hash !== expected) return { valid: false, records, head: prev, brokenAt: id };
    prev = hash;
    records++;
  }
  return { valid: true, records, head: prev, brokenAt: null };
}
