import { appendAudit } from '../audit/audit';
import type { CertificateInfo } from '../../../shared/contract/minutes';
import type { Db } from '../db/open';
import { all, one } from '../db/sql';
import type { WrappedKey } from '../crypto/keywrap';
import type { KdfParams } from '../ports';
import { getSetting, rawSetting, setSetting } from '../settings/settings';
import {
  certificateSerial,
  certificateSha256,
  createCertificateAuthority,
  issueUserCertificate,
  nameAttribute,
  parseCertificate,
  type CertificateAuthority,
  type UserCertificate,
} from './certificates';
import { OID } from './oids';
import type { ImportedIdentity } from './pkcs12';
import { parseWrappedKey, unwrapSignerKey, wrapSignerKey, type SignerKeyOwner } from './signer-keys';

/**
 * Where the environment's CA and its users' signing certificates live: in the encrypted database.
 *
 * A user's signing key is stored only wrapped with their own password (signer-keys.ts): the database
 * key opens the table but not the keys, so no other user and no key holder can sign in their name.
 * Certificates that may no longer sign stay, revoked (when and why), so verification can name them.
 * The CA's key is still plain inside the database: whoever holds the database key can issue a new
 * certificate in anyone's name. Verification therefore shows which certificate signed (serial and
 * SHA-256) and whether this environment ever issued or accepted it for that person.
 */

export function caName(city: string): string {
  return `LVV Overleg ${city} CA`;
}

/** Creates the CA before the (synchronous) set-up transaction, which then stores it. */
export function newEnvironmentCa(city: string, now: Date): Promise<CertificateAuthority> {
  return createCertificateAuthority(caName(city), { now });
}

export function storeEnvironmentCa(db: Db, ca: CertificateAuthority): void {
  setSetting(db, 'ca_certificate', ca.certificatePem);
  setSetting(db, 'ca_private_key', Buffer.from(ca.privateKeyPkcs8).toString('base64'));
}

export function readEnvironmentCa(db: Db): CertificateAuthority | null {
  const certificatePem = getSetting(db, 'ca_certificate');
  const key = getSetting(db, 'ca_private_key');
  if (!certificatePem || !key) return null;
  return { certificatePem, privateKeyPkcs8: new Uint8Array(Buffer.from(key, 'base64')) };
}

/**
 * The environment's CA. Set-up and the demo create it; environments made otherwise (the synthetic
 * benchmark city) get theirs on first need. The insert-if-absent keeps a CA made concurrently.
 */
export async function ensureEnvironmentCa(db: Db, now: Date): Promise<CertificateAuthority> {
  const existing = readEnvironmentCa(db);
  if (existing) return existing;
  const ca = await newEnvironmentCa(rawSetting(db, 'city') ?? 'LVV', now);
  db.transaction(() => {
    if (readEnvironmentCa(db)) return;
    storeEnvironmentCa(db, ca);
    appendAudit(db, {
      at: now.toISOString(),
      userId: null,
      organisationId: null,
      action: 'ca.create',
      entity: 'meta',
      ids: [],
    });
  })();
  return readEnvironmentCa(db)!;
}

/** Why a certificate stopped signing (the schema's CHECK on certificates.revoked_reason). */
export type RevocationReason = 'password_reset' | 'superseded' | 'unprotected_key' | 'key_unreadable';

interface CertificateRow {
  id: number;
  user_id: number;
  certificate_pem: string;
  serial: string;
  sha256: string;
  wrapped_key: string | null;
  issued_at: string;
  imported: number;
  chain_pem: string;
  revoked_at: string | null;
  revoked_reason: RevocationReason | null;
}

function activeCertificate(db: Db, userId: number): CertificateRow | undefined {
  return one<CertificateRow>(
    db,
    'SELECT * FROM certificates WHERE user_id = ? AND revoked_at IS NULL',
    userId,
  );
}

function owner(db: Db, userId: number, serial: string): SignerKeyOwner {
  const databaseId = rawSetting(db, 'database_id');
  if (!databaseId) throw new Error('The database has no id');
  return { databaseId, userId, serial };
}

