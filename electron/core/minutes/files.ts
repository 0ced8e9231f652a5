import { AppError } from '../../../shared/errors';
import type { SigningCertificate } from '../../../shared/contract/minutes';
import type { Db } from '../db/open';
import { verifyDetached, type VerifyFailure } from '../signing/cms';
import { trustedCertificatesPem } from '../signing/trust';
import type { RevocationLists } from '../signing/revocations';
import { revocationListPem } from '../signing/ca-store';
import { docxStyle } from '../../../shared/theme/docx';
import { getSetting } from '../settings/settings';
import { packMinutesDocx } from './build-docx';
import type { MinutesModel, MinutesState } from './model';
import { restrictToDossier, restrictToOrganisation } from './restrict';
import { signatureFiles } from './signatures';
import {
  frozenDocx,
  latestVersion,
  listVersions,
  requireMeeting,
  sha256Hex,
  versionModel,
  type VersionRow,
} from './versions';

/**
 * The files a recipient gets, and their check. The full minutes of an adopted version are its frozen
 * DOCX bytes with one `.p7s` per signer and, as `ca.pem`, what this environment trusts: its own CA and
 * the roots the beheerder added (never a chain that came inside someone's PKCS#12), so that
 *   openssl cms -verify -binary -inform DER -in X.p7s -content X.docx -CAfile ca.pem -cades -out /dev/null
 * works without this app. Extracts are separate documents built from the same content; they are not
 * signed (what was signed is the full minutes).
 */

export interface ExportFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

export type ExportScope =
  | { kind: 'full' }
  | { kind: 'organisation'; organisation: string }
  | { kind: 'dossier'; dossierNumber: string; organisation?: string | undefined };

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const P7S_TYPE = 'application/pkcs7-signature';
const PEM_TYPE = 'application/x-pem-file';

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** "verslag-demostad-2026-04-14" (version 1) or "verslag-demostad-2026-04-14-v2". */
export function fileStem(model: Pick<MinutesModel, 'city' | 'meeting' | 'version'>): string {
  const base = `verslag-${slug(model.city)}-${model.meeting.date}`;
  return model.version > 1 ? `${base}-v${model.version}` : base;
}

function restricted(model: MinutesModel, scope: ExportScope): { model: MinutesModel; suffix: string } {
  if (scope.kind === 'organisation') {
    return {
      model: restrictToOrganisation(model, scope.organisation),
      suffix: `-uittreksel-${slug(scope.organisation)}`,
    };
  }
  if (scope.kind === 'dossier') {
    const one = restrictToDossier(model, scope.dossierNumber);
    return scope.organisation
      ? {
          model: restrictToOrganisation(one, scope.organisation),
          suffix: `-dossier-${slug(scope.dossierNumber)}-${slug(scope.organisation)}`,
        }
      : { model: one, suffix: `-dossier-${slug(scope.dossierNumber)}` };
  }
  return { model, suffix: '' };
}

export interface MinutesExport {
  version: number;
  state: MinutesState;
  files: ExportFile[];
}

function chooseVersion(db: Db, meetingId: number, version: number | undefined): VersionRow | null {
  if (version === undefined) return latestVersion(db, meetingId);
  const row = listVersions(db, meetingId).find((v) => v.version === version);
  if (!row) throw new AppError('NOT_FOUND', 'No such version of these minutes', { info: { version } });
  return row;
}

export async function exportMinutes(
  db: Db,
  meetingId: number,
  scope: ExportScope,
  options: { at: string; now: Date; version?: number | undefined },
): Promise<MinutesExport> {
  requireMeeting(db, meetingId);
  const row = chooseVersion(db, meetingId, options.version);
  const model = versionModel(db, meetingId, row, options.at);
  const stem = fileStem(model);
  const state = row?.state ?? 'concept';
  const version = row?.version ?? 1;
  const adopted = row ? frozenDocx(db, row.id) : null;
  if (scope.kind === 'full' && adopted && row) {
    const signatures = signatureFiles(db, row.id);
    // What the environment trusts, and after it the revocation list of its own CA.
    const trusted = trustedCertificatesPem(db);
    // Signed by the CA whenever its keeper last unlocked it (an approval): store.ts refreshRevocationList.
    const crl = revocationListPem(db);
    return {
      version,
      state,
      files: [
        { name: `${stem}.docx`, mediaType: DOCX_TYPE, bytes: adopted },
        ...signatures.map((s) => ({
          name: `${stem}.${s.role}.p7s`,
          mediaType: P7S_TYPE,
          bytes: s.p7s,
        })),
        { name: 'ca.pem', mediaType: PEM_TYPE, bytes: new TextEncoder().encode(trusted + crl) },
      ],
    };
  }
  const { model: scoped, suffix } = restricted(model, scope);
  return {
    version,
    state,
    files: [
      {
        name: `${stem}${suffix}.docx`,
        mediaType: DOCX_TYPE,
        bytes: await packMinutesDocx(scoped, docxStyle(getSetting(db, 'theme'))),
      },
    ],
  };
}

