import crypto, { type webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ensureCryptoEngine, subtle } from './engine';
import { OID } from './oids';
import { allFromPem, fromPem, toPem } from './pem';

/**
 * The environment's own certificate authority and the user certificates it issues.
 *
 * Keys are ECDSA P-256 with SHA-256: OpenSSL, Windows and Adobe all verify it, a key pair takes a
 * millisecond instead of the seconds an RSA-3072 pair can take, and signatures stay small. Imported
 * RSA certificates (e.g. PKIoverheid) still sign and verify: see `importSigningKey`.
 */

/** A certificate (PEM) with its private key (PKCS#8 DER); the caller protects the key at rest. */
export interface KeyedCertificate {
  certificatePem: string;
  privateKeyPkcs8: Uint8Array;
}

export type CertificateAuthority = KeyedCertificate;
export type UserCertificate = KeyedCertificate;

export interface UserIdentity {
  displayName: string;
  organisation: string;
  userId: string | number;
}

export interface ValidityOptions {
  /** Start of validity; now when left out. */
  now?: Date;
  years?: number;
}

const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
// Issued certificates start a day early so a verifier whose clock runs behind still accepts them.
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export function parseCertificate(pem: string): pkijs.Certificate {
  return pkijs.Certificate.fromBER(fromPem(pem, 'CERTIFICATE'));
}

/** Every certificate of a PEM bundle (a CA file may hold a chain); throws when there is none. */
export function parseCertificates(pem: string): pkijs.Certificate[] {
  const certs = allFromPem(pem, 'CERTIFICATE').map((der) => pkijs.Certificate.fromBER(der));
  if (certs.length === 0) throw new Error('No certificate in the PEM text');
  return certs;
}

/** KeyUsage, when present, must allow digitalSignature or nonRepudiation for a signing certificate. */
export function hasSigningKeyUsage(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!ext) return true;
  const bits = (ext.parsedValue as asn1js.BitString | undefined)?.valueBlock.valueHexView[0] ?? 0;
  return (bits & (DIGITAL_SIGNATURE | NON_REPUDIATION)) !== 0;
}

/**
 * Whether a certificate may issue others: basicConstraints with cA set (RFC 5280 4.2.1.9) and, when a
 * KeyUsage is present, keyCertSign. What openssl requires of every issuer in a chain too.
 */
export function isCaCertificate(cert: pkijs.Certificate): boolean {
  const bc = cert.extensions?.find((e) => e.extnID === OID.basicConstraints)?.parsedValue as
    pkijs.BasicConstraints | undefined;
  if (bc?.cA !== true) return false;
  const ku = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!ku) return true;
  const bits = (ku.parsedValue as asn1js.BitString | undefined)?.valueBlock.valueHexView[0] ?? 0;
  return (bits & KEY_CERT_SIGN) !== 0;
}

/** Why a certificate's public key is not acceptable, or null: RSA under 2048 bits is too weak. */
export type KeyProblem = 'weak_key' | 'unsupported_key';
const ACCEPTED_CURVES = ['prime256v1', 'secp384r1', 'secp521r1'];
export function keyProblem(cert: pkijs.Certificate): KeyProblem | null {
  let key: crypto.KeyObject;
  try {
    const spki = Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false));
    key = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch {
    return 'unsupported_key';
  }
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa') return (details?.modulusLength ?? 0) < 2048 ? 'weak_key' : null;
  if (key.asymmetricKeyType === 'ec')
    return ACCEPTED_CURVES.includes(details?.namedCurve ?? '') ? null : 'unsupported_key';
  return 'unsupported_key';
}

/** SHA-256 of the DER certificate, lower-case hex: the fingerprint publishers state for their roots. */
export function certificateSha256(cert: pkijs.Certificate): string {
  return crypto
    .createHash('sha256')
    .update(new Uint8Array(cert.toSchema().toBER(false)))
    .digest('hex');
}

/** The serial number as lower-case hex without leading zero bytes, as `openssl x509 -serial` shows it. */
export function certificateSerial(cert: pkijs.Certificate): string {
  const hex = Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex');
  return hex.replace(/^(00)+(?=..)/, '');
}

const NAME_LABELS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** A readable distinguished name, "CN=…, O=…, C=…", most specific first as people read it. */
export function nameText(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map(
      (tv) =>
        `${NAME_LABELS[tv.type] ?? tv.type}=${String((tv.value.valueBlock as { value: unknown }).value)}`,
    )
    .join(', ');
}

export function certificatePem(cert: pkijs.Certificate): string {
  return toPem('CERTIFICATE', new Uint8Array(cert.toSchema().toBER(false)));
}

/** The value of one attribute (CN, O, UID) of a name, or null. */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((tv) => tv.type === oid);
  return found ? String((found.value.valueBlock as { value: unknown }).value) : null;
}

/**
 * A name with one attribute per RDN ("CN=…, O=…"). pkijs would put all attributes in a single,
 * multi-valued RDN ("CN=… + O=…"), so the encoding is built here and parsed back.
 */
function distinguishedName(attributes: [string, string][]): pkijs.RelativeDistinguishedNames {
  const rdns = attributes.map(
    ([type, value]) =>
      new asn1js.Set({
        value: [
          new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }).toSchema(),
        ],
      }),
  );
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

function extension(
  extnID: string,
  critical: boolean,
  value: asn1js.BaseBlock | { toSchema(): asn1js.BaseBlock },
): pkijs.Extension {
  const schema = 'toSchema' in value ? value.toSchema() : value;
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) });
}

