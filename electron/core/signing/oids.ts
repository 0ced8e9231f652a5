/** Object identifiers used by the certificates and signatures, named once. */
export const OID = {
  commonName: '2.5.4.3',
  organisationName: '2.5.4.10',
  userId: '0.9.2342.19200300.100.1.1',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  /** S/MIME signing: what `openssl cms -verify` checks for by default. */
  emailProtection: '1.3.6.1.5.5.7.3.4',
  /** RFC 9336 document signing: states the intended use to other verifiers. */
  documentSigning: '1.3.6.1.5.5.7.3.36',
  ecPublicKey: '1.2.840.10045.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate, required by CAdES-BES. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;
