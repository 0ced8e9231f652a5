import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { openDatabase, type Db } from '../db/open';
import { unwrapKey, wrapContext, wrapKey } from '../crypto/keywrap';
import { findEntry, readKeyFile, withEntry, withoutEntry, writeKeyFile, type KeyFile } from '../storage/keyfile';
import { owaspScrypt, type KdfParams } from '../ports';
import { loadSession } from './session-row';

export const DB_FILE_NAME = 'lvv-overleg.db';
export const KEY_FILE_NAME = 'lvv-overleg.keys.json';

export function environmentFiles(location: string): { dbFile: string; keyFile: string } {
  if (location.endsWith('.db')) return { dbFile: location, keyFile: `${location.slice(0, -3)}.keys.json` };
  return { dbFile: path.join(location, DB_FILE_NAME), keyFile: path.join(location, KEY_FILE_NAME) };
}

export type VaultState = 'leeg' | 'vergrendeld' | 'open';

/**
 * Owns the encrypted database and its key while unlocked. Locking closes the database and overwrites
 * the key in memory; the only ways back in are a user's password or the recovery key.
 */
export class Vault {
  readonly dbFile: string;
  readonly keyFile: string;
  private db: Db | null = null;
  private key: Buffer | null = null;
  private current: Session | null = null;
  private lockListeners: (() => void)[] = [];
  readonly kdf: KdfParams;

  /** `location` is the environment's folder, or the path of its .db file (the key file sits beside it). */
  constructor(location: string, kdf: KdfParams = owaspScrypt) {
    const { dbFile, keyFile } = environmentFiles(location);
    this.dbFile = dbFile;
    this.keyFile = keyFile;
    this.kdf = kdf;
  }

  state(): VaultState {
    if (this.db) return 'open';
    return fs.existsSync(this.dbFile) ? 'vergrendeld' : 'leeg';
  }

  session(): Session | null {
    return this.current;
  }

  /** The open database; throws UNAUTHENTICATED when locked. */
  database(): Db {
    if (!this.db) throw new AppError('UNAUTHENTICATED', 'The environment is locked');
    return this.db;
  }

  databaseId(): string {
    return this.readKeys().databaseId;
  }

  /**
   * Creates a new environment: refuses when anything is already there, and removes only what this
   * call itself created when it fails halfway.
   */
  async create(populate: (db: Db) => { adminUserId: number; adminUsername: string }, adminPassword: string, key: Buffer): Promise<void> {
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
      const wrapped = await wrapKey(key, adminPassword, wrapContext(databaseId, adminUserId), this.kdf);
      writeKeyFile(this.keyFile, { format: 'lvv-overleg-keys/1', databaseId, entries: [{ userId: adminUserId, username: adminUsername, wrapped }] });
      db.close();
      db = null;
    } catch (e) {
      db?.close();
      for (const f of [this.dbFile, `${this.dbFile}-wal`, `${this.dbFile}-shm`, this.keyFile]) fs.rmSync(f, { force: true });
      throw e;
    }
  }

  /** Unwraps the key with the password and opens the database; null when the credentials are wrong. */
  async unlockWithPassword(username: string, password: string): Promise<Session | null> {
    if (this.state() === 'leeg') throw new AppError('NOT_SET_UP', 'No environment here yet');
    const keys = this.readKeys();
    const entry = findEntry(keys, username);
    if (!entry) {
      // Same work as a real attempt, so timing does not reveal which login names exist.
      const decoy = keys.entries[0]?.wrapped;
      if (decoy) await unwrapKey(decoy, password, Buffer.from('decoy'));
      return null;
    }
    const key = await unwrapKey(entry.wrapped, password, wrapContext(keys.databaseId, entry.userId));
    if (!key) return null;
    this.lock();
    const db = openDatabase(this.dbFile, key, { create: false });
    const session = loadSession(db, entry.userId);
    if (!session) {
      db.close();
      key.fill(0);
      return null;
    }
    this.db = db;
    this.key = key;
    this.current = session;
    return session;
  }

  /** Opens with the recovery key (the database key itself), without a user session: for the CLI. */
  openWithKey(key: Buffer): Db {
    this.lock();
    this.db = openDatabase(this.dbFile, key, { create: false });
    this.key = Buffer.from(key);
    return this.db;
  }

  lock(): void {
    const wasOpen = this.db !== null;
    this.db?.close();
    this.db = null;
    this.key?.fill(0);
    this.key = null;
    this.current = null;
    if (wasOpen) for (const listener of this.lockListeners) listener();
  }

  /** Called after every lock, e.g. so a waiting projector learns at once and blanks the wall. */
  onLock(listener: () => void): void {
    this.lockListeners.push(listener);
  }

  /** Wraps the open database's key for a user's new password, replacing any earlier wrap. */
  async setPassword(userId: number, username: string, password: string): Promise<void> {
    if (!this.key) throw new AppError('UNAUTHENTICATED', 'The environment is locked');
    const keys = this.readKeys();
    const wrapped = await wrapKey(this.key, password, wrapContext(keys.databaseId, userId), this.kdf);
    writeKeyFile(this.keyFile, withEntry(keys, userId, username, wrapped));
  }

  /** Checks a user's current password against their own wrap. */
  async checkPassword(userId: number, password: string): Promise<boolean> {
    const keys = this.readKeys();
    const entry = keys.entries.find((e) => e.userId === userId);
    if (!entry) return false;
    const key = await unwrapKey(entry.wrapped, password, wrapContext(keys.databaseId, userId));
    key?.fill(0);
    return key !== null;
  }

  removePassword(userId: number): void {
    writeKeyFile(this.keyFile, withoutEntry(this.readKeys(), userId));
  }

  private readKeys(): KeyFile {
    try {
      return readKeyFile(this.keyFile);
    } catch {
      throw new AppError('DATABASE_UNREADABLE', 'The key file is missing or damaged; use the recovery key');
    }
  }
}
