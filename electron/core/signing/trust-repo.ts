import type { Db } from '../db/open';

/** The trusted_roots table (migration 0003): the certificates the beheerder added to the trust list. */

export interface TrustedRootRow {
  id: number;
  certificatePem: string;
  sha256: string;
  subject: string;
  notAfter: string;
  addedAt: string;
}

const COLUMNS =
  'id, certificate_pem AS certificatePem, sha256, subject, not_after AS notAfter, added_at AS addedAt';

export function listTrustedRootRows(db: Db): TrustedRootRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM trusted_roots ORDER BY subject, id`).all() as TrustedRootRow[];
}

export function trustedRootBySha256(db: Db, sha256: string): TrustedRootRow | null {
  return (
    (db.prepare(`SELECT ${COLUMNS} FROM trusted_roots WHERE sha256 = ?`).get(sha256) as
      TrustedRootRow | undefined) ?? null
  );
}

export function insertTrustedRoot(db: Db, row: Omit<TrustedRootRow, 'id'>, addedBy: number | null): number {
  return Number(
    db
      .prepare(
        'INSERT INTO trusted_roots (certificate_pem, sha256, subject, not_after, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(row.certificatePem, row.sha256, row.subject, row.notAfter, row.addedAt, addedBy).lastInsertRowid,
  );
}

/** True when a row was removed. */
export function deleteTrustedRoot(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM trusted_roots WHERE id = ?').run(id).changes === 1;
}