/** A certificate with its key wrapped by the signer's password, ready to be stored. */
export interface NewCertificate {
  certificatePem: string;
  serial: string;
  sha256: string;
  wrapped: WrappedKey;
}

/** Wraps a certificate's key with its holder's password (async: scrypt) before the write transaction. */
export async function wrapForCertificate(
  db: Db,
  userId: number,
  certificatePem: string,
  privateKeyPkcs8: Uint8Array,
  password: string,
  kdf: KdfParams,
): Promise<NewCertificate> {
  const cert = parseCertificate(certificatePem);
  const serial = certificateSerial(cert);
  return {
    certificatePem,
    serial,
    sha256: certificateSha256(cert),
    wrapped: await wrapSignerKey(privateKeyPkcs8, password, owner(db, userId, serial), kdf),
  };
}

/** What a signer signs with: their stored certificate, or a new one still to be stored (`isNew`). */
export interface SigningIdentity {
  certificate: UserCertificate;
  isNew: boolean;
  /** A new certificate: what to store, and the unreadable one it replaces (revoked as it is stored). */
  record?: NewCertificate & { replaces: number | null };
}

/**
 * The user's signing key, unwrapped with the password they just gave (the caller has checked it), or a
 * new certificate issued by the environment's CA (CN = display name, O = organisation, UID = user id)
 * with its key wrapped by that password. A new one is only returned: the caller stores it with
 * `saveUserCertificate` in the same transaction as the signature it made, with its audit record.
 */
export async function signingIdentity(
  db: Db,
  userId: number,
  password: string,
  now: Date,
  kdf: KdfParams,
): Promise<SigningIdentity> {
  const active = activeCertificate(db, userId);
  if (active) {
    const wrapped = active.wrapped_key ? parseWrappedKey(active.wrapped_key) : null;
    const key = wrapped ? await unwrapSignerKey(wrapped, password, owner(db, userId, active.serial)) : null;
    if (key)
      return { certificate: { certificatePem: active.certificate_pem, privateKeyPkcs8: key }, isNew: false };
    // The password is right (checked by the caller), yet it does not open the wrap: a password change
    // that did not reach it. The key is lost to everyone, its signer included; a new one replaces it.
  }
  const user = one<{ id: number; display_name: string; organisation: string }>(
    db,
    'SELECT u.id, u.display_name, o.name AS organisation FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?',
    userId,
  );
  if (!user) throw new Error(`No user ${userId}`);
  const ca = await ensureEnvironmentCa(db, now);
  const certificate = await issueUserCertificate(
    ca,
    { displayName: user.display_name, organisation: user.organisation, userId: user.id },
    { now },
  );
  const record = await wrapForCertificate(
    db,
    userId,
    certificate.certificatePem,
    certificate.privateKeyPkcs8,
    password,
    kdf,
  );
  return { certificate, isNew: true, record: { ...record, replaces: active?.id ?? null } };
}

