import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ensureCryptoEngine, subtle } from '../signing/engine';
import { OID } from '../signing/oids';
import { fromPem, toPem } from '../signing/pem';

/*
 * The meeting room's certificates. Why not the environment CA itself: its key is sealed with the
 * beheerder's password (signing/ca-key.ts), so the chair could not issue with it, and its path length
 * of 0 allows no intermediate. So the room has a CA of its own, made once per environment and kept in
 * the encrypted database: it can only vouch for TLS servers (extended key usage serverAuth) on
 * private-network and loopback IP addresses (name constraints), so its key — readable by whoever
 * holds the database key — can neither sign minutes nor stand in for a website. Participants install
 * its certificate once per organisation, or compare the listener's fingerprint by eye.
 *
 * The listener's own key is new at every start and never stored; its certificate names the chosen
 * address (IP SAN) and is valid for a day.
 */

const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SKEW_MS = 60 * 60_000;
const LEAF_HOURS = 24;
const CA_YEARS = 10;

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const SUBJECT_ALT_NAME = '2.5.29.17';
const NAME_CONSTRAINTS = '2.5.29.30';
const KEY_CERT_SIGN = 0x04;
const CRL_SIGN = 0x02;
const DIGITAL_SIGNATURE = 0x80;

/** Private networks and loopback: the only addresses the room CA vouches for. */
const PERMITTED_RANGES: [string, string][] = [
  ['10.0.0.0', '255.0.0.0'],
  ['172.16.0.0', '255.240.0.0'],
  ['192.168.0.0', '255.255.0.0'],
  ['169.254.0.0', '255.255.0.0'],
  ['127.0.0.0', '255.0.0.0'],
];

export interface RoomCa {
  certificatePem: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
}

export interface RoomServerCertificate {
  keyPem: string;
  /** The listener's certificate followed by the room CA's: the chain a browser is sent. */
  chainPem: string;
  certificatePem: string;
  /** SHA-256 of the listener's certificate (DER), upper-case hex. */
  sha256: string;
  validUntil: string;
}

const ipBytes = (ip: string) => new Uint8Array(ip.split('.').map(Number));

function ext(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function usage(bits: number): asn1js.BitString {
  let unused = 0;
  while (unused < 7 && (bits & (1 << unused)) === 0) unused++;
  return new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: unused });
}

function name(cn: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: cn }) }),
      new pkijs.AttributeTypeAndValue({
        type: OID.organisationName,
        value: new asn1js.Utf8String({ value: 'LVV Overleg' }),
      }),
    ],
  });
}

function serial(): asn1js.Integer {
  const b = crypto.randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x40;
  return new asn1js.Integer({ valueHex: b.buffer.slice(b.byteOffset, b.byteOffset + 16) });
}

function keyId(cert: pkijs.Certificate): ArrayBuffer {
  const d = crypto
    .createHash('sha1')
    .update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
    .digest();
  return d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength);
}

function pem(cert: pkijs.Certificate): string {
  return toPem('CERTIFICATE', new Uint8Array(cert.toSchema(true).toBER(false)));
}

/** The room's CA for one environment (see above); made once, at the first start of the listener. */
export async function createRoomCa(city: string, now: Date): Promise<RoomCa> {
  ensureCryptoEngine();
  const keys = await subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = serial();
  cert.subject = name(`LVV Overleg ${city} vergaderzaal`);
  cert.issuer = cert.subject;
  const end = new Date(now);
  end.setUTCFullYear(end.getUTCFullYear() + CA_YEARS);
  cert.notBefore = new pkijs.Time({ type: 0, value: new Date(now.getTime() - SKEW_MS) });
  cert.notAfter = new pkijs.Time({ type: 0, value: end });
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  const permitted = [
    ...PERMITTED_RANGES.map(
      ([ip, mask]) =>
        new pkijs.GeneralSubtree({
          base: new pkijs.GeneralName({
            type: 7,
            value: new asn1js.OctetString({
              valueHex: new Uint8Array([...ipBytes(ip), ...ipBytes(mask)]).buffer,
            }),
          }),
        }),
    ),
    // No DNS name outside the reserved .invalid: the room CA cannot vouch for any website.
    new pkijs.GeneralSubtree({ base: new pkijs.GeneralName({ type: 2, value: 'invalid' }) }),
  ];
  cert.extensions = [
    ext(
      OID.basicConstraints,
      true,
      new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 }).toSchema(),
    ),
    ext(OID.keyUsage, true, usage(KEY_CERT_SIGN | CRL_SIGN)),
    ext(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [SERVER_AUTH] }).toSchema()),
    ext(NAME_CONSTRAINTS, true, new pkijs.NameConstraints({ permittedSubtrees: permitted }).toSchema()),
    ext(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId(cert) })),
  ];
  await cert.sign(keys.privateKey, 'SHA-256');
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', keys.privateKey));
  return { certificatePem: pem(cert), privateKey: pkcs8.toString('base64') };
}

/** A fresh key and a one-day certificate for the listener on `address`, issued by the room CA. */
export async function issueRoomServerCertificate(
  ca: RoomCa,
  address: string,
  now: Date,
): Promise<RoomServerCertificate> {
  ensureCryptoEngine();
  const caCert = pkijs.Certificate.fromBER(fromPem(ca.certificatePem, 'CERTIFICATE'));
  const caKey = await subtle.importKey('pkcs8', Buffer.from(ca.privateKey, 'base64'), EC_KEY, false, [
    'sign',
  ]);
  const keys = await subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = serial();
  cert.issuer = caCert.subject;
  // No address in the common name: OpenSSL would check it against the DNS constraint; the SAN names it.
  cert.subject = name('LVV Overleg vergaderzaal');
  const end = new Date(now.getTime() + LEAF_HOURS * 3600_000);
  cert.notBefore = new pkijs.Time({ type: 0, value: new Date(now.getTime() - SKEW_MS) });
  cert.notAfter = new pkijs.Time({ type: 0, value: end });
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  cert.extensions = [
    ext(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    ext(OID.keyUsage, true, usage(DIGITAL_SIGNATURE)),
    ext(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [SERVER_AUTH] }).toSchema()),
    ext(
      SUBJECT_ALT_NAME,
      false,
      new pkijs.AltName({
        altNames: [
          new pkijs.GeneralName({
            type: 7,
            value: new asn1js.OctetString({ valueHex: ipBytes(address).buffer }),
          }),
        ],
      }).toSchema(),
    ),
    ext(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId(cert) })),
    ext(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: keyId(caCert) }),
      }).toSchema(),
    ),
  ];
  await cert.sign(caKey, 'SHA-256');
  const der = Buffer.from(cert.toSchema(true).toBER(false));
  const certificatePem = pem(cert);
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', keys.privateKey));
  return {
    keyPem: toPem('PRIVATE KEY', pkcs8),
    certificatePem,
    chainPem: certificatePem + ca.certificatePem,
    sha256: crypto.createHash('sha256').update(der).digest('hex').toUpperCase(),
    validUntil: end.toISOString(),
  };
}

/** "AB12 CD34 …": a SHA-256 in groups of four, as people compare it by eye. */
export function fingerprintGroups(sha256Hex: string): string {
  return (sha256Hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
