import { AppError } from '../../../shared/errors';
import crypto from 'node:crypto';
import type { KdfParams } from '../ports';
import { unwrapKey, wrapKey, type WrappedKey } from './keywrap';

/**
 * A key holder's entry in the key file: an X25519 key pair whose private half is wrapped with the
 * holder's password, and the database key sealed to the public half (ECIES: ephemeral X25519, HKDF,
 * AES-256-GCM). The public half lets the database key be re-sealed for every remaining holder after
 * a re-key without knowing anyone's password; only the password opens the private half.
 */
export interface SealedKey {
  ephemeralPublicKey: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface HolderKey {
  publicKey: string;
  privateKey: WrappedKey;
  sealed: SealedKey;
}

function privateKeyContext(databaseId: string, userId: number): Buffer {
  return Buffer.from(`lvv-overleg/holder-private-key/v2|${databaseId}|${userId}`, 'utf8');
}

function sealContext(databaseId: string, userId: number): Buffer {
  return Buffer.from(`lvv-overleg/sealed-db-key/v2|${databaseId}|${userId}`, 'utf8');
}

function sealingKey(shared: Buffer, ephemeralPublicKey: Buffer, aad: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', shared, ephemeralPublicKey, aad, 32));
}

/** Seals the database key to one holder's public key (anyone may seal; only the holder opens). */
export function sealDatabaseKey(
  dbKey: Buffer,
  publicKeyB64: string,
  databaseId: string,
  userId: number,
): SealedKey {
  const publicKey = crypto.createPublicKey({
    key: Buffer.from(publicKeyB64, 'base64'),
    format: 'der',
    type: 'spki',
  });
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ format: 'der', type: 'spki' });
  const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey });
  const aad = sealContext(databaseId, userId);
  const key = sealingKey(shared, ephemeralDer, aad);
  shared.fill(0);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  key.fill(0);
  return {
    ephemeralPublicKey: ephemeralDer.toString('base64'),
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** A new holder entry for this password, with the database key sealed in it. */
export async function newHolderKey(
  dbKey: Buffer,
  password: string,
  databaseId: string,
  userId: number,
  kdf: KdfParams,
): Promise<HolderKey> {
  const pair = crypto.generateKeyPairSync('x25519');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const pkcs8 = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  try {
    const privateKey = await wrapKey(pkcs8, password, privateKeyContext(databaseId, userId), kdf);
    return { publicKey, privateKey, sealed: sealDatabaseKey(dbKey, publicKey, databaseId, userId) };
  } finally {
    pkcs8.fill(0);
  }
}

/** The database key from a holder entry, or null when the password (or anything else) is wrong. */
export async function openHolderKey(
  holder: HolderKey,
  password: string,
  databaseId: string,
  userId: number,
): Promise<Buffer | null> {
  const pkcs8 = await unwrapKey(holder.privateKey, password, privateKeyContext(databaseId, userId));
  if (!pkcs8) return null;
  try {
    const privateKey = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    const ephemeralDer = Buffer.from(holder.sealed.ephemeralPublicKey, 'base64');
    const ephemeral = crypto.createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
    const shared = crypto.diffieHellman({ privateKey, publicKey: ephemeral });
    const aad = sealContext(databaseId, userId);
    const key = sealingKey(shared, ephemeralDer, aad);
    shared.fill(0);
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(holder.sealed.iv, 'base64'));
      decipher.setAAD(aad);
      decipher.setAuthTag(Buffer.from(holder.sealed.tag, 'base64'));
      return Buffer.concat([
        decipher.update(Buffer.from(holder.sealed.ciphertext, 'base64')),
        decipher.final(),
      ]);
    } catch {
      // The password opened the private key, so this part is not a wrong password: it is damaged.
      throw new AppError('STORAGE_FAULT', 'The sealed database key in this key-file entry is damaged', {
        info: { reason: 'key_entry_damaged' },
      });
    } finally {
      key.fill(0);
    }
  } finally {
    pkcs8.fill(0);
  }
}
