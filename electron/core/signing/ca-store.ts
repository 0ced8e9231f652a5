import type { Db } from '../db/open';
import type { KdfParams } from '../ports';
import { deleteMeta, getSetting, setSetting } from '../settings/settings';
import { parseStoredCaKey, unwrapCaKey, wrapCaKey, type StoredCaKey } from './ca-key';
import { buildRevocationList } from './revocations';
import {
  certificateSha256,
  createCertificateAuthority,
  parseCertificate,
  type CertificateAuthority,
} from './certificates';
import type { WrappedKey } from '../crypto/keywrap';
import { appendAudit } from '../audit/audit';
import { revokedCertificates } from './store';

/**
 * The environment's CA in the encrypted database: its certificate, its key stored only wrapped with
 * its keeper's (a beheerder's) password (ca-key.ts), and the revocation list it signs. Split from
 * store.ts, which keeps the users' signing certificates and requests.
 */

export function caName(city: string): string {
  return `LVV Overleg ${city} CA`;
}

/** Creates the CA before the (synchronous) set-up transaction, which then stores it. */
export function newEnvironmentCa(city: string, now: Date): Promise<CertificateAuthority> {
  return createCertificateAuthority(caName(city), { now });
}

/** The CA's certificate and its key wrapped for its keeper, before the set-up transaction. */
export interface SealedCa {
  certificatePem: string;
  wrapped: WrappedKey;
}

/** A new CA, its key wrapped with the first beheerder's password (async: scrypt). */
export async function newSealedEnvironmentCa(
  city: string,
  keeperPassword: string,
  kdf: KdfParams,
  now: Date,
): Promise<SealedCa> {
  return sealEnvironmentCa(await newEnvironmentCa(city, now), keeperPassword, kdf);
}

export async function sealEnvironmentCa(
  ca: CertificateAuthority,
  keeperPassword: string,
  kdf: KdfParams,
): Promise<SealedCa> {
  const sha256 = certificateSha256(parseCertificate(ca.certificatePem));
  return {
    certificatePem: ca.certificatePem,
    wrapped: await wrapCaKey(ca.privateKeyPkcs8, keeperPassword, sha256, kdf),
  };
}

/** Stores the CA inside the set-up transaction, kept by the first beheerder. */
export function storeEnvironmentCa(db: Db, sealed: SealedCa, keeperUserId: number): void {
  const key: StoredCaKey = { keeperUserId, wrapped: sealed.wrapped };
  setSetting(db, 'ca_certificate', sealed.certificatePem);
  setSetting(db, 'ca_key', JSON.stringify(key));
}

/** The environment CA's certificate (PEM): what verification trusts and ca.pem ships. */
export function environmentCaCertificate(db: Db): string {
  const pem = getSetting(db, 'ca_certificate');
  if (!pem) throw new Error('The environment has no CA');
  return pem;
}

/** Why the CA key could not be unlocked for an issuance. */
export type CaLocked = 'ca_not_keeper' | 'ca_key_unavailable';

/**
 * The CA with its key, unwrapped with the keeper's password (checked by the caller), for one issuance.
 * An environment migrated from before schema 6 still has the key in the clear: the first beheerder to
 * get here (their login) becomes its keeper — the key is wrapped with their password and the clear
 * copy deleted, audited. Returns why not otherwise.
 */
export async function unlockEnvironmentCa(
  db: Db,
  user: { userId: number; organisationId: number },
  password: string,
  kdf: KdfParams,
  now: Date,
): Promise<CertificateAuthority | CaLocked> {
  const certificatePem = environmentCaCertificate(db);
  const sha256 = certificateSha256(parseCertificate(certificatePem));
  const stored = parseStoredCaKey(getSetting(db, 'ca_key'));
  if (stored) {
    if (stored.keeperUserId !== user.userId) return 'ca_not_keeper';
    const key = await unwrapCaKey(stored, password, sha256);
    return key ? { certificatePem, privateKeyPkcs8: key } : 'ca_key_unavailable';
  }
  const clear = getSetting(db, 'ca_private_key');
  if (!clear) return 'ca_key_unavailable';
  const key = new Uint8Array(Buffer.from(clear, 'base64'));
  const wrapped: StoredCaKey = {
    keeperUserId: user.userId,
    wrapped: await wrapCaKey(key, password, sha256, kdf),
  };
  const adopted = db.transaction(() => {
    if (getSetting(db, 'ca_key') || getSetting(db, 'ca_private_key') !== clear) return false;
    setSetting(db, 'ca_key', JSON.stringify(wrapped));
    deleteMeta(db, 'ca_private_key');
    appendAudit(db, {
      at: now.toISOString(),
      userId: user.userId,
      organisationId: user.organisationId,
      action: 'ca.wrap',
      entity: 'meta',
      ids: [],
    });
    return true;
  })();
  if (!adopted) return 'ca_not_keeper';
  const ca = { certificatePem, privateKeyPkcs8: key };
  await refreshRevocationList(db, ca, now);
  return ca;
}

/**
 * Signs and stores the CA's revocation list as of now. Only the keeper's password opens the key, so
 * the list is renewed whenever it is open (an approval, the migration's first login): a certificate
 * revoked since shows in the app at once, and in an exported ca.pem from the next renewal on.
 */
export async function refreshRevocationList(db: Db, ca: CertificateAuthority, now: Date): Promise<void> {
  setSetting(db, 'ca_crl', await buildRevocationList(ca, revokedCertificates(db), now));
}

/** The stored revocation list (PEM), or '' before the CA key was first unlocked. */
export function revocationListPem(db: Db): string {
  return getSetting(db, 'ca_crl') ?? '';
}

/** On the keeper's password change: the CA key re-wrapped with the next password, to write alongside. */
export async function prepareCaRewrap(
  db: Db,
  userId: number,
  current: string,
  next: string,
  kdf: KdfParams,
): Promise<((db: Db) => void) | null> {
  const stored = parseStoredCaKey(getSetting(db, 'ca_key'));
  if (!stored || stored.keeperUserId !== userId) return null;
  const sha256 = certificateSha256(parseCertificate(environmentCaCertificate(db)));
  const key = await unwrapCaKey(stored, current, sha256);
  if (!key) return null;
  const rewrapped = JSON.stringify({
    keeperUserId: userId,
    wrapped: await wrapCaKey(key, next, sha256, kdf),
  } satisfies StoredCaKey);
  key.fill(0);
  return (d) => setSetting(d, 'ca_key', rewrapped);
}

/** On a reset of the keeper's password: their wrap is lost (no one knows the old password). */
export function dropCaKeyOf(db: Db, userId: number): boolean {
  const stored = parseStoredCaKey(getSetting(db, 'ca_key'));
  if (!stored || stored.keeperUserId !== userId) return false;
  deleteMeta(db, 'ca_key');
  return true;
}