// --- verification -------------------------------------------------------------------------------------

export interface SignatureCheck {
  file: string;
  /** From the file name ("….voorzitter.p7s"); null when the name does not say. */
  role: 'voorzitter' | 'secretaris' | null;
  valid: boolean;
  reason: VerifyFailure | null;
  signer: { name: string | null; organisation: string | null } | null;
  signingTime: string | null;
  certificate: SigningCertificate | null;
}

/** What is known about a signing certificate besides the signature: where it is registered, revoked. */
export type CertificateStatus = Pick<SigningCertificate, 'registered' | 'revokedAt' | 'revokedReason'>;

/**
 * Looks up a certificate by its SHA-256 and serial: the app asks its database, the command line the
 * revocation list exported beside the minutes (revocations.ts). Without one, nothing is known.
 */
export type CertificateStatusLookup = (certificate: {
  sha256: string;
  serial: string;
  issuer: string;
}) => CertificateStatus;

/** For the command line: what the revocation lists inside ca.pem say (revocations.ts). */
export function statusFromLists(lists: RevocationLists): CertificateStatusLookup {
  return ({ issuer, serial }) => ({
    registered: null,
    revokedAt: lists.revoked.get(`${issuer}|${serial}`) ?? null,
    revokedReason: null,
  });
}

const unknownStatus: CertificateStatusLookup = () => ({
  registered: null,
  revokedAt: null,
  revokedReason: null,
});

export interface MinutesVerification {
  documentSha256: string;
  signatures: SignatureCheck[];
  /** True only when there is at least one signature and every one is valid. */
  allValid: boolean;
}

export function roleFromFileName(name: string): SignatureCheck['role'] {
  const m = /\.(voorzitter|secretaris)\.p7s$/i.exec(name);
  return m ? (m[1]!.toLowerCase() as 'voorzitter' | 'secretaris') : null;
}

/** Checks each signature file against the document and the CA. Needs no database. */
export async function verifyMinutes(
  docx: Uint8Array,
  signatures: { name: string; bytes: Uint8Array }[],
  caPem: string,
  statusOf: CertificateStatusLookup = unknownStatus,
): Promise<MinutesVerification> {
  const checks: SignatureCheck[] = [];
  for (const s of signatures) {
    const r = await verifyDetached(docx, s.bytes, caPem);
    checks.push({
      file: s.name,
      role: roleFromFileName(s.name),
      valid: r.valid,
      reason: r.reason,
      signer: r.signer ? { name: r.signer.commonName, organisation: r.signer.organisation } : null,
      signingTime: r.signingTime,
      certificate: r.signer
        ? {
            subject: r.signer.subject,
            issuer: r.signer.issuer,
            serial: r.signer.serial,
            sha256: r.signer.sha256,
            ...statusOf(r.signer),
          }
        : null,
    });
  }
  return {
    documentSha256: sha256Hex(docx),
    signatures: checks,
    allValid: checks.length > 0 && checks.every((c) => c.valid),
  };
}

/** Why a signature is not valid, in Dutch, for the command line (the app has its own texts in i18n). */
export const verifyReasonNl: Record<VerifyFailure, string> = {
  malformed: 'het handtekeningbestand is geen leesbare CMS-handtekening',
  signer_certificate_missing: 'het certificaat van de ondertekenaar ontbreekt in de handtekening',
  missing_signed_attribute: 'de handtekening mist een verplicht ondertekend kenmerk',
  signing_certificate_mismatch: 'het certificaat hoort niet bij deze handtekening',
  unsupported_algorithm: 'de handtekening gebruikt een niet-ondersteund algoritme',
  digest_mismatch: 'het document is gewijzigd: de bytes komen niet overeen met wat is ondertekend',
  bad_signature: 'de handtekening zelf klopt niet',
  untrusted_signer: 'de ondertekenaar is niet uitgegeven door een vertrouwde certificaatautoriteit',
  certificate_not_valid_at_signing_time: 'het certificaat was niet geldig op het moment van ondertekenen',
  key_usage: 'het certificaat is niet bedoeld voor ondertekenen',
};