/** KeyUsage bits, DER-style: trailing zero bits are counted as unused. */
function keyUsage(bits: number): asn1js.BitString {
  let unused = 0;
  while (unused < 7 && (bits & (1 << unused)) === 0) unused++;
  return new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: unused });
}
const DIGITAL_SIGNATURE = 0x80;
const NON_REPUDIATION = 0x40;
const KEY_CERT_SIGN = 0x04;
const CRL_SIGN = 0x02;

function randomSerial(): asn1js.Integer {
  const bytes = crypto.randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40; // positive, and no leading zero byte to strip
  return new asn1js.Integer({ valueHex: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 16) });
}

/** RFC 5280 key identifier: SHA-1 of the public key bits. */
function keyIdentifier(cert: pkijs.Certificate): ArrayBuffer {
  const digest = crypto
    .createHash('sha1')
    .update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
    .digest();
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength);
}

function validity(cert: pkijs.Certificate, options: ValidityOptions, defaultYears: number): void {
  const start = new Date((options.now ?? new Date()).getTime() - CLOCK_SKEW_MS);
  const end = new Date(start);
  end.setUTCFullYear(end.getUTCFullYear() + (options.years ?? defaultYears));
  cert.notBefore = new pkijs.Time({ type: 0, value: start });
  cert.notAfter = new pkijs.Time({ type: end.getUTCFullYear() >= 2050 ? 1 : 0, value: end });
}

async function newKeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
}

async function exportPkcs8(key: webcrypto.CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle.exportKey('pkcs8', key));
}

/** Imports a PKCS#8 private key for signing, with the algorithm its certificate states. */
export async function importSigningKey(
  cert: pkijs.Certificate,
  pkcs8: Uint8Array,
): Promise<webcrypto.CryptoKey> {
  const spki = cert.subjectPublicKeyInfo.algorithm;
  if (spki.algorithmId === OID.rsaEncryption) {
    return subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  }
  if (spki.algorithmId === OID.ecPublicKey) {
    const curveOid = (spki.algorithmParams as asn1js.ObjectIdentifier).valueBlock.toString();
    const namedCurve = curveOid === OID.p256 ? 'P-256' : curveOid === OID.p384 ? 'P-384' : null;
    if (namedCurve) return subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve }, false, ['sign']);
  }
  throw new Error(`Unsupported key algorithm ${spki.algorithmId}`);
}

/** A self-signed CA for one environment, created at set-up. */
export async function createCertificateAuthority(
  name: string,
  options: ValidityOptions = {},
): Promise<CertificateAuthority> {
  ensureCryptoEngine();
  const keys = await newKeyPair();
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = randomSerial();
  cert.subject = distinguishedName([
    [OID.commonName, name],
    [OID.organisationName, 'LVV Overleg'],
  ]);
  cert.issuer = cert.subject;
  validity(cert, options, 20);
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  const ski = keyIdentifier(cert);
  cert.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 })),
    extension(OID.keyUsage, true, keyUsage(KEY_CERT_SIGN | CRL_SIGN)),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: ski })),
  ];
  await cert.sign(keys.privateKey, 'SHA-256');
  return { certificatePem: certificatePem(cert), privateKeyPkcs8: await exportPkcs8(keys.privateKey) };
}

/** A key pair for a certificate request: the public key (SPKI DER) goes to the CA, the private stays. */
export async function newSigningKeyPair(): Promise<{ spki: Uint8Array; privateKeyPkcs8: Uint8Array }> {
  ensureCryptoEngine();
  const keys = await newKeyPair();
  return {
    spki: new Uint8Array(await subtle.exportKey('spki', keys.publicKey)),
    privateKeyPkcs8: await exportPkcs8(keys.privateKey),
  };
}

/** A fresh random serial (lower-case hex, as certificateSerial reads it): chosen with the request. */
export function newSerial(): string {
  return Buffer.from(randomSerial().valueBlock.valueHexView).toString('hex');
}

/** A signing certificate for one user: CN = display name, O = organisation, UID = user id. */
export async function issueUserCertificate(
  ca: CertificateAuthority,
  user: UserIdentity,
  options: ValidityOptions = {},
): Promise<UserCertificate> {
  const pair = await newSigningKeyPair();
  return {
    certificatePem: await issueCertificateForKey(ca, user, pair.spki, newSerial(), options),
    privateKeyPkcs8: pair.privateKeyPkcs8,
  };
}

/**
 * Issues a signing certificate over a public key the CA never saw the private half of (a request):
 * CN = display name, O = organisation, UID = user id; the serial was chosen with the request.
 */
export async function issueCertificateForKey(
  ca: CertificateAuthority,
  user: UserIdentity,
  spki: Uint8Array,
  serialHex: string,
  options: ValidityOptions = {},
): Promise<string> {
  ensureCryptoEngine();
  const caCert = parseCertificate(ca.certificatePem);
  const caKey = await importSigningKey(caCert, ca.privateKeyPkcs8);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: new Uint8Array(Buffer.from(serialHex, 'hex')).buffer });
  cert.issuer = caCert.subject;
  cert.subject = distinguishedName([
    [OID.commonName, user.displayName],
    [OID.organisationName, user.organisation],
    [OID.userId, String(user.userId)],
  ]);
  validity(cert, options, 5);
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(spki);
  cert.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false })),
    extension(OID.keyUsage, true, keyUsage(DIGITAL_SIGNATURE | NON_REPUDIATION)),
    extension(
      OID.extKeyUsage,
      false,
      new pkijs.ExtKeyUsage({ keyPurposes: [OID.emailProtection, OID.documentSigning] }),
    ),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyIdentifier(cert) })),
    extension(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(caCert) }),
      }),
    ),
  ];
  await cert.sign(caKey, 'SHA-256');
  return certificatePem(cert);
}
