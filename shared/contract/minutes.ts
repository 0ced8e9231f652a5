import { z } from 'zod';
import { allow, method } from './define';

/**
 * Minutes (verslag): from concept through the correction round to adopted and signed, export as DOCX
 * with detached signatures, and verification of such files. Files cross the boundary as base64.
 */

const Id = z.number().int().positive();
const MeetingRef = z.object({ meetingId: Id }).strict();
/** Base64 of at most ~20 MB of file: a DOCX of minutes is a few hundred KiB. */
const Base64File = z
  .string()
  .max(27_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not_base64');
const FileName = z.string().trim().min(1).max(255);

export const CertificateRequest = z.object({
  id: z.number().int().positive(),
  userId: z.number().int().positive(),
  name: z.string(),
  organisation: z.string(),
  requestedAt: z.string(),
});
export type CertificateRequest = z.infer<typeof CertificateRequest>;

export const MinutesState = z.enum(['concept', 'correctieronde', 'vastgesteld', 'ondertekend']);
export type MinutesState = z.infer<typeof MinutesState>;
export const SignerRole = z.enum(['voorzitter', 'secretaris']);
export type SignerRole = z.infer<typeof SignerRole>;
export const CorrectionTargetKind = z.enum(['position', 'action']);
export const CorrectionField = z.enum(['reasoning', 'information', 'conditions', 'what', 'person']);
export type CorrectionField = z.infer<typeof CorrectionField>;
export const CorrectionStatus = z.enum(['voorgesteld', 'aanvaard', 'afgewezen']);

export const MinutesSummary = z.object({
  meetingId: Id,
  date: z.string(),
  place: z.string(),
  meetingState: z.string(),
  version: z.number().int(),
  state: MinutesState,
  signatures: z.number().int(),
});
export type MinutesSummary = z.infer<typeof MinutesSummary>;

export const SignatureInfo = z.object({
  role: SignerRole,
  name: z.string(),
  organisation: z.string(),
  signedAt: z.string(),
});

export const MinutesVersionInfo = z.object({
  version: z.number().int(),
  state: MinutesState,
  createdAt: z.string(),
  adoptedAt: z.string().nullable(),
  docxSha256: z.string().nullable(),
  contentSha256: z.string().nullable(),
  auditHead: z.string().nullable(),
  signatures: z.array(SignatureInfo),
});
export type MinutesVersionInfo = z.infer<typeof MinutesVersionInfo>;

export const CorrectionTarget = z.object({
  kind: CorrectionTargetKind,
  id: Id,
  organisation: z.string(),
  dossierNumber: z.string().nullable(),
  dossierInitials: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
});
export type CorrectionTarget = z.infer<typeof CorrectionTarget>;

export const Correction = z.object({
  id: Id,
  version: z.number().int(),
  organisation: z.string(),
  targetKind: CorrectionTargetKind,
  targetId: Id,
  dossierNumber: z.string().nullable(),
  field: z.string(),
  originalText: z.string(),
  proposedText: z.string(),
  status: CorrectionStatus,
  decisionReason: z.string().nullable(),
  proposedBy: z.string(),
  /** The proposer's own organisation (the secretary may propose for another organisation's record). */
  proposedByOrganisation: z.string().nullable(),
  /** Who accepted or rejected it (the secretary), once decided. */
  decidedBy: z.string().nullable(),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Correction = z.infer<typeof Correction>;

export const MinutesDetail = z.object({
  meetingId: Id,
  city: z.string(),
  date: z.string(),
  place: z.string(),
  chair: z.string(),
  secretary: z.string(),
  version: z.number().int(),
  state: MinutesState,
  /** The records changed after this version was adopted: a new version would differ. */
  changedSinceAdoption: z.boolean(),
  versions: z.array(MinutesVersionInfo),
  corrections: z.array(Correction),
  /** What the caller may correct: their own organisation's positions and actions (all, for the secretary). */
  targets: z.array(CorrectionTarget),
  /** The role the caller would sign in, or null when they do not sign these minutes. */
  mySignerRole: SignerRole.nullable(),
  /** Who must still be recorded on the meeting (as chair, as secretary) before adoption: they sign. */
  missingSigners: z.array(SignerRole),
  organisations: z.array(z.object({ id: Id, name: z.string() })),
  dossiers: z.array(z.object({ number: z.string(), initials: z.string() })),
});
export type MinutesDetail = z.infer<typeof MinutesDetail>;

/** What an extract covers; the full minutes are a method of their own (`minutes.exportFull`). */
export const ExtractScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation'), organisationId: Id }).strict(),
  z
    .object({
      kind: z.literal('dossier'),
      dossierNumber: z.string().trim().min(1).max(40),
      organisationId: Id.optional(),
    })
    .strict(),
]);
export type ExtractScope = z.infer<typeof ExtractScope>;

export const ExportedFile = z.object({ name: z.string(), mediaType: z.string(), base64: z.string() });
export type ExportedFile = z.infer<typeof ExportedFile>;
const Version = z.number().int().positive();
export const ExportResult = z.object({
  version: z.number().int(),
  state: MinutesState,
  files: z.array(ExportedFile),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const VerifyReason = z.enum([
  'malformed',
  'signer_certificate_missing',
  'missing_signed_attribute',
  'signing_certificate_mismatch',
  'unsupported_algorithm',
  'digest_mismatch',
  'bad_signature',
  'untrusted_signer',
  'certificate_not_valid_at_signing_time',
  'key_usage',
]);
export type VerifyReason = z.infer<typeof VerifyReason>;

/** Why a signing certificate was revoked: reset by the beheerder, replaced, stored unprotected before, lost. */
export const RevocationReason = z.enum(['password_reset', 'superseded', 'unprotected_key', 'key_unreadable']);
export type RevocationReason = z.infer<typeof RevocationReason>;

/** The certificate a signature was made with, as found inside the signature. */
export const SigningCertificate = z.object({
  /** The readable distinguished names, "CN=…, O=…, UID=…", of the certificate and its issuer. */
  subject: z.string(),
  issuer: z.string(),
  /** Serial number, lower-case hex. */
  serial: z.string(),
  /** SHA-256 of the DER certificate, lower-case hex. */
  sha256: z.string(),
  /**
   * Whether this environment issued it (or accepted it as an import) for a person: false for a
   * certificate nobody here holds; null when not asked (a file's CA, or the command line).
   */
  registered: z.boolean().nullable(),
  /** When it was revoked since; null when it was not (or, on the command line, when no list says so). */
  revokedAt: z.string().nullable(),
  revokedReason: RevocationReason.nullable(),
});
export type SigningCertificate = z.infer<typeof SigningCertificate>;

export const SignatureCheck = z.object({
  file: z.string(),
  role: SignerRole.nullable(),
  valid: z.boolean(),
  reason: VerifyReason.nullable(),
  signer: z.object({ name: z.string().nullable(), organisation: z.string().nullable() }).nullable(),
  signingTime: z.string().nullable(),
  certificate: SigningCertificate.nullable(),
});
export type SignatureCheck = z.infer<typeof SignatureCheck>;

export const MinutesVerification = z.object({
  documentSha256: z.string(),
  signatures: z.array(SignatureCheck),
  allValid: z.boolean(),
  /** This exact document is a stored version of minutes in this environment. */
  knownVersion: z.object({ meetingId: Id, date: z.string(), version: z.number().int() }).nullable(),
  caSource: z.enum(['environment', 'file']),
});
export type MinutesVerification = z.infer<typeof MinutesVerification>;

/** The caller's signing certificate, as shown in "Mijn account". */
export const CertificateInfo = z.object({
  subject: z.string().nullable(),
  organisation: z.string().nullable(),
  issuer: z.string().nullable(),
  validUntil: z.string(),
  /** Imported by the user (PKCS#12) rather than issued by the environment's CA. */
  imported: z.boolean(),
  /** Issuer certificates the imported file carried (kept to show; never trusted). */
  chainLength: z.number().int(),
  /** Serial number and SHA-256 fingerprint: what a verification of this person's signatures shows. */
  serial: z.string(),
  sha256: z.string(),
});
export type CertificateInfo = z.infer<typeof CertificateInfo>;

export const minutesMethods = {
  'minutes.list': method({
    input: z.object({}).strict(),
    output: z.array(MinutesSummary),
    access: allow('minutes.list'),
  }),
  'minutes.get': method({ input: MeetingRef, output: MinutesDetail, access: allow('minutes.read') }),
  'minutes.startCorrections': method({
    input: MeetingRef,
    output: MinutesDetail,
    access: allow('minutes.manage'),
  }),
  'minutes.proposeCorrection': method({
    input: z
      .object({
        meetingId: Id,
        targetKind: CorrectionTargetKind,
        targetId: Id,
        field: CorrectionField,
        text: z.string().trim().min(1).max(4000),
      })
      .strict(),
    output: MinutesDetail,
    access: allow('minutes.proposeCorrection'),
  }),
  'minutes.decideCorrection': method({
    input: z.object({ correctionId: Id, accept: z.boolean(), reason: z.string().trim().max(2000) }).strict(),
    output: MinutesDetail,
    access: allow('minutes.decideCorrection'),
  }),
  'minutes.adopt': method({
    input: MeetingRef,
    output: MinutesDetail,
    access: allow('minutes.manage'),
  }),
  'minutes.sign': method({
    // The signer types their password again: a signature is a deliberate act of that person, not of
    // whoever finds the session open.
    input: z.object({ meetingId: Id, password: z.string().min(1).max(256) }).strict(),
    output: MinutesDetail,
    access: allow('minutes.manage'),
  }),
  'minutes.newVersion': method({
    input: MeetingRef,
    output: MinutesDetail,
    access: allow('minutes.manage'),
  }),
  /** The full minutes with their signatures and ca.pem: for the chair and the secretary. */
  'minutes.exportFull': method({
    input: z.object({ meetingId: Id, version: Version.optional() }).strict(),
    output: ExportResult,
    access: allow('minutes.exportFull'),
  }),
  /**
   * An extract: one organisation's records (all dossiers or one), or one dossier. Participants get
   * their own organisation's; other organisations' and whole-dossier extracts are for the chair and
   * the secretary (FORBIDDEN with reason `own_extract_only`).
   */
  'minutes.exportExtract': method({
    input: z.object({ meetingId: Id, scope: ExtractScope, version: Version.optional() }).strict(),
    output: ExportResult,
    access: allow('minutes.exportExtract'),
  }),
  'minutes.verify': method({
    input: z
      .object({
        docx: z.object({ name: FileName, base64: Base64File }).strict(),
        signatures: z
          .array(z.object({ name: FileName, base64: Base64File }).strict())
          .min(1)
          .max(10),
        caPem: z.string().max(100_000).optional(),
      })
      .strict(),
    output: MinutesVerification,
    access: allow('minutes.verify'),
  }),
  /** The caller's own signing certificate; null until they sign or import one. */
  'certificates.mine': method({
    input: z.object({}).strict(),
    output: CertificateInfo.nullable(),
    access: allow('minutes.manage'),
  }),
  /** Imports the caller's own certificate and key from PKCS#12 (.p12/.pfx); later signatures use it. */
  'certificates.import': method({
    input: z
      .object({
        p12: Base64File.max(1_000_000).min(1),
        passphrase: z.string().max(1000),
        // The account's own password: the imported key is stored wrapped with it, as every signing key.
        password: z.string().min(1).max(256),
      })
      .strict(),
    output: CertificateInfo,
    access: allow('minutes.manage'),
  }),
  /**
   * Asks for a signing certificate (Mijn account; the first signature does the same): the key pair is
   * made here, its private key wrapped with the account's own password; the beheerder approves.
   */
  'certificates.request': method({
    input: z.object({ password: z.string().min(1).max(256) }).strict(),
    output: z.object({ pending: z.literal(true) }),
    access: allow('minutes.manage'),
  }),
  /** The requests waiting for the beheerder's approval. */
  'certificates.requests': method({
    input: z.object({}).strict(),
    output: z.array(CertificateRequest),
    access: allow('certificates.issue'),
  }),
  /**
   * Issues the requested certificate: the beheerder types their own password, which unwraps the CA's
   * key for this one issuance. CONFLICT `ca_not_keeper`, `ca_key_unavailable` or `request_gone`.
   */
  'certificates.approve': method({
    input: z.object({ requestId: Id, password: z.string().min(1).max(256) }).strict(),
    output: z.array(CertificateRequest),
    access: allow('certificates.issue'),
  }),
  'minutes.settings.get': method({
    input: z.object({}).strict(),
    output: z.object({ fullNames: z.boolean() }),
    access: allow('environment.read'),
  }),
  'minutes.settings.update': method({
    input: z.object({ fullNames: z.boolean() }).strict(),
    output: z.object({ fullNames: z.boolean() }),
    access: allow('minutes.settings'),
  }),
} as const;
