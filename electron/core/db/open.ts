import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { migrate } from './migrations';

export type Db = Database.Database;

const PLAINTEXT_HEADER = 'SQLite format 3\0';

function keyPragma(key: Buffer): string {
  if (key.length !== 32) throw new Error('Database key must be 32 bytes');
  return `key="x'${key.toString('hex')}'"`;
}

/**
 * Opens (or, with create, makes) the encrypted database with SQLCipher 4 compatible settings and a raw
 * 256-bit key, proves the key and the encryption, then brings the schema up to date.
 * A file that fails to open is left exactly as it is.
 */
export function openDatabase(file: string, key: Buffer, opts: { create: boolean }): Db {
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) throw new AppError('NOT_SET_UP', 'No database at this location');
  if (exists && opts.create)
    throw new AppError('ALREADY_SET_UP', 'A database already exists at this location');
  // An empty file (a failed copy, a full disk) would open as a new, empty database with any key and
  // be filled with a fresh schema: refuse it and leave it as it is.
  if (exists && fs.statSync(file).size === 0)
    throw new AppError('STORAGE_FAULT', 'The database file is empty', { info: { reason: 'database_empty' } });
  const db = new Database(file, { fileMustExist: !opts.create });
  // Owner-only from the first byte: SQLite gives its -wal and -shm files the same mode.
  if (opts.create) fs.chmodSync(file, 0o600);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(keyPragma(key));
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new AppError('DATABASE_UNREADABLE', 'The database cannot be read with this key or is damaged');
    }
    assertCipherActive(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('secure_delete = ON');
    migrate(db);
    assertFileEncrypted(file);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Plain better-sqlite3 ignores PRAGMA key and writes plaintext; make sure the cipher library answers. */
function assertCipherActive(db: Db): void {
  let cipher: unknown;
  try {
    cipher = db.pragma('cipher', { simple: true });
  } catch {
    cipher = undefined;
  }
  if (cipher !== 'sqlcipher')
    throw new AppError('ENCRYPTION_INACTIVE', 'The SQLite cipher extension is not active');
}

export function isFileEncrypted(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') !== PLAINTEXT_HEADER;
  } finally {
    fs.closeSync(fd);
  }
}

function assertFileEncrypted(file: string): void {
  if (!isFileEncrypted(file)) throw new AppError('ENCRYPTION_INACTIVE', 'The database file is not encrypted');
}

/** Encrypted copy with the same key (the online backup API does not work on encrypted databases). */
export function backupInto(db: Db, target: string): void {
  if (fs.existsSync(target)) throw new AppError('CONFLICT', 'Backup target already exists');
  db.prepare('VACUUM INTO ?').run(target);
}

/**
 * Opens a database file only to read it (a backup's copy, or the copy `check` works on): read-only,
 * no journal mode set, no migration, nothing written. Throws DATABASE_UNREADABLE when the key does
 * not open it. The caller closes it.
 */
export function openForReading(file: string, key: Buffer): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(keyPragma(key));
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new AppError('DATABASE_UNREADABLE', 'The database cannot be read with this key or is damaged');
    }
    assertCipherActive(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
