import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  importSigningKey,
  nameText,
  parseCertificate,
  parseCertificates,
  type CertificateAuthority,
} from './certificates';
import { ensureCryptoEngine } from './engine';
import { allFromPem, toPem } from './pem';

/**
 * The environment's revocation list (an X.509 CRL signed by its CA), exported inside ca.pem beside the
 * CA certificates, so that a recipient's `verify` — which opens no database — can say whether the
 * certificate that signed was revoked since, and when. Only certificates this CA issued can be on it:
 * a revoked imported certificate is this environment's decision, not its issuer's, and shows only in
 * the app. openssl ignores the list unless asked (-crl_check), so the signatures verify as before.
 */

const CRL_LABEL = 'X509 CRL';

/** A serial as stored (hex, no leading zero bytes) as a positive ASN.1 INTEGER. */
function serialInteger(serialHex: string): asn1js.Integer {
  const even = serialHex.length % 2 === 0 ? serialHex : `0${serialHex}`;
  const positive = /^[89a-f]/i.test(even) ? `00${even}` : even;
  return new asn1js.Integer({ valueHex: new Uint8Array(Buffer.from(positive, 'hex')).buffer });
}

/** The CRL, PEM, signed by the CA, as of `now`. */
export async function buildRevocationList(
  ca: CertificateAuthority,
  revoked: { serial: string; revokedAt: string }[],
  now: Date,
): Promise<string> {
  ensureCryptoEngine();
  const caCert = parseCertificate(ca.certificatePem);
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = caCert.subject;
  crl.thisUpdate = new pkijs.Time({ type: 0, value: now });
  if (revoked.length > 0) {
    crl.revokedCertificates = revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: serialInteger(r.serial),
          revocationDate: new pkijs.Time({ type: 0, value: new Date(r.revokedAt) }),
        }),
    );
  }
  await crl.sign(await importSigningKey(caCert, ca.privateKeyPkcs8), 'SHA-256');
  // pkijs types a CRL's schema as any; it is the signed CertificateList SEQUENCE.
  const schema = crl.toSchema() as asn1js.Sequence;
  return toPem(CRL_LABEL, new Uint8Array(schema.toBER(false)));
}

/** What the lists in a CA file say: per issuer, since when a serial is revoked, and as of when. */
export interface RevocationLists {
  /** Issuers (readable subject) with a list whose signature verified, and that list's date. */
  issuers: Map<string, string>;
  /** `${issuer}|${serial}` → revocation date (ISO). */
  revoked: Map<string, string>;
}

/**
 * Reads the CRLs in a CA file; a list counts only when its signature verifies with a CA certificate of
 * the same file (one the recipient trusts already), so nobody can add or drop an entry on the way.
 */
export async function readRevocationLists(caPem: string): Promise<RevocationLists> {
  ensureCryptoEngine();
  const lists: RevocationLists = { issuers: new Map(), revoked: new Map() };
  const cas = parseCertificates(caPem);
  for (const der of allFromPem(caPem, CRL_LABEL)) {
    let crl: pkijs.CertificateRevocationList;
    try {
      crl = pkijs.CertificateRevocationList.fromBER(der);
    } catch {
      continue;
    }
    const issuerCertificate = cas.find((c) => c.subject.isEqual(crl.issuer));
    if (!issuerCertificate) continue;
    const verified = await crl.verify({ issuerCertificate }).catch(() => false);
    if (!verified) continue;
    const issuer = nameText(crl.issuer);
    lists.issuers.set(issuer, crl.thisUpdate.value.toISOString());
    for (const r of crl.revokedCertificates ?? []) {
      const serial = Buffer.from(r.userCertificate.valueBlock.valueHexView)
        .toString('hex')
        .replace(/^(00)+(?=..)/, '');
      lists.revoked.set(`${issuer}|${serial}`, r.revocationDate.value.toISOString());
    }
  }
  return lists;
}