function insertCertificate(
  db: Db,
  userId: number,
  record: NewCertificate,
  at: string,
  imported: { chainPem: string } | null,
): void {
  db.prepare(
    `INSERT INTO certificates (user_id, certificate_pem, serial, sha256, wrapped_key, issued_at, imported, chain_pem)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    userId,
    record.certificatePem,
    record.serial,
    record.sha256,
    JSON.stringify(record.wrapped),
    at,
    imported ? 1 : 0,
    imported?.chainPem ?? '',
  );
}

function revokeById(db: Db, id: number, reason: RevocationReason, at: string): boolean {
  return (
    db
      .prepare(
        'UPDATE certificates SET revoked_at = ?, revoked_reason = ?, wrapped_key = NULL WHERE id = ? AND revoked_at IS NULL',
      )
      .run(at, reason, id).changes === 1
  );
}

/**
 * Stores a newly issued certificate (revoking the unreadable one it replaces); false when the user's
 * certificates changed meanwhile. Call inside the signature's transaction.
 */
export function saveUserCertificate(db: Db, userId: number, identity: SigningIdentity, at: string): boolean {
  const record = identity.record;
  if (!record) throw new Error('Not a new certificate');
  const active = activeCertificate(db, userId);
  if ((active?.id ?? null) !== record.replaces) return false;
  if (active) revokeById(db, active.id, 'key_unreadable', at);
  insertCertificate(db, userId, record, at, null);
  return true;
}

/** True when this exact certificate was ever stored here: revoked, it may not come back. */
export function knownCertificate(db: Db, sha256: string): boolean {
  return one(db, 'SELECT 1 FROM certificates WHERE sha256 = ?', sha256) !== undefined;
}

/**
 * Stores a certificate the user imported (PKCS#12), its key wrapped with their password; the one they
 * had is revoked as superseded and later signatures use the new one. The chain the file carried is
 * kept only to show the user what it held: it is never trusted (see trust.ts), so the caller has
 * checked that the certificate chains to a trusted root.
 */
export function saveImportedCertificate(
  db: Db,
  userId: number,
  record: NewCertificate,
  imported: Pick<ImportedIdentity, 'chainPem'>,
  at: string,
): void {
  const active = activeCertificate(db, userId);
  if (active) revokeById(db, active.id, 'superseded', at);
  insertCertificate(db, userId, record, at, imported);
}

/** Revokes the user's certificate and deletes its key; returns the certificate's id, or null if none. */
export function revokeSigningCertificate(
  db: Db,
  userId: number,
  reason: RevocationReason,
  at: string,
): number | null {
  const active = activeCertificate(db, userId);
  return active && revokeById(db, active.id, reason, at) ? active.id : null;
}

/**
 * On a password change: the key unwrapped with the current password and wrapped with the next one
 * (async, before the write), and the write to apply in the password's transaction. A wrap the current
 * password does not open is revoked instead: the key is lost, and a new one is issued at the next
 * signature. Returns null when the user has no certificate.
 */
export async function prepareRewrap(
  db: Db,
  userId: number,
  current: string,
  next: string,
  kdf: KdfParams,
): Promise<((db: Db, at: string) => void) | null> {
  const active = activeCertificate(db, userId);
  if (!active) return null;
  const who = owner(db, userId, active.serial);
  const wrapped = active.wrapped_key ? parseWrappedKey(active.wrapped_key) : null;
  const key = wrapped ? await unwrapSignerKey(wrapped, current, who) : null;
  if (!key) return (d, at) => void revokeById(d, active.id, 'key_unreadable', at);
  const rewrapped = JSON.stringify(await wrapSignerKey(key, next, who, kdf));
  key.fill(0);
  return (d) => {
    d.prepare('UPDATE certificates SET wrapped_key = ? WHERE id = ? AND revoked_at IS NULL').run(
      rewrapped,
      active.id,
    );
  };
}

/** What verification tells about a certificate by its SHA-256: whose it is here, and since when revoked. */
export interface CertificateRecord {
  userId: number;
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: RevocationReason | null;
}

export function certificateRecord(db: Db, sha256: string): CertificateRecord | null {
  const row = one<CertificateRow>(db, 'SELECT * FROM certificates WHERE sha256 = ?', sha256);
  return row
    ? {
        userId: row.user_id,
        issuedAt: row.issued_at,
        revokedAt: row.revoked_at,
        revokedReason: row.revoked_reason,
      }
    : null;
}

/** Every certificate this environment's CA issued and that was revoked since: for the exported CRL. */
export function revokedCertificates(db: Db): { serial: string; revokedAt: string }[] {
  return all<{ serial: string; revokedAt: string }>(
    db,
    'SELECT serial, revoked_at AS revokedAt FROM certificates WHERE revoked_at IS NOT NULL AND imported = 0 ORDER BY id',
  );
}

/** What the user is shown about their own signing certificate, or null before they have one. */
export function certificateInfo(db: Db, userId: number): CertificateInfo | null {
  const row = activeCertificate(db, userId);
  if (!row) return null;
  const cert = parseCertificate(row.certificate_pem);
  return {
    subject: nameAttribute(cert.subject, OID.commonName),
    organisation: nameAttribute(cert.subject, OID.organisationName),
    issuer: nameAttribute(cert.issuer, OID.commonName),
    validUntil: cert.notAfter.value.toISOString(),
    imported: row.imported === 1,
    chainLength: (row.chain_pem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length,
    serial: row.serial,
    sha256: row.sha256,
  };
}
