import { unwrapKey, wrapKey, WrappedKeySchema, type WrappedKey } from '../crypto/keywrap';
import type { KdfParams } from '../ports';

/**
 * A signer's private key, wrapped with a key derived from that signer's own password (scrypt +
 * AES-256-GCM, as the database key is wrapped in the key file). The database key alone opens nothing
 * here: whoever holds it — another key holder, the recovery key, a backup — finds only ciphertext,
 * so no one but the signer can sign in their name. Only the signer's password unwraps it, at their
 * signature (`minutes.sign` asks for it) and at their password change (re-wrapped with the new one).
 */

export interface SignerKeyOwner {
  databaseId: string;
  userId: number;
  /** Of the certificate the key belongs to: a wrap cannot be moved to another certificate or user. */
  serial: string;
}

/** Associated data: binds the wrap to one certificate of one user of one database. */
export function signerKeyContext(owner: SignerKeyOwner): Buffer {
  return Buffer.from(
    `lvv-overleg/signing-key/v1|${owner.databaseId}|${owner.userId}|${owner.serial}`,
    'utf8',
  );
}

export function wrapSignerKey(
  pkcs8: Uint8Array,
  password: string,
  owner: SignerKeyOwner,
  kdf: KdfParams,
): Promise<WrappedKey> {
  return wrapKey(Buffer.from(pkcs8), password, signerKeyContext(owner), kdf);
}

/** The PKCS#8 key, or null when the password (or the owner) does not match the wrap. */
export async function unwrapSignerKey(
  wrapped: WrappedKey,
  password: string,
  owner: SignerKeyOwner,
): Promise<Uint8Array | null> {
  const key = await unwrapKey(wrapped, password, signerKeyContext(owner));
  return key ? new Uint8Array(key) : null;
}

export function parseWrappedKey(json: string): WrappedKey | null {
  try {
    const parsed = WrappedKeySchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
