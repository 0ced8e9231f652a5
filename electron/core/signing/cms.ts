import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../../shared/errors';
import {
  certificateSerial,
  certificateSha256,
  hasSigningKeyUsage,
  importSigningKey,
  isCaCertificate,
  nameAttribute,
  nameText,
  parseCertificate,
  parseCertificates,
} from './certificates';
import { ensureCryptoEngine } from './engine';
import { OID } from './oids';

/**
 * Detached CMS signatures in the CAdES-BES profile over the exact bytes of a file (the DOCX):
 * SignedData without encapsulated content, the signer's certificate included, and the signed
 * attributes contentType, messageDigest, signingTime and ESS signingCertificateV2. Recipients verify
 * with `openssl cms -verify -binary -inform DER -in X.p7s -content X.docx -CAfile ca.pem -cades`.
 */

export interface SignOptions {
  signingTime: Date;
}

function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(crypto.createHash('sha256').update(data).digest());
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function certificateDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema().toBER(false));
}

/** ESS SigningCertificateV2 with one ESSCertIDv2: SHA-256 (the default, so omitted) and IssuerSerial. */
function signingCertificateV2(cert: pkijs.Certificate): asn1js.Sequence {
  const directoryName = new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 4 },
    value: [cert.issuer.toSchema()],
  });
  const issuerSerial = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [directoryName] }), cert.serialNumber],
  });
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificateDer(cert))) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * DER orders a SET OF by encoding. pkijs keeps the given order, and OpenSSL re-encodes the signed
 * attributes before checking the signature, so an unsorted set would fail there.
 */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }));
  return encoded.sort((x, y) => compareBytes(x.der, y.der)).map((e) => e.a);
}

/** Signs `data` with the signer's certificate (PEM) and PKCS#8 key; returns the DER `.p7s`. */
export async function signDetached(
  data: Uint8Array,
  signerCertificatePem: string,
  signerKeyPkcs8: Uint8Array,
  options: SignOptions,
): Promise<Uint8Array> {
  ensureCryptoEngine();
  const cert = parseCertificate(signerCertificatePem);
  const key = await importSigningKey(cert, signerKeyPkcs8);
  const attributes = derSorted([
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(data)) })],
    }),
    new pkijs.Attribute({
      type: OID.signingTime,
      values: [new asn1js.UTCTime({ valueDate: options.signingTime })],
    }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert)] }),
  ]);
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [cert],
  });
  await signedData.sign(key, 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

export type VerifyFailure =
  | 'malformed'
  | 'signer_certificate_missing'
  | 'missing_signed_attribute'
  | 'signing_certificate_mismatch'
  | 'unsupported_algorithm'
  | 'digest_mismatch'
  | 'bad_signature'
  | 'untrusted_signer'
  | 'certificate_not_valid_at_signing_time'
  | 'key_usage';

export interface SignerIdentity {
  commonName: string | null;
  organisation: string | null;
  userId: string | null;
  /** Which certificate: its readable subject and issuer, serial (hex) and SHA-256 fingerprint. */
  subject: string;
  issuer: string;
  serial: string;
  sha256: string;
}

export interface VerifyResult {
  valid: boolean;
  /** Why it is not valid; null when it is. */
  reason: VerifyFailure | null;
  /** Known as soon as the signer's certificate is found, also for an invalid signature. */
  signer: SignerIdentity | null;
  /** ISO timestamp as the signer's machine stated it (CAdES-BES carries no trusted time). */
  signingTime: string | null;
}

class VerifyError extends Error {
  constructor(readonly reason: VerifyFailure) {
    super(reason);
  }
}

function parseSignedData(p7s: Uint8Array): pkijs.SignedData {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(p7s);
    if (contentInfo.contentType !== OID.signedData) throw new VerifyError('malformed');
    return new pkijs.SignedData({ schema: contentInfo.content });
  } catch (e) {
    throw e instanceof VerifyError ? e : new VerifyError('malformed');
  }
}

/** The first value of a signed attribute, still to be checked for its ASN.1 type by the caller. */
function signedAttribute(signerInfo: pkijs.SignerInfo, type: string): unknown {
  const value: unknown = signerInfo.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
  if (value === undefined) throw new VerifyError('missing_signed_attribute');
  return value;
}

function findSignerCertificate(
  signedData: pkijs.SignedData,
  signerInfo: pkijs.SignerInfo,
): pkijs.Certificate {
  const sid: unknown = signerInfo.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) throw new VerifyError('signer_certificate_missing');
  const cert = signedData.certificates?.find(
    (c): c is pkijs.Certificate =>
      c instanceof pkijs.Certificate &&
      c.issuer.isEqual(sid.issuer) &&
      c.serialNumber.isEqual(sid.serialNumber),
  );
  if (!cert) throw new VerifyError('signer_certificate_missing');
  return cert;
}

/** The ESS attribute must name exactly this certificate, so a certificate cannot be swapped in. */
function checkSigningCertificate(signerInfo: pkijs.SignerInfo, cert: pkijs.Certificate): void {
  const ess = signedAttribute(signerInfo, OID.signingCertificateV2);
  const certs = ess instanceof asn1js.Sequence ? ess.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) throw new VerifyError('malformed');
  const certId = first.valueBlock.value;
  // A leading AlgorithmIdentifier means a hash other than the SHA-256 default.
  if (certId[0] instanceof asn1js.Sequence) throw new VerifyError('unsupported_algorithm');
  const hash = certId[0] instanceof asn1js.OctetString ? certId[0].valueBlock.valueHexView : null;
  if (!hash || compareBytes(hash, sha256(certificateDer(cert))) !== 0)
    throw new VerifyError('signing_certificate_mismatch');
}

