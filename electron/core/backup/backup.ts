import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { verifyAudit, auditHeadRecord } from '../audit/audit';
import { headFileFor } from '../audit/head-file';
import { backupInto, openForReading, type Db } from '../db/open';
import { writeFileAtomic } from '../storage/atomic';
import { readMeta } from '../settings/settings';
import { BundleError, readBundle, readManifest, writeBundle, type BackupSummary, type Parts } from './bundle';
import { contentCounts } from './repo';

export const BACKUP_EXTENSION = '.lvvbackup';

/** The files of one environment that a backup holds and a restore replaces. */
export interface EnvironmentFiles {
  dbFile: string;
  keyFile: string;
}

export interface BackupEntry {
  file: string;
  name: string;
  size: number;
  /** Null when the file is not a readable backup (damaged, or not one of ours). */
  summary: BackupSummary | null;
}

/** A private scratch folder inside `dir` (owner-only), removed by the caller. */
function scratch(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return fs.mkdtempSync(path.join(dir, '.lvv-backup-'));
}

/**
 * Opens a backup's copy of the database and checks it the way `check` does the original: SQLite's
 * integrity check and the audit chain. Returns what it contains, counted in the copy itself.
 */
function verifyCopy(file: string, key: Buffer, createdAt: string): BackupSummary {
  let db: Db;
  try {
    db = openForReading(file, key);
  } catch (e) {
    if (e instanceof AppError && e.code === 'DATABASE_UNREADABLE')
      throw new AppError('STORAGE_FAULT', 'The backup was made under another database key', {
        info: { reason: 'backup_other_key' },
      });
    throw e;
  }
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const audit = verifyAudit(db);
    if (integrity !== 'ok' || !audit.valid)
      throw new AppError('STORAGE_FAULT', `The backup's database does not pass its check (${integrity})`, {
        info: { reason: 'backup_invalid' },
      });
    const head = auditHeadRecord(db);
    return {
      createdAt,
      city: readMeta(db, 'city') ?? '',
      databaseId: readMeta(db, 'database_id') ?? '',
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      ...contentCounts(db),
      auditHead: head ?? { id: 0, hash: '' },
    };
  } finally {
    db.close();
  }
}

