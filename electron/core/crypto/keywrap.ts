import crypto from 'node:crypto';
import type { KdfParams } from '../ports';

/** A database key wrapped by one user's password (AES-256-GCM over a scrypt-derived key). */
export interface WrappedKey {
  kdf: 'scrypt';
  logN: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export const DB_KEY_BYTES = 32;

export function newDatabaseKey(): Buffer {
  return crypto.randomBytes(DB_KEY_BYTES);
}

function deriveKey(password: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r bytes, or node refuses OWASP's parameters.
    crypto.scrypt(password.normalize('NFC'), salt, 32, { N, r: params.r, p: params.p, maxmem: 256 * N * params.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Associated data binds a wrap to one user of one database, so a blob can't be moved to another. */
export function wrapContext(databaseId: string, userId: number): Buffer {
  return Buffer.from(`lvv-overleg/key-wrap/v1|${databaseId}|${userId}`, 'utf8');
}

export async function wrapKey(dbKey: Buffer, password: string, aad: Buffer, params: KdfParams): Promise<WrappedKey> {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const kek = await deriveKey(password, salt, params);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  kek.fill(0);
  return {
    kdf: 'scrypt',
    logN: params.logN,
    r: params.r,
    p: params.p,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the database key, or null when the password (or the context) is wrong: GCM's tag fails. */
export async function unwrapKey(wrapped: WrappedKey, password: string, aad: Buffer): Promise<Buffer | null> {
  const kek = await deriveKey(password, Buffer.from(wrapped.salt, 'base64'), wrapped);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/**
 * The recovery key is the database key itself, as 16 groups of 4 hex digits, so that any SQLCipher 4
 * tool can open the file with PRAGMA key = "x'<hex>'" without this app.
 */
export function formatRecoveryKey(dbKey: Buffer): string {
  return (dbKey.toString('hex').toUpperCase().match(/.{4}/g) ?? []).join('-');
}

/** Accepts the grouped form with any spacing, dashes or case; returns null if it is not 64 hex digits. */
export function parseRecoveryKey(text: string): Buffer | null {
  const hex = text.replace(/[\s-]/g, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  return Buffer.from(hex, 'hex');
}
