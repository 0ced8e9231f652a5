import { appendAudit } from '../audit/audit';
import type { CertificateInfo } from '../../../shared/contract/minutes';
import type { Db } from '../db/open';
import { one } from '../db/sql';
import { getSetting, rawSetting, setSetting } from '../settings/settings';
import {
  createCertificateAuthority,
  issueUserCertificate,
  nameAttribute,
  parseCertificate,
  type CertificateAuthority,
  type UserCertificate,
} from './certificates';
import { OID } from './oids';
import type { ImportedIdentity } from './pkcs12';

/**
 * Where the environment's CA and its users' signing keys live: in the encrypted database.
 *
 * Choice: the private keys are stored as plain PKCS#8 inside the SQLCipher database rather than wrapped
 * a second time. The database opens only with a user's password or the recovery key, which is exactly
 * the protection the brief asks for ("protected like the database key"); a second wrap with a key
 * derived from the database key would guard against nobody the first does not already stop. Backups
 * (VACUUM INTO) keep the same encryption. Anyone holding the recovery key can sign as any user of this
 * environment — the same person can already rewrite every record, so that adds no new power.
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

interface UserRow {
  id: number;
  display_name: string;
  organisation: string;
}

function readUserCertificate(db: Db, userId: number): SigningIdentity | null {
  const row = db
    .prepare('SELECT certificate_pem, private_key FROM certificates WHERE user_id = ?')
    .get(userId) as { certificate_pem: string; private_key: Uint8Array } | undefined;
  return row
    ? {
        certificate: {
          certificatePem: row.certificate_pem,
          privateKeyPkcs8: new Uint8Array(row.private_key),
        },
        isNew: false,
      }
    : null;
}

/** What a signer signs with: their stored certificate, or a new one still to be stored (`isNew`). */
export interface SigningIdentity {
  certificate: UserCertificate;
  isNew: boolean;
}

/**
 * The user's signing certificate, issued by the environment's CA on first need (CN = display name,
 * O = organisation, UID = user id). A new one is only returned: the caller stores it with
 * `saveUserCertificate` in the same transaction as the signature it made, with its audit record.
 */
export async function signingIdentity(db: Db, userId: number, now: Date): Promise<SigningIdentity> {
  const existing = readUserCertificate(db, userId);
  if (existing) return existing;
  const user = db
    .prepare(
      'SELECT u.id, u.display_name, o.name AS organisation FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?',
    )
    .get(userId) as UserRow | undefined;
  if (!user) throw new Error(`No user ${userId}`);
  const ca = await ensureEnvironmentCa(db, now);
  const certificate = await issueUserCertificate(
    ca,
    { displayName: user.display_name, organisation: user.organisation, userId: user.id },
    { now },
  );
  return { certificate, isNew: true };
}

/** Stores a newly issued certificate; false when another one was stored for the user meanwhile. */
export function saveUserCertificate(
  db: Db,
  userId: number,
  certificate: UserCertificate,
  at: string,
): boolean {
  const r = db
    .prepare(
      'INSERT OR IGNORE INTO certificates (user_id, certificate_pem, private_key, issued_at) VALUES (?, ?, ?, ?)',
    )
    .run(userId, certificate.certificatePem, Buffer.from(certificate.privateKeyPkcs8), at);
  return r.changes === 1;
}

/**
 * Stores a certificate the user imported (PKCS#12), replacing the one they had; later signatures use
 * it. The chain the file carried is kept only to show the user what it held: it is never trusted
 * (see trust.ts), so the caller has checked that the certificate chains to a trusted root.
 */
export function saveImportedCertificate(
  db: Db,
  userId: number,
  imported: ImportedIdentity,
  at: string,
): void {
  db.prepare(
    `INSERT INTO certificates (user_id, certificate_pem, private_key, issued_at, imported, chain_pem)
     VALUES (?, ?, ?, ?, 1, ?)
     ON CONFLICT(user_id) DO UPDATE SET certificate_pem = excluded.certificate_pem,
       private_key = excluded.private_key, issued_at = excluded.issued_at, imported = 1,
       chain_pem = excluded.chain_pem`,
  ).run(userId, imported.certificatePem, Buffer.from(imported.privateKeyPkcs8), at, imported.chainPem);
}

/** What the user is shown about their own signing certificate, or null before they have one. */
export function certificateInfo(db: Db, userId: number): CertificateInfo | null {
  const row = one<{ certificate_pem: string; imported: number; chain_pem: string }>(
    db,
    'SELECT certificate_pem, imported, chain_pem FROM certificates WHERE user_id = ?',
    userId,
  );
  if (!row) return null;
  const cert = parseCertificate(row.certificate_pem);
  return {
    subject: nameAttribute(cert.subject, OID.commonName),
    organisation: nameAttribute(cert.subject, OID.organisationName),
    issuer: nameAttribute(cert.issuer, OID.commonName),
    validUntil: cert.notAfter.value.toISOString(),
    imported: row.imported === 1,
    chainLength: (row.chain_pem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length,
  };
}
