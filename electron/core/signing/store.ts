import type { CertificateInfo } from '../../../shared/contract/minutes';
import type { Db } from '../db/open';
import { all, one } from '../db/sql';
import type { WrappedKey } from '../crypto/keywrap';
import type { KdfParams } from '../ports';
import { rawSetting } from '../settings/settings';
import { AppError } from '../../../shared/errors';
import {
  certificateSerial,
  certificateSha256,
  issueCertificateForKey,
  newSerial,
  newSigningKeyPair,
  nameAttribute,
  parseCertificate,
  type CertificateAuthority,
  type UserCertificate,
} from './certificates';
import { OID } from './oids';
import type { ImportedIdentity } from './pkcs12';
import { parseWrappedKey, unwrapSignerKey, wrapSignerKey, type SignerKeyOwner } from './signer-keys';

/**
 * Where the users' signing certificates and their requests live: in the encrypted database (the
 * environment's CA itself is in ca-store.ts).
 *
 * A user's signing key is stored only wrapped with their own password (signer-keys.ts), and the CA's
 * key only wrapped with its keeper's — a beheerder's — password (ca-key.ts): the database key opens
 * the tables but neither kind of key, so no other user and no key holder can sign in someone's name
 * or issue a certificate that would. A certificate comes from a request (the signer's public key) that
 * the keeper approves with their password. Certificates that may no longer sign stay, revoked (when
 * and why), so verification can name them.
 */

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

/** What a signer signs with: their certificate and its key, unwrapped with their password. */
export interface SigningIdentity {
  certificate: UserCertificate;
}

interface RequestRow {
  id: number;
  user_id: number;
  public_key: string;
  serial: string;
  wrapped_key: string;
  requested_at: string;
}

function pendingRequest(db: Db, userId: number): RequestRow | undefined {
  return one<RequestRow>(db, 'SELECT * FROM certificate_requests WHERE user_id = ?', userId);
}

/** A request made before the write: the signer's new key pair, its private half wrapped. */
export interface NewRequest {
  userId: number;
  publicKey: string;
  serial: string;
  wrapped: WrappedKey;
}

/**
 * A new key pair for the user, its private key wrapped with their password (checked by the caller)
 * and bound to the serial the certificate will carry; the public half goes to the beheerder.
 */
export async function prepareRequest(
  db: Db,
  userId: number,
  password: string,
  kdf: KdfParams,
): Promise<NewRequest> {
  const pair = await newSigningKeyPair();
  const serial = newSerial();
  const wrapped = await wrapSignerKey(pair.privateKeyPkcs8, password, owner(db, userId, serial), kdf);
  pair.privateKeyPkcs8.fill(0);
  return { userId, publicKey: Buffer.from(pair.spki).toString('base64'), serial, wrapped };
}

/** Stores (or replaces) the user's pending request; call inside an audited transaction. */
export function saveRequest(db: Db, request: NewRequest, at: string): void {
  db.prepare(
    `INSERT INTO certificate_requests (user_id, public_key, serial, wrapped_key, requested_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET public_key = excluded.public_key, serial = excluded.serial,
       wrapped_key = excluded.wrapped_key, requested_at = excluded.requested_at`,
  ).run(request.userId, request.publicKey, request.serial, JSON.stringify(request.wrapped), at);
}

export function hasPendingRequest(db: Db, userId: number): boolean {
  return pendingRequest(db, userId) !== undefined;
}

/** The pending requests, for the beheerder's approval list. */
export function listRequests(
  db: Db,
): { id: number; userId: number; name: string; organisation: string; requestedAt: string }[] {
  return all(
    db,
    `SELECT r.id, r.user_id AS userId, u.display_name AS name, o.name AS organisation, r.requested_at AS requestedAt
     FROM certificate_requests r JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = u.organisation_id
     ORDER BY r.id`,
  );
}

/** What an approval issues: made (async) before the write. */
export interface Issued {
  requestId: number;
  userId: number;
  record: NewCertificate;
}

