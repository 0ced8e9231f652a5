import type { CheckFinding } from '../../../shared/contract/auth';
import Database from 'better-sqlite3-multiple-ciphers';
import {
  auditHeadRecord,
  auditRecordByHash,
  auditRecordById,
  verifyAudit,
  type AuditVerification,
} from '../audit/audit';
import { headFileFor, readHeadFile } from '../audit/head-file';
import { storedSignatures } from '../minutes/versions';
import { verifyDetached } from '../signing/cms';
import { trustedCertificatesPem } from '../signing/trust';
import { getSetting } from '../settings/settings';
import { isFileEncrypted, type Db } from '../db/open';
import { frozenAuditHeads } from '../minutes/versions';
import { zipEntry } from '../minutes/zip-read';
import { getMeta } from './setup';
import { environmentFiles } from './vault';

/** What `check` found first, as a code: the CLI and the UI word it in Dutch (reason is the English line). */
export type { CheckFinding };

export interface CheckReport {
  ok: boolean;
  /** One line in English saying what failed, when something did. */
  reason: string | null;
  finding: CheckFinding | null;
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

interface Problem {
  finding: CheckFinding;
  reason: string;
}
const frozen = (reason: string): Problem => ({ finding: 'frozen_head', reason });

/**
 * The anchor inside signed minutes: each adopted version froze the chain's head at adoption, and its
 * DOCX (whose bytes the signatures cover) prints that head. A chain rewritten by someone holding the
 * key (triggers dropped, hashes recomputed) validates by itself, but its records after the change have
 * new hashes, so a frozen head is no longer among them. Changing the frozen head in the row as well
 * shows as a row that no longer matches its own document. The hash commits to every record before
 * it, so finding it proves the chain up to there is the one that was signed.
 */
function frozenHeadProblem(db: Db): Problem | null {
  for (const v of frozenAuditHeads(db)) {
    const which = `the adopted minutes of meeting ${v.meetingId} (version ${v.version})`;
    const xml = v.docx ? zipEntry(v.docx, 'word/document.xml') : null;
    if (!xml || !Buffer.from(xml).toString('utf8').includes(v.auditHead))
      return frozen(
        `the audit head stored with ${which} does not match the head printed in its adopted document`,
      );
    if (!auditRecordByHash(db, v.auditHead))
      return frozen(
        `the audit head ${v.auditHead.slice(0, 16)}… frozen in ${which} is no longer in the audit chain: the chain was rewritten`,
      );
  }
  return null;
}

/**
 * The anchor beside the key file: the head the app last acknowledged. The database must still hold
 * that record with that hash; a chain that ends before it is behind (a lost WAL, an older copy put
 * back), one with another hash there has diverged. No head file (an environment from before it) is
 * not a failure.
 */
function headFileProblem(db: Db, keyFile: string): Problem | null {
  const file = headFileFor(keyFile);
  const head = readHeadFile(file);
  if (head === null)
    return getSetting(db, 'head_anchored')
      ? {
          finding: 'head_missing',
          reason:
            'the head file beside the key file is missing, though this database has written one: it may have been deleted to hide an older copy',
        }
      : null;
  if (head === 'malformed')
    return { finding: 'head_unreadable', reason: 'the head file beside the key file is unreadable' };
  const databaseId = getMeta(db, 'database_id');
  if (databaseId && head.databaseId !== databaseId)
    return {
      finding: 'head_foreign',
      reason: 'the head file beside the key file belongs to another database',
    };
  const record = auditRecordById(db, head.id);
  if (!record) {
    const last = auditHeadRecord(db)?.id ?? 0;
    return {
      finding: 'behind',
      reason: `the database is behind: the head file beside the key file records audit record ${head.id}, the chain ends at ${last} (written ${head.at}); a newer copy or its -wal file is missing`,
    };
  }
  if (record.hash !== head.hash)
    return {
      finding: 'diverged',
      reason: `audit record ${head.id} differs from the head file beside the key file: the chain was rewritten or replaced`,
    };
  return null;
}

/**
 * SQLite's quick check, stopping at the first problem: whether the database may be written to. A
 * damaged database is left alone (nothing appended, not even an audit record), so that what `check`
 * reports is what was found.
 */
export function looksIntact(db: Db): boolean {
  try {
    return db.pragma('quick_check(1)', { simple: true }) === 'ok';
  } catch {
    return false;
  }
}

/**
 * SQLite's integrity check, proof of encryption on disk, the audit chain, and its two anchors outside
 * the chain itself: the heads frozen in adopted minutes and the head file beside the key file.
 */
export function checkEnvironment(
  db: Db,
  dbFile: string,
  keyFile: string = environmentFiles(dbFile).keyFile,
): CheckReport {
  let integrity: string;
  try {
    integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
  } catch (e) {
    // SQLite gives up on some damage altogether (SQLITE_CORRUPT) instead of listing it.
    integrity = e instanceof Error ? e.message : String(e);
  }
  if (integrity !== 'ok')
    return {
      ok: false,
      reason: `integrity check failed: ${integrity}`,
      finding: 'damaged_pages',
      integrity,
      encrypted: isFileEncrypted(dbFile),
      audit: { valid: false, records: 0, head: '', brokenAt: null },
    };
  const encrypted =
    isFileEncrypted(dbFile) &&
    db.pragma('cipher', { simple: true }) === 'sqlcipher' &&
    unreadableWithoutKey(dbFile);
  const audit = verifyAudit(db);
  const problem: Problem | null = !encrypted
    ? { finding: 'not_encrypted', reason: 'the database file is not encrypted' }
    : !audit.valid
      ? { finding: 'audit_broken', reason: `audit chain broken at record ${audit.brokenAt}` }
      : (frozenHeadProblem(db) ?? headFileProblem(db, keyFile));
  return {
    ok: problem === null,
    reason: problem?.reason ?? null,
    finding: problem?.finding ?? null,
    integrity,
    encrypted,
    audit,
  };
}

/**
 * The stored signatures still cover the stored documents: someone holding the database key who
 * rewrote the chain and the head printed in an adopted DOCX (so that the frozen heads agree again)
 * cannot re-sign it, because no signing key is in the database in the clear (issue 8). Checked
 * against what this environment trusts, as `minutes.verify` does.
 */
export async function signaturesProblem(db: Db): Promise<string | null> {
  const trusted = trustedCertificatesPem(db);
  for (const s of storedSignatures(db)) {
    const r = await verifyDetached(s.docx, s.p7s, trusted);
    if (!r.valid)
      return `the ${s.role}'s signature on version ${s.version} of the minutes of meeting ${s.meetingId} does not verify (${r.reason ?? 'invalid'}): the adopted document or the signature was changed`;
  }
  return null;
}
