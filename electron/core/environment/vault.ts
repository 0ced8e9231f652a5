import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { openDatabase, type Db } from '../db/open';
import { readKeyFile, writeKeyFile, type KeyFile } from '../storage/keyfile';
import { owaspScrypt, type KdfParams } from '../ports';
import { setHolderPublicKey } from '../users/repo';
import { latestBackup } from '../backup/backup';

/** The newest backup known beside the key file, for the message about a damaged database. */
export function latestBackupInfo(keyFile: string): { backup?: string; backupAt?: string } {
  const latest = latestBackup(keyFile);
  return latest?.summary ? { backup: latest.name, backupAt: latest.summary.createdAt } : {};
}

export const DB_FILE_NAME = 'lvv-overleg.db';
export const KEY_FILE_NAME = 'lvv-overleg.keys.json';

export function environmentFiles(location: string): { dbFile: string; keyFile: string } {
  if (location.endsWith('.db')) return { dbFile: location, keyFile: `${location.slice(0, -3)}.keys.json` };
  return { dbFile: path.join(location, DB_FILE_NAME), keyFile: path.join(location, KEY_FILE_NAME) };
}

export type VaultState = 'leeg' | 'vergrendeld' | 'open';

/**
 * Owns the encrypted database and its key while the environment is open: one per process, held by
 * whoever opened it (a key holder, or the recovery key). Who is *calling* is a separate matter
 * (sessions/registry.ts): any number of people may be logged in while it is open. Locking closes
 * the database and overwrites the key in memory.
 */
export class Vault {
  readonly dbFile: string;
  readonly keyFile: string;
  private db: Db | null = null;
  private key: Buffer | null = null;
  private lockListeners: (() => void)[] = [];
  readonly kdf: KdfParams;

  /** `location` is the environment's folder, or the path of its .db file (the key file sits beside it). */
  constructor(location: string, kdf: KdfParams = owaspScrypt) {
    const { dbFile, keyFile } = environmentFiles(location);
    this.dbFile = dbFile;
    this.keyFile = keyFile;
    this.kdf = kdf;
  }

  /**
   * 'leeg' only when neither the database nor its key file is there: a key file without its database
   * is an environment whose database went missing, never a reason to offer the set-up screen.
   */
  state(): VaultState {
    if (this.db) return 'open';
    return fs.existsSync(this.dbFile) || fs.existsSync(this.keyFile) ? 'vergrendeld' : 'leeg';
  }

  /** The open database; throws UNAUTHENTICATED when locked. */
  database(): Db {
    if (!this.db) throw new AppError('UNAUTHENTICATED', 'The environment is locked');
    return this.db;
  }

  /** The database key while open, for sealing it to a (new) key holder. Never leaves the backend. */
  databaseKey(): Buffer {
    if (!this.key) throw new AppError('UNAUTHENTICATED', 'The environment is locked');
    return this.key;
  }

  databaseId(): string {
    return this.readKeys().databaseId;
  }

  /**
   * Creates a new environment: refuses when anything is already there, and removes only what this
   * call itself created when it fails halfway. `keys` writes the first key holder's entry.
   */
  async create(
    populate: (db: Db) => { adminUserId: number; adminUsername: string },
    keys: (databaseId: string, adminUserId: number, adminUsername: string) => Promise<KeyFile>,
    key: Buffer,
  ): Promise<void> {
    if (fs.existsSync(this.dbFile) || fs.existsSync(this.keyFile)) {
      throw new AppError('ALREADY_SET_UP', 'An environment already exists in this folder');
    }
    fs.mkdirSync(path.dirname(this.dbFile), { recursive: true, mode: 0o700 });
    const databaseId = crypto.randomUUID();
    let db: Db | null = null;
    try {
      db = openDatabase(this.dbFile, key, { create: true });
      const opened = db;
      const { adminUserId, adminUsername } = opened.transaction(() => {
        opened.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('database_id', databaseId);
        return populate(opened);
      })();
      const keyFile = await keys(databaseId, adminUserId, adminUsername);
      // The database vouches for the first holder's public key (see keyring.ts, trusted()).
      for (const e of keyFile.entries) if (e.holder) setHolderPublicKey(opened, e.userId, e.holder.publicKey);
      writeKeyFile(this.keyFile, keyFile);
      db.close();
      db = null;
    } catch (e) {
      db?.close();
      for (const f of [this.dbFile, `${this.dbFile}-wal`, `${this.dbFile}-shm`, this.keyFile])
        fs.rmSync(f, { force: true });
      throw e;
    }
  }

