import type * as pkijs from 'pkijs';
import type { TrustedCertificate, TrustRootRefusal } from '../../../shared/contract/trust';
import type { Db } from '../db/open';
import {
  certificatePem,
  certificateSha256,
  isCaCertificate,
  keyProblem,
  nameText,
  parseCertificate,
  parseCertificates,
} from './certificates';
import { environmentCaCertificate } from './ca-store';
import { listTrustedRootRows, trustedRootBySha256 } from './trust-repo';

/**
 * What this environment trusts for signatures (issue 8, item 4): its own CA plus the certificates the
 * beheerder added. Nothing else: not the issuer chain a PKCS#12 file carries (anyone can make a root
 * named "Staat der Nederlanden" and put it in a .p12), not what a signature carries. `minutes.verify`,
 * the PKCS#12 import and the exported ca.pem all read this one list.
 */

export class TrustRootError extends Error {
  constructor(readonly reason: TrustRootRefusal) {
    super(`Certificate refused as trusted root: ${reason}`);
  }
}

export function describeCertificate(cert: pkijs.Certificate): TrustedCertificate {
  return {
    subject: nameText(cert.subject),
    issuer: nameText(cert.issuer),
    selfSigned: cert.subject.isEqual(cert.issuer),
    notAfter: cert.notAfter.value.toISOString(),
    sha256: certificateSha256(cert),
  };
}

/**
 * Checks a certificate the beheerder wants to trust: exactly one certificate, a CA (a leaf could then
 * be "trusted" as the issuer of anything bearing its name), with a key of at least RSA 2048 or an
 * accepted curve, not trusted already (the environment's own CA included). Returns it normalised.
 */
export function checkNewTrustedRoot(
  db: Db,
  pem: string,
): { certificatePem: string; info: TrustedCertificate } {
  let certs: pkijs.Certificate[];
  try {
    certs = parseCertificates(pem);
  } catch {
    throw new TrustRootError('not_a_certificate');
  }
  if (certs.length !== 1) throw new TrustRootError('not_one_certificate');
  const cert = certs[0]!;
  if (!isCaCertificate(cert)) throw new TrustRootError('not_a_ca');
  const problem = keyProblem(cert);
  if (problem) throw new TrustRootError(problem);
  const info = describeCertificate(cert);
  const own = parseCertificate(environmentCaCertificate(db));
  if (certificateSha256(own) === info.sha256 || trustedRootBySha256(db, info.sha256))
    throw new TrustRootError('already_trusted');
  return { certificatePem: certificatePem(cert), info };
}

/** The environment's own CA, described for the beheerder's list. */
export function environmentCaInfo(db: Db): TrustedCertificate {
  return describeCertificate(parseCertificate(environmentCaCertificate(db)));
}

/**
 * The trusted certificates as one PEM bundle: the environment's CA first, then the beheerder's
 * additions. This is what `minutes.verify` checks against and what the export ships as ca.pem.
 */
export function trustedCertificatesPem(db: Db): string {
  return [environmentCaCertificate(db), ...listTrustedRootRows(db).map((r) => r.certificatePem)].join('');
}
