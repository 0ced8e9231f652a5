import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import type { KdfParams } from '../ports';
import { parseCertificate } from '../signing/certificates';
import { chainProblem, signDetached } from '../signing/cms';
import { certificatePending, signingIdentity, type NewRequest, type SigningIdentity } from '../signing/store';
import { trustedCertificatesPem } from '../signing/trust';
import { requireState, stateAfter } from './state';
import { frozenDocx, latestVersion, requireMeeting, setVersionState, versionById } from './versions';
import type { MinutesState } from './model';

/**
 * The chair's and the secretary's signatures over the adopted DOCX: detached CAdES-BES files, one per
 * role, each by a different user, stored with the version they cover (never carried to a later one).
 */

export type SignerRole = 'voorzitter' | 'secretaris';

/**
 * The role a user signs in: the meeting's chair or secretary as recorded with the meeting. Anyone else
 * is FORBIDDEN — also where the meeting names none (issue 11: any voorzitter could then sign); such
 * minutes are not adopted in the first place (versions.ts prepareAdoption).
 */
export function signerRole(db: Db, meetingId: number, session: Session): SignerRole {
  const m = db
    .prepare('SELECT chair_user_id, secretary_user_id FROM meetings WHERE id = ?')
    .get(meetingId) as { chair_user_id: number | null; secretary_user_id: number | null } | undefined;
  if (!m) throw new AppError('NOT_FOUND', 'No such meeting');
  if (m.chair_user_id === session.userId) return 'voorzitter';
  if (m.secretary_user_id === session.userId) return 'secretaris';
  throw new AppError('FORBIDDEN', 'Only the chair and the secretary of this meeting sign its minutes', {
    info: { reason: 'not_signer' },
  });
}

/**
 * No certificate to sign with: `request` is a new one to store (audited) before the refusal, or null
 * when one waits already. The handler turns it into CONFLICT `certificate_pending`.
 */
export class PendingCertificate extends Error {
  constructor(readonly request: NewRequest | null) {
    super('Certificate pending');
  }
  refusal(): AppError {
    return certificatePending();
  }
}

export interface PreparedSignature {
  versionId: number;
  role: SignerRole;
  identity: SigningIdentity;
  p7s: Uint8Array;
}

function checkNotSigned(db: Db, versionId: number, role: SignerRole, userId: number): void {
  const rows = db
    .prepare('SELECT role, user_id FROM signatures WHERE minutes_version_id = ?')
    .all(versionId) as {
    role: SignerRole;
    user_id: number;
  }[];
  if (rows.some((r) => r.user_id === userId)) {
    throw new AppError('CONFLICT', 'You already signed this version', {
      info: { reason: 'already_signed_by_you' },
    });
  }
  if (rows.some((r) => r.role === role)) {
    throw new AppError('CONFLICT', 'This role already signed this version', {
      info: { reason: 'role_signed', role },
    });
  }
}

/**
 * Makes the signature (async: unwrapping the key with the signer's password, signing) before the
 * write transaction. The password has been checked by the caller; it is what opens the signer's key.
 */
export async function prepareSignature(
  db: Db,
  meetingId: number,
  session: Session,
  signer: { password: string; kdf: KdfParams },
  now: Date,
): Promise<PreparedSignature> {
  requireMeeting(db, meetingId);
  const version = latestVersion(db, meetingId);
  requireState(version?.state ?? 'concept', 'sign');
  const role = signerRole(db, meetingId, session);
  checkNotSigned(db, version!.id, role, session.userId);
  const docx = frozenDocx(db, version!.id)!;
  const found = await signingIdentity(db, session.userId, signer.password, signer.kdf);
  if ('pending' in found) throw new PendingCertificate(found.pending);
  const identity = found;
  // An imported certificate whose root the beheerder has since removed would make a signature that
  // no one can verify: refuse before signing rather than store it.
  const untrusted = await chainProblem(
    parseCertificate(identity.certificate.certificatePem),
    trustedCertificatesPem(db),
    now,
  );
  if (untrusted) {
    throw new AppError('CONFLICT', `Your signing certificate is not trusted here: ${untrusted}`, {
      info: { reason: 'certificate_not_trusted' },
    });
  }
  const p7s = await signDetached(
    docx,
    identity.certificate.certificatePem,
    identity.certificate.privateKeyPkcs8,
    {
      signingTime: now,
    },
  );
  return { versionId: version!.id, role, identity, p7s };
}

/** Stores the signature; call inside the audited transaction. */
export function commitSignature(
  db: Db,
  prepared: PreparedSignature,
  userId: number,
  at: string,
): MinutesState {
  const version = versionById(db, prepared.versionId)!;
  const latest = latestVersion(db, version.meeting_id)!;
  if (latest.id !== version.id) {
    throw new AppError('CONFLICT', 'A newer version exists', { info: { reason: 'changed_meanwhile' } });
  }
  requireState(version.state, 'sign');
  checkNotSigned(db, version.id, prepared.role, userId);
  // chain_pem stays '' (its default): an imported certificate's chain is never stored for trust.
  db.prepare(
    'INSERT INTO signatures (minutes_version_id, user_id, role, p7s, signed_at) VALUES (?, ?, ?, ?, ?)',
  ).run(version.id, userId, prepared.role, Buffer.from(prepared.p7s), at);
  const count = (
    db.prepare('SELECT COUNT(*) AS n FROM signatures WHERE minutes_version_id = ?').get(version.id) as {
      n: number;
    }
  ).n;
  const state = stateAfter('sign', count);
  setVersionState(db, version.id, state);
  return state;
}

export interface SignatureInfo {
  id: number;
  role: SignerRole;
  userId: number;
  name: string;
  organisation: string;
  signedAt: string;
}

export function listSignatures(db: Db, versionId: number): SignatureInfo[] {
  return db
    .prepare(
      `SELECT s.id, s.role, s.user_id AS userId, u.display_name AS name, o.name AS organisation, s.signed_at AS signedAt
       FROM signatures s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.organisation_id
       WHERE s.minutes_version_id = ? ORDER BY CASE s.role WHEN 'voorzitter' THEN 0 ELSE 1 END`,
    )
    .all(versionId) as SignatureInfo[];
}

export function signatureFiles(db: Db, versionId: number): { role: SignerRole; p7s: Uint8Array }[] {
  return (
    db
      .prepare(
        "SELECT role, p7s FROM signatures WHERE minutes_version_id = ? ORDER BY CASE role WHEN 'voorzitter' THEN 0 ELSE 1 END",
      )
      .all(versionId) as { role: SignerRole; p7s: Uint8Array }[]
  ).map((r) => ({ role: r.role, p7s: new Uint8Array(r.p7s) }));
}