  /**
   * Opens the database with its key (from a holder's entry or the recovery key). `quickCheck`: SQLite's
   * quick check first (a login), so that a damaged database is said plainly at once instead of failing
   * somewhere later; the recovery key opens a damaged one, to check it or restore a backup.
   */
  open(key: Buffer, opts: { quickCheck?: boolean } = {}): Db {
    this.lock();
    if (!fs.existsSync(this.dbFile))
      throw new AppError('STORAGE_FAULT', 'The database file is missing beside its key file', {
        info: { reason: 'database_missing', ...latestBackupInfo(this.keyFile) },
      });
    // SQLite would open a read-only folder read-only without a word and fail at the first write
    // (after the login had half happened): refuse it here, plainly.
    for (const f of [path.dirname(this.dbFile), this.dbFile]) {
      try {
        fs.accessSync(f, fs.constants.W_OK);
      } catch (e) {
        throw new AppError(
          'STORAGE_FAULT',
          `The data folder cannot be written (${(e as NodeJS.ErrnoException).code})`,
          {
            info: { reason: 'read_only' },
          },
        );
      }
    }
    let db: Db;
    try {
      db = openDatabase(this.dbFile, key, { create: false });
    } catch (e) {
      // An empty file: say which backup would help.
      if (e instanceof AppError && e.info?.reason === 'database_empty')
        throw new AppError('STORAGE_FAULT', e.message, {
          info: { reason: 'database_empty', ...latestBackupInfo(this.keyFile) },
        });
      throw e;
    }
    if (opts.quickCheck) {
      let result: unknown;
      try {
        result = db.pragma('quick_check(1)', { simple: true });
      } catch (e) {
        result = e instanceof Error ? e.message : String(e);
      }
      if (result !== 'ok') {
        db.close();
        throw new AppError('STORAGE_FAULT', `The database is damaged: ${String(result)}`, {
          info: { reason: 'database_damaged', ...latestBackupInfo(this.keyFile) },
        });
      }
    }
    this.db = db;
    this.key = Buffer.from(key);
    return this.db;
  }

  lock(): void {
    const wasOpen = this.db !== null;
    this.db?.close();
    this.db = null;
    this.key?.fill(0);
    this.key = null;
    if (wasOpen) for (const listener of this.lockListeners) listener();
  }

  /** Called after every lock, e.g. so sessions end and a waiting projector blanks the wall at once. */
  onLock(listener: () => void): void {
    this.lockListeners.push(listener);
  }

  /**
   * Re-encrypts the open database with a new key (SQLCipher's rekey needs rollback-journal mode, so
   * WAL is left and entered again around it). `beforeRekey` stores the new key's wraps first, so a
   * crash between the two never leaves a database that no key file opens (see keyring.ts).
   */
  rekey(newKey: Buffer): void {
    const db = this.database();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    db.pragma('journal_mode = WAL');
    this.key?.fill(0);
    this.key = Buffer.from(newKey);
  }

  readKeys(): KeyFile {
    try {
      return readKeyFile(this.keyFile);
    } catch {
      throw new AppError('STORAGE_FAULT', 'The key file is missing or unreadable; use the recovery key', {
        info: { reason: 'key_file_missing' },
      });
    }
  }

  writeKeys(keys: KeyFile): void {
    writeKeyFile(this.keyFile, keys);
  }
}
