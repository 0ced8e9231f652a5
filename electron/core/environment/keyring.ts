import crypto from 'node:crypto';
import fs from 'node:fs';
import { headFileFor, readHeadFile } from '../audit/head-file';
import { AppError } from '../../../shared/errors';
import { newDatabaseKey, formatRecoveryKey, unwrapKey, wrapContext } from '../crypto/keywrap';
import { newHolderKey, openHolderKey, sealDatabaseKey } from '../crypto/holder-key';
import { decoyCheck } from '../crypto/verifier';
import type { KdfParams } from '../ports';
import { writeFileAtomic } from '../storage/atomic';
import {
  findEntry,
  readKeyFile,
  withEntry,
  withoutEntry,
  type KeyFile,
  type KeyFileEntry,
} from '../storage/keyfile';
import {
  findUser,
  holderPublicKey,
  keyHolderIds,
  readVerifier,
  setHolderPublicKey,
  writeVerifier,
} from '../users/repo';
import type { Vault } from './vault';
import { getSetting, setSetting } from '../settings/settings';

/**
 * The key holders' side of the key file: opening the environment with a holder's password, adding
 * and removing holders, and re-keying the database when a holder leaves. Only holders have an entry;
 * everyone else proves their password against a verifier inside the database (users/passwords.ts).
 */
export class Keyring {
  constructor(
    private readonly vault: Vault,
    private readonly kdf: KdfParams,
  ) {}

  /** Written before a re-key and renamed over the key file after it: a crash in between loses nothing. */
  private get nextFile(): string {
    return `${this.vault.keyFile}.next`;
  }

  /**
   * Opens the environment with a key holder's password; returns the holder's user id, or null when
   * the name has no entry or the password is wrong (the same work is done either way).
   */
  async open(username: string, password: string): Promise<number | null> {
    const candidates = [
      this.vault.readKeys(),
      ...(fs.existsSync(this.nextFile) ? [readKeyFile(this.nextFile)] : []),
    ];
    const entry = findEntry(candidates[0]!, username);
    if (!entry) {
      await decoyCheck(password, this.kdf);
      return null;
    }
    // A truncated or mangled entry is not a wrong password: say so (the recovery key helps).
    if (entryDamaged(entry))
      throw new AppError('STORAGE_FAULT', 'This key-file entry is damaged', {
        info: { reason: 'key_entry_damaged' },
      });
    for (const [i, keys] of candidates.entries()) {
      const e = i === 0 ? entry : findEntry(keys, username);
      if (!e) continue;
      const key = await openEntry(keys.databaseId, e, password);
      if (!key) return null;
      try {
        this.vault.open(key, { quickCheck: true });
      } catch (err) {
        // The key file from before an interrupted re-key: the pending one (if any) has the new key.
        if (err instanceof AppError && err.code === 'DATABASE_UNREADABLE' && i + 1 < candidates.length)
          continue;
        // The password opened this entry, but its key opens nothing here: a key file of another
        // environment, when the head file beside it (which names its database) says so.
        if (err instanceof AppError && err.code === 'DATABASE_UNREADABLE') {
          const head = readHeadFile(headFileFor(this.vault.keyFile));
          if (head && head !== 'malformed' && head.databaseId !== keys.databaseId)
            throw new AppError('STORAGE_FAULT', 'The key file belongs to another environment', {
              info: { reason: 'key_file_foreign' },
            });
        }
        throw err;
      } finally {
        key.fill(0);
      }
      // The key file is not authenticated: an entry opens the environment only if the database
      // itself vouches for it (the account's name, its key-holder right and its public key).
      if (!this.trusted(e)) {
        this.vault.lock();
        return null;
      }
      if (i === 1) fs.renameSync(this.nextFile, this.vault.keyFile);
      else fs.rmSync(this.nextFile, { force: true });
      if (!e.holder) await this.upgrade(e, password);
      this.reconcile();
      return e.userId;
    }
    return null;
  }

  /** Checks a holder's password against their own entry (for holders without a verifier yet). */
  async verify(userId: number, password: string): Promise<boolean> {
    const keys = this.vault.readKeys();
    const entry = keys.entries.find((e) => e.userId === userId && this.trusted(e));
    if (!entry) return false;
    const key = await openEntry(keys.databaseId, entry, password);
    key?.fill(0);
    return key !== null;
  }