function stamp(at: string): string {
  return at.replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/**
 * Makes a backup of the open database into `folder`: VACUUM INTO a private scratch copy (one read
 * transaction, so consistent however many writes come before and after, and encrypted under the same
 * key), checked, then written with the key file and a head file of its own as one file, atomically;
 * then read back from disk and checked again. A backup that fails the second check is removed and
 * the call fails: a backup that is there has been verified.
 */
export function makeBackup(
  db: Db,
  key: Buffer,
  files: EnvironmentFiles,
  target: { folder: string } | { file: string },
  at: string,
): BackupEntry {
  const folder = 'folder' in target ? target.folder : path.dirname(target.file);
  if ('file' in target && fs.existsSync(target.file))
    throw new AppError('ALREADY_SET_UP', 'The backup file already exists; it is never overwritten');
  const tmp = scratch(folder);
  try {
    const copy = path.join(tmp, 'copy.db');
    backupInto(db, copy);
    const summary = verifyCopy(copy, key, at);
    const parts: Parts = {
      database: fs.readFileSync(copy),
      keys: fs.readFileSync(files.keyFile),
      // The backup's own head: the chain in the copy ends here, so a restored copy is not "behind".
      head: Buffer.from(
        JSON.stringify({
          format: 'lvv-overleg-head/1',
          databaseId: summary.databaseId,
          id: summary.auditHead.id,
          hash: summary.auditHead.hash,
          at,
        }),
      ),
    };
    let name = 'file' in target ? path.basename(target.file) : `lvv-overleg-${stamp(at)}${BACKUP_EXTENSION}`;
    for (let n = 2; 'folder' in target && fs.existsSync(path.join(folder, name)); n++)
      name = `lvv-overleg-${stamp(at)}-${n}${BACKUP_EXTENSION}`;
    const file = path.join(folder, name);
    writeBundle(file, summary, parts);
    try {
      const back = inspectBundle(file, key, tmp);
      if (back.auditHead.hash !== summary.auditHead.hash || back.auditRecords !== summary.auditRecords)
        throw new Error('read back differently');
    } catch (e) {
      fs.rmSync(file, { force: true });
      throw new AppError('STORAGE_FAULT', `The backup did not verify after writing: ${String(e)}`, {
        info: { reason: 'backup_not_verified' },
      });
    }
    return { file, name, size: fs.statSync(file).size, summary };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Reads, unpacks and checks a backup file with this key; what it contains, from the copy itself. */
function inspectBundle(file: string, key: Buffer, tmp: string): BackupSummary {
  let bundle;
  try {
    bundle = readBundle(file);
  } catch (e) {
    if (e instanceof BundleError || (e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AppError('STORAGE_FAULT', `Not a usable backup: ${(e as Error).message}`, {
        info: { reason: 'backup_invalid' },
      });
    throw e;
  }
  const copy = path.join(tmp, `inspect-${Date.now()}-${Math.random().toString(16).slice(2)}.db`);
  fs.writeFileSync(copy, bundle.parts.database, { mode: 0o600 });
  try {
    return verifyCopy(copy, key, bundle.manifest.summary.createdAt);
  } finally {
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
  }
}

/** What a backup contains, after opening and checking it with this key (nothing is changed). */
export function inspectBackup(file: string, key: Buffer): BackupSummary {
  const tmp = scratch(path.dirname(file));
  try {
    return inspectBundle(file, key, tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The backups in a folder, newest first; a file that cannot be read is listed without a summary. */
export function listBackups(folder: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => n.endsWith(BACKUP_EXTENSION) && !n.startsWith('.'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const entries = names.map((name): BackupEntry => {
    const file = path.join(folder, name);
    let summary: BackupSummary | null;
    try {
      summary = readManifest(file).summary;
    } catch {
      summary = null;
    }
    return { file, name, size: fs.statSync(file).size, summary };
  });
  return entries.sort(
    (a, b) =>
      (b.summary?.createdAt ?? '').localeCompare(a.summary?.createdAt ?? '') || b.name.localeCompare(a.name),
  );
}

/** Keeps the newest `keep` backups of this database in the folder; removes older ones (only ours). */
export function pruneBackups(folder: string, databaseId: string, keep: number): string[] {
  const ours = listBackups(folder).filter((e) => e.summary?.databaseId === databaseId);
  const removed = ours.slice(keep).map((e) => e.file);
  for (const f of removed) fs.rmSync(f, { force: true });
  return removed;
}

/** The names the current files get when a restore puts them aside: nothing is deleted. */
export function asideName(file: string, at: string): string {
  return `${file}.voor-herstel-${stamp(at)}`;
}

/**
 * Replaces the environment's files with the backup's, after checking the backup with this key and
 * that it is of this environment (when there is one). The current database, its -wal and -shm, the
 * key file and the head file are renamed aside (…voor-herstel-<time>), never deleted. The database
 * must be closed. Returns what was restored and the names the old files now have.
 */
export function restoreBackup(
  file: string,
  key: Buffer,
  files: EnvironmentFiles,
  at: string,
  expectDatabaseId: string | null,
): { summary: BackupSummary; aside: string[] } {
  const dir = path.dirname(files.dbFile);
  const tmp = scratch(dir);
  try {
    const summary = inspectBundle(file, key, tmp);
    if (expectDatabaseId && summary.databaseId !== expectDatabaseId)
      throw new AppError('STORAGE_FAULT', 'The backup is of another environment', {
        info: { reason: 'backup_other_environment' },
      });
    const { parts } = readBundle(file);
    const headFile = headFileFor(files.keyFile);
    const moved: [string, string][] = [];
    try {
      for (const f of [files.dbFile, `${files.dbFile}-wal`, `${files.dbFile}-shm`, files.keyFile, headFile]) {
        if (!fs.existsSync(f)) continue;
        const to = asideName(f, at);
        fs.renameSync(f, to);
        moved.push([f, to]);
      }
      writeFileAtomic(files.dbFile, parts.database, 0o600);
      writeFileAtomic(files.keyFile, parts.keys, 0o600);
      writeFileAtomic(headFile, parts.head, 0o600);
    } catch (e) {
      // Halfway (a full disk): the backup's files that made it are removed and the current ones put
      // back, so the folder is as it was.
      for (const f of [files.dbFile, files.keyFile, headFile])
        if (moved.some(([from]) => from === f) || !fs.existsSync(asideName(f, at)))
          fs.rmSync(f, { force: true });
      for (const [from, to] of moved) fs.renameSync(to, from);
      throw e;
    }
    return { summary, aside: moved.map(([, to]) => to) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Beside the key file, where the backups are: the setting lives inside the database, which is what
 * may be unreadable when a backup is needed. Holds a folder path only.
 */
export function backupHintFile(keyFile: string): string {
  return keyFile.endsWith('.keys.json')
    ? `${keyFile.slice(0, -'.keys.json'.length)}.backups.json`
    : `${keyFile}.backups.json`;
}

export function writeBackupHint(keyFile: string, folder: string): void {
  writeFileAtomic(backupHintFile(keyFile), JSON.stringify({ folder }), 0o600);
}

export function readBackupHint(keyFile: string): string | null {
  try {
    const v = JSON.parse(fs.readFileSync(backupHintFile(keyFile), 'utf8')) as { folder?: unknown };
    return typeof v.folder === 'string' ? v.folder : null;
  } catch {
    return null;
  }
}

/** The newest readable backup of this environment's folder hint, for the message on a damaged database. */
export function latestBackup(keyFile: string): BackupEntry | null {
  const folder = readBackupHint(keyFile);
  if (!folder) return null;
  try {
    return listBackups(folder).find((e) => e.summary !== null) ?? null;
  } catch {
    return null;
  }
}
