import Database from 'better-sqlite3-multiple-ciphers';
import { verifyAudit, type AuditVerification } from '../audit/audit';
import { isFileEncrypted, type Db } from '../db/open';

export interface CheckReport {
  ok: boolean;
  /** One line in English saying what failed, when something did. */
  reason: string | null;
  integrity: string;
  encrypted: boolean;
  audit: AuditVerification;
}

/** True when the file cannot be read without a key: what an attacker with only the file sees. */
function unreadableWithoutKey(dbFile: string): boolean {
  const plain = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    plain.prepare('SELECT count(*) FROM sqlite_master').get();
    return false;
  } catch {
    return true;
  } finally {
    plain.close();
  }
}

/** SQLite's integrity check, proof of encryption on disk, and the audit chain. */
export function checkEnvironment(db: Db, dbFile: string): CheckReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  const encrypted = isFileEncrypted(dbFile) && db.pragma('cipher', { simple: true }) === 'sqlcipher' && unreadableWithoutKey(dbFile);
  const audit = verifyAudit(db);
  const reason =
    integrity !== 'ok'
      ? `integrity check failed: ${integrity}`
      : !encrypted
        ? 'the database file is not encrypted'
        : !audit.valid
          ? `audit chain broken at record ${audit.brokenAt}`
          : null;
  return { ok: reason === null, reason, integrity, encrypted, audit };
}