function checkDigest(signerInfo: pkijs.SignerInfo, data: Uint8Array): void {
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256) throw new VerifyError('unsupported_algorithm');
  const contentType = signedAttribute(signerInfo, OID.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.data)
    throw new VerifyError('malformed');
  const digest = signedAttribute(signerInfo, OID.messageDigest);
  if (!(digest instanceof asn1js.OctetString)) throw new VerifyError('malformed');
  if (compareBytes(digest.valueBlock.valueHexView, sha256(data)) !== 0)
    throw new VerifyError('digest_mismatch');
}

function signingTimeOf(signerInfo: pkijs.SignerInfo): Date {
  const time = signedAttribute(signerInfo, OID.signingTime);
  if (time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime) return time.toDate();
  throw new VerifyError('malformed');
}

function validAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.value.getTime();
}

const MAX_CHAIN = 5;

/**
 * Walks from the signer's certificate through the given CA certificates to a self-signed one, each
 * link checked by signature and valid at signing time: like `openssl -CAfile`, every certificate in
 * the file may serve as an issuer, and the chain must end at a root in it. Only the given
 * certificates count: whatever the signature itself carries besides the signer's own is ignored.
 * An issuer must be a CA (basicConstraints cA), so a leaf in the trusted set cannot issue.
 */
async function checkIssuedBy(cert: pkijs.Certificate, cas: pkijs.Certificate[], at: Date): Promise<void> {
  let current = cert;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    let issuer: pkijs.Certificate | undefined;
    for (const ca of cas) {
      if (
        ca.subject.isEqual(current.issuer) &&
        isCaCertificate(ca) &&
        (await current.verify(ca).catch(() => false))
      ) {
        issuer = ca;
        break;
      }
    }
    if (!issuer) throw new VerifyError('untrusted_signer');
    if (!validAt(current, at) || !validAt(issuer, at))
      throw new VerifyError('certificate_not_valid_at_signing_time');
    if (issuer.subject.isEqual(issuer.issuer)) {
      if (!hasSigningKeyUsage(cert)) throw new VerifyError('key_usage');
      return;
    }
    current = issuer;
  }
  throw new VerifyError('untrusted_signer');
}

/**
 * Whether a certificate chains, through the trusted certificates (PEM) alone, to a trusted root at
 * `at`: null when it does, else the reason (the same rules as verification, so what is accepted here
 * also verifies in the app and with openssl against the exported ca.pem).
 */
export async function chainProblem(
  cert: pkijs.Certificate,
  trustedPem: string,
  at: Date,
): Promise<VerifyFailure | null> {
  ensureCryptoEngine();
  try {
    await checkIssuedBy(cert, parseCertificates(trustedPem), at);
    return null;
  } catch (e) {
    if (e instanceof VerifyError) return e.reason;
    throw e;
  }
}

/**
 * Checks a detached signature over `data` against the trusted certificates (PEM: the environment's CA
 * and the roots the beheerder added; see signing/trust.ts). Never throws for a bad signature: the answer says
 * why it is not valid. Throws BAD_INPUT only when the CA file itself is unreadable.
 */
export async function verifyDetached(
  data: Uint8Array,
  p7s: Uint8Array,
  caCertificatesPem: string,
): Promise<VerifyResult> {
  ensureCryptoEngine();
  let cas: pkijs.Certificate[];
  try {
    cas = parseCertificates(caCertificatesPem);
  } catch {
    throw new AppError('BAD_INPUT', 'The CA certificate is not a readable PEM certificate');
  }
  let signer: SignerIdentity | null = null;
  let signingTime: Date | null = null;
  try {
    const signedData = parseSignedData(p7s);
    const signerInfo = signedData.signerInfos[0];
    if (signedData.signerInfos.length !== 1 || !signerInfo || signedData.encapContentInfo.eContent)
      throw new VerifyError('malformed');
    const cert = findSignerCertificate(signedData, signerInfo);
    signer = {
      commonName: nameAttribute(cert.subject, OID.commonName),
      organisation: nameAttribute(cert.subject, OID.organisationName),
      userId: nameAttribute(cert.subject, OID.userId),
      subject: nameText(cert.subject),
      issuer: nameText(cert.issuer),
      serial: certificateSerial(cert),
      sha256: certificateSha256(cert),
    };
    signingTime = signingTimeOf(signerInfo);
    checkSigningCertificate(signerInfo, cert);
    checkDigest(signerInfo, data);
    const verified = await signedData
      .verify({ signer: 0, data: toArrayBuffer(data), checkChain: false, extendedMode: true })
      .then((r) => r.signatureVerified === true)
      .catch(() => false);
    if (!verified) throw new VerifyError('bad_signature');
    await checkIssuedBy(cert, cas, signingTime);
    return { valid: true, reason: null, signer, signingTime: signingTime.toISOString() };
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return { valid: false, reason: e.reason, signer, signingTime: signingTime?.toISOString() ?? null };
  }
}
