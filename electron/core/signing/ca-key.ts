import { z } from 'zod';
import { unwrapKey, wrapKey, WrappedKeySchema, type WrappedKey } from '../crypto/keywrap';
import type { KdfParams } from '../ports';

/**
 * The environment CA's private key, wrapped with a key derived from the password of the beheerder who
 * runs the CA (scrypt + AES-256-GCM, as a signer's key: signer-keys.ts). The database key opens only
 * ciphertext here, so no key holder, recovery-key session or backup can issue a certificate; only
 * that beheerder, typing their password to approve one request, unwraps it for that one issuance.
 *
 * Choices, kept as simple as is sound:
 * - One keeper at a time. The wrap belongs to one beheerder (the one who set the environment up, or
 *   the first to log in after migration 0006). Other beheerders manage accounts as before but cannot
 *   approve requests: giving them a wrap would need their password and the keeper's at one moment,
 *   and a second copy of the CA key is a second way to lose it. A keeper's password change re-wraps
 *   the key (both passwords are known then).
 * - A password reset of the keeper loses the wrap (the old password is not known, and whoever sets
 *   the temporary one must not inherit the CA): it is deleted, and requests wait. The remedy is a new
 *   CA made by a beheerder (not built yet, see README): signatures made before stay valid under the
 *   old CA certificate, which ca.pem then keeps beside the new one.
 * - Associated data binds the wrap to this CA certificate (its SHA-256), so it cannot be presented as
 *   another CA's key. Who keeps it is stored beside it: someone who changes that entry only makes the
 *   app try another beheerder's password on it, which opens nothing.
 */

export const StoredCaKey = z.object({ keeperUserId: z.number().int(), wrapped: WrappedKeySchema });
export type StoredCaKey = z.infer<typeof StoredCaKey>;

function caKeyContext(caSha256: string): Buffer {
  return Buffer.from(`lvv-overleg/ca-key/v1|${caSha256}`, 'utf8');
}

export function wrapCaKey(
  pkcs8: Uint8Array,
  password: string,
  caSha256: string,
  kdf: KdfParams,
): Promise<WrappedKey> {
  return wrapKey(Buffer.from(pkcs8), password, caKeyContext(caSha256), kdf);
}

/** The CA's PKCS#8 key, or null when this is not the keeper's password (or not this CA's wrap). */
export async function unwrapCaKey(
  stored: StoredCaKey,
  password: string,
  caSha256: string,
): Promise<Uint8Array | null> {
  const key = await unwrapKey(stored.wrapped, password, caKeyContext(caSha256));
  return key ? new Uint8Array(key) : null;
}

export function parseStoredCaKey(text: string | undefined): StoredCaKey | null {
  if (!text) return null;
  try {
    const parsed = StoredCaKey.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