  /** Gives a key holder an entry for this password, replacing any earlier one. Needs the environment open. */
  async enrol(userId: number, username: string, password: string): Promise<void> {
    const keys = this.vault.readKeys();
    const holder = await newHolderKey(this.vault.databaseKey(), password, keys.databaseId, userId, this.kdf);
    setHolderPublicKey(this.vault.database(), userId, holder.publicKey);
    this.vault.writeKeys(withEntry(this.vault.readKeys(), { userId, username, holder }));
  }

  /** Whether the key file has any entry under this account's id (vouched for or not). */
  hasEntry(userId: number): boolean {
    return this.vault.readKeys().entries.some((e) => e.userId === userId);
  }

  /** Whether this holder has an entry the database vouches for. */
  has(userId: number): boolean {
    return this.vault.readKeys().entries.some((e) => e.userId === userId && this.trusted(e));
  }

  /**
   * Whether the open database vouches for a key-file entry: its account exists under that login
   * name, is an active key holder, and (for a holder entry) its public key is the one stored with
   * the account when it was enrolled. Anyone who can write the folder can add entries to the key
   * file; without this an added entry would be re-sealed at the next re-key, or open the
   * environment under another account's id.
   */
  private trusted(e: KeyFileEntry): boolean {
    const db = this.vault.database();
    const user = findUser(db, e.userId);
    if (!user || user.disabled || !user.keyHolder) return false;
    if (user.username.toLowerCase() !== e.username.trim().toLowerCase()) return false;
    if (e.holder) return holderPublicKey(db, e.userId) === e.holder.publicKey;
    return e.wrapped !== undefined; // format 1: upgraded to a holder entry at this login
  }

  remove(userId: number): void {
    const keys = this.vault.readKeys();
    if (keys.entries.some((e) => e.userId === userId)) this.vault.writeKeys(withoutEntry(keys, userId));
  }

  /**
   * Removes the entries of accounts that do not (or no longer) hold the key. A participant's wrap
   * from before key holders existed becomes their password verifier inside the database, so they
   * can still log in while the environment is open, but their password opens nothing on disk.
   * Returns how many entries were removed: an old copy of the key file still opens this key, so
   * the beheerder is advised to re-key.
   */
  reconcile(): number {
    const db = this.vault.database();
    const keys = this.vault.readKeys();
    const holders = keyHolderIds(db);
    const seen = new Set<number>();
    const staying = keys.entries.filter((e) => {
      if (!holders.has(e.userId) || !this.trusted(e) || seen.has(e.userId)) return false;
      seen.add(e.userId);
      return true;
    });
    const leaving = keys.entries.filter((e) => !staying.includes(e));
    if (leaving.length === 0) return 0;
    db.transaction(() => {
      for (const e of leaving) {
        // Only a participant's own old wrap (its name matches its account) becomes their verifier.
        const user = findUser(db, e.userId);
        const own = user !== null && user.username.toLowerCase() === e.username.trim().toLowerCase();
        if (e.wrapped && own && !holders.has(e.userId) && !readVerifier(db, e.userId)) {
          const aad = wrapContext(keys.databaseId, e.userId).toString('base64');
          writeVerifier(db, e.userId, { kind: 'wrap', wrapped: e.wrapped, aad });
        }
      }
      setSetting(db, 'rekey_advised', true);
    })();
    this.vault.writeKeys({ ...keys, entries: staying });
    return leaving.length;
  }

  /**
   * Re-encrypts the database with a new key and seals it for every remaining key holder, so that an
   * old copy of the key file (or a removed holder's password) opens nothing written from now on.
   * Holders still on a format-1 entry cannot be re-sealed without their password: they are listed
   * and need a new password from the beheerder. Returns the new recovery key, shown once.
   */
  rekey(): { recoveryKey: string; needNewPassword: string[] } {
    const db = this.vault.database();
    const keys = this.vault.readKeys();
    const holders = keyHolderIds(db);
    const newKey = newDatabaseKey();
    try {
      const kept: KeyFileEntry[] = [];
      const needNewPassword: string[] = [];
      for (const e of keys.entries) {
        if (!holders.has(e.userId) || !this.trusted(e) || kept.some((k) => k.userId === e.userId)) continue;
        if (!e.holder) {
          needNewPassword.push(e.username);
          continue;
        }
        kept.push({
          userId: e.userId,
          username: e.username,
          holder: {
            ...e.holder,
            sealed: sealDatabaseKey(newKey, e.holder.publicKey, keys.databaseId, e.userId),
          },
        });
      }
      const next: KeyFile = { ...keys, format: 'lvv-overleg-keys/2', entries: kept };
      writeFileAtomic(this.nextFile, JSON.stringify(next, null, 2));
      this.vault.rekey(newKey);
      fs.renameSync(this.nextFile, this.vault.keyFile);
      setSetting(db, 'rekey_advised', false);
      return { recoveryKey: formatRecoveryKey(newKey), needNewPassword };
    } finally {
      newKey.fill(0);
    }
  }