/**
 * Issues the certificate a request asks for (CN = display name, O = organisation, UID = user id) with
 * the unlocked CA; the signer's wrapped key comes with it unchanged (it is bound to the serial).
 */
export async function issueForRequest(
  db: Db,
  requestId: number,
  ca: CertificateAuthority,
  now: Date,
): Promise<Issued | null> {
  const request = one<RequestRow>(db, 'SELECT * FROM certificate_requests WHERE id = ?', requestId);
  if (!request) return null;
  const user = one<{ id: number; display_name: string; organisation: string }>(
    db,
    'SELECT u.id, u.display_name, o.name AS organisation FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?',
    request.user_id,
  );
  if (!user) return null;
  const certificatePem = await issueCertificateForKey(
    ca,
    { displayName: user.display_name, organisation: user.organisation, userId: user.id },
    new Uint8Array(Buffer.from(request.public_key, 'base64')),
    request.serial,
    { now },
  );
  const cert = parseCertificate(certificatePem);
  const wrapped = parseWrappedKey(request.wrapped_key);
  if (!wrapped) return null;
  return {
    requestId,
    userId: user.id,
    record: { certificatePem, serial: certificateSerial(cert), sha256: certificateSha256(cert), wrapped },
  };
}

/**
 * Stores an issued certificate in place of its request; the certificate the user had (its key lost
 * to a password change, or an imported one) is revoked as superseded. False when the request changed
 * meanwhile (the signer asked again). Call inside the approval's audited transaction.
 */
export function saveIssued(db: Db, issued: Issued, at: string): boolean {
  const request = one<RequestRow>(db, 'SELECT * FROM certificate_requests WHERE id = ?', issued.requestId);
  if (!request || request.serial !== issued.record.serial) return false;
  const active = activeCertificate(db, issued.userId);
  if (active) revokeById(db, active.id, 'superseded', at);
  insertCertificate(db, issued.userId, issued.record, at, null);
  db.prepare('DELETE FROM certificate_requests WHERE id = ?').run(issued.requestId);
  return true;
}

/**
 * The user's signing key, unwrapped with the password they just gave (the caller has checked it).
 * Without a certificate that password opens, a request is made (or is waiting already): the caller
 * stores it and refuses the signature with `certificate_pending` until the beheerder approves it.
 */
export async function signingIdentity(
  db: Db,
  userId: number,
  password: string,
  kdf: KdfParams,
): Promise<SigningIdentity | { pending: NewRequest | null }> {
  const active = activeCertificate(db, userId);
  if (active) {
    const wrapped = active.wrapped_key ? parseWrappedKey(active.wrapped_key) : null;
    const key = wrapped ? await unwrapSignerKey(wrapped, password, owner(db, userId, active.serial)) : null;
    if (key) return { certificate: { certificatePem: active.certificate_pem, privateKeyPkcs8: key } };
    // The password is right (checked by the caller), yet it does not open the wrap: a password change
    // that did not reach it. The key is lost to everyone, its signer included; a new one is requested.
  }
  if (pendingRequest(db, userId)) return { pending: null };
  return { pending: await prepareRequest(db, userId, password, kdf) };
}

/** The refusal while a request waits: the UI words it (error.CONFLICT.certificate_pending). */
export function certificatePending(): AppError {
  return new AppError('CONFLICT', 'Your signing certificate awaits the beheerder’s approval', {
    info: { reason: 'certificate_pending' },
  });
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

/**
 * Issues a certificate at once with a CA the caller holds unlocked: for the demo, which makes its CA
 * and its signers' passwords together, so its signed meeting needs no approval step.
 */
export async function issueWithUnlockedCa(
  db: Db,
  userId: number,
  ca: CertificateAuthority,
  password: string,
  kdf: KdfParams,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  saveRequest(db, await prepareRequest(db, userId, password, kdf), at);
  const issued = await issueForRequest(db, pendingRequest(db, userId)!.id, ca, now);
  if (!issued || !saveIssued(db, issued, at)) throw new Error(`Could not issue for user ${userId}`);
}