  /**
   * For recovery with the recovery key (the environment open with it): a key file that is missing,
   * unreadable or of another database is put aside (renamed, never deleted) and a fresh one without
   * entries written for this database, so that the recovered holder can be enrolled in it. Returns
   * whether it was rebuilt; a usable key file is left as it is.
   */
  rebuildIfUnusable(at: string): boolean {
    const databaseId = getSetting(this.vault.database(), 'database_id');
    if (!databaseId) throw new Error('The database has no id');
    let usable: boolean;
    try {
      usable = readKeyFile(this.vault.keyFile).databaseId === databaseId;
    } catch {
      usable = false;
    }
    if (usable) return false;
    if (fs.existsSync(this.vault.keyFile))
      fs.renameSync(this.vault.keyFile, `${this.vault.keyFile}.onbruikbaar-${at.replace(/[-:.]/g, '')}`);
    this.vault.writeKeys({ format: 'lvv-overleg-keys/2', databaseId, entries: [] });
    return true;
  }

  private async upgrade(entry: KeyFileEntry, password: string): Promise<void> {
    if (keyHolderIds(this.vault.database()).has(entry.userId))
      await this.enrol(entry.userId, entry.username, password);
  }
}

const b64len = (v: string) => Buffer.from(v, 'base64').length;

/** `plain`: the wrapped secret's length (an X25519 private key in PKCS#8 is 48 bytes, a database key 32). */
function wrappedDamaged(
  w: { salt: string; iv: string; tag: string; ciphertext: string },
  plain: number,
): boolean {
  return b64len(w.iv) !== 12 || b64len(w.tag) !== 16 || b64len(w.salt) < 16 || b64len(w.ciphertext) !== plain;
}

function publicKeyDamaged(der: string): boolean {
  try {
    return (
      crypto.createPublicKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'spki' })
        .asymmetricKeyType !== 'x25519'
    );
  } catch {
    return true;
  }
}

/**
 * Whether an entry is visibly damaged (truncated, mangled): wrong lengths or keys that do not parse.
 * A bit flipped inside a ciphertext cannot be told from a wrong password (GCM fails either way);
 * when the private key opens but the sealed key does not, holder-key.ts says it is damaged.
 */
export function entryDamaged(e: KeyFileEntry): boolean {
  if (e.holder) {
    const sealed = e.holder.sealed;
    return (
      wrappedDamaged(e.holder.privateKey, 48) ||
      publicKeyDamaged(e.holder.publicKey) ||
      publicKeyDamaged(sealed.ephemeralPublicKey) ||
      b64len(sealed.iv) !== 12 ||
      b64len(sealed.tag) !== 16 ||
      b64len(sealed.ciphertext) !== 32
    );
  }
  return e.wrapped ? wrappedDamaged(e.wrapped, 32) : true;
}

async function openEntry(databaseId: string, entry: KeyFileEntry, password: string): Promise<Buffer | null> {
  if (entry.holder) return openHolderKey(entry.holder, password, databaseId, entry.userId);
  if (entry.wrapped) return unwrapKey(entry.wrapped, password, wrapContext(databaseId, entry.userId));
  return null;
}

/** The key file of a new environment: its first key holder (the administrator) only. */
export function firstHolderKeys(key: Buffer, password: string, kdf: KdfParams) {
  return async (databaseId: string, userId: number, username: string): Promise<KeyFile> => ({
    format: 'lvv-overleg-keys/2',
    databaseId,
    entries: [{ userId, username, holder: await newHolderKey(key, password, databaseId, userId, kdf) }],
  });
}
