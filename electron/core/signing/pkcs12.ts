import crypto from 'node:crypto';
import * as pkijs from 'pkijs';
import { certificatePem, hasSigningKeyUsage, importSigningKey, keyProblem } from './certificates';
import { ensureCryptoEngine } from './engine';

/**
 * Reading a user's own signing certificate from a PKCS#12 (.p12/.pfx) file, e.g. a PKIoverheid
 * certificate: the password-integrity MAC is checked, the password-encrypted safes and the shrouded
 * key bag are decrypted (pkijs: PBES2 with PBKDF2 + AES-CBC as OpenSSL 3 writes by default, and the
 * older PKCS#12 PBE schemes it supports), and the certificate belonging to the key is picked out with
 * the issuer chain the file carries. That chain is information only: whether the certificate is
 * trusted is decided against the environment's trust list (trust.ts), never by the file itself.
 */

export type Pkcs12Failure =
  /** The MAC did not match, or (without a MAC) the key would not decrypt. */
  | 'wrong_passphrase'
  /** Not PKCS#12, or an encryption/algorithm this reader does not handle. */
  | 'unsupported_file'
  /** No private key, or no certificate that belongs to it. */
  | 'no_key_or_certificate'
  /** A key type other than RSA or ECDSA P-256/P-384. */
  | 'unsupported_key'
  /** An RSA key under 2048 bits. */
  | 'weak_key'
  /** The certificate does not chain to a root the beheerder trusts (checked by the caller). */
  | 'untrusted_chain'
  /** The certificate may not sign: it lacks digitalSignature and nonRepudiation. */
  | 'key_usage'
  | 'expired';

export class Pkcs12Error extends Error {
  constructor(readonly reason: Pkcs12Failure) {
    super(`PKCS#12 import failed: ${reason}`);
  }
}

export interface ImportedIdentity {
  certificatePem: string;
  privateKeyPkcs8: Uint8Array;
  /** The certificates above the user's in the file, issuer first (PEM, concatenated); '' when none. */
  chainPem: string;
}

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;
const X509_CERT_ID = '1.2.840.113549.1.9.22.1';
const OID_DATA = '1.2.840.113549.1.7.1';

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function openSafeBags(file: Uint8Array, password: ArrayBuffer): Promise<pkijs.SafeBag[]> {
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(file));
  } catch {
    throw new Pkcs12Error('unsupported_file');
  }
  const hasMac = Boolean(pfx.macData);
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: hasMac });
  } catch (e) {
    // pkijs reports a MAC mismatch as broken integrity; everything else is a form it cannot read.
    throw new Pkcs12Error(/integrity/i.test(String(e)) ? 'wrong_passphrase' : 'unsupported_file');
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Pkcs12Error('unsupported_file');
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });
  } catch {
    throw new Pkcs12Error(hasMac ? 'unsupported_file' : 'wrong_passphrase');
  }
  // pkijs types parsedValue as any; parseInternalValues fills it with one SafeContents per safe.
  const parsed = safe.parsedValue as { safeContents: { value: pkijs.SafeContents }[] } | undefined;
  return (parsed?.safeContents ?? []).flatMap((c) => c.value.safeBags);
}

async function privateKeyOf(bags: pkijs.SafeBag[], password: ArrayBuffer): Promise<Uint8Array> {
  for (const bag of bags) {
    if (bag.bagId === BAG.key && bag.bagValue instanceof pkijs.PrivateKeyInfo)
      return new Uint8Array(bag.bagValue.toSchema().toBER(false));
    if (bag.bagId === BAG.shroudedKey && bag.bagValue instanceof pkijs.PKCS8ShroudedKeyBag) {
      // The bag's own parseInternalValues is protected in pkijs' types; it does exactly this.
      const encrypted = new pkijs.EncryptedData({
        encryptedContentInfo: new pkijs.EncryptedContentInfo({
          contentType: OID_DATA,
          contentEncryptionAlgorithm: bag.bagValue.encryptionAlgorithm,
          encryptedContent: bag.bagValue.encryptedData,
        }),
      });
      try {
        return new Uint8Array(await encrypted.decrypt({ password }));
      } catch {
        throw new Pkcs12Error('unsupported_file');
      }
    }
  }
  throw new Pkcs12Error('no_key_or_certificate');
}

function certificatesOf(bags: pkijs.SafeBag[]): pkijs.Certificate[] {
  return bags.flatMap((bag) =>
    bag.bagId === BAG.cert &&
    bag.bagValue instanceof pkijs.CertBag &&
    bag.bagValue.certId === X509_CERT_ID &&
    bag.bagValue.parsedValue instanceof pkijs.Certificate
      ? [bag.bagValue.parsedValue]
      : [],
  );
}

/** The SPKI of the private key, to find the certificate that belongs to it. */
function publicKeyDer(pkcs8: Uint8Array): Buffer {
  try {
    const key = crypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
    return crypto.createPublicKey(key).export({ type: 'spki', format: 'der' });
  } catch {
    throw new Pkcs12Error('unsupported_key');
  }
}

const spkiDer = (c: pkijs.Certificate): Buffer => Buffer.from(c.subjectPublicKeyInfo.toSchema().toBER(false));

/** Issuer first, up to a self-signed certificate or the first issuer the file does not hold. */
function issuerChain(leaf: pkijs.Certificate, others: pkijs.Certificate[]): pkijs.Certificate[] {
  const chain: pkijs.Certificate[] = [];
  let current = leaf;
  while (!current.issuer.isEqual(current.subject) && chain.length < others.length) {
    const issuer = others.find((c) => c.subject.isEqual(current.issuer) && !chain.includes(c));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

/** Reads and checks a PKCS#12 file; throws Pkcs12Error with the reason a user can act on. */
export async function readPkcs12(file: Uint8Array, passphrase: string, now: Date): Promise<ImportedIdentity> {
  ensureCryptoEngine();
  const password = toArrayBuffer(new TextEncoder().encode(passphrase));
  const bags = await openSafeBags(file, password);
  const privateKeyPkcs8 = await privateKeyOf(bags, password);
  const spki = publicKeyDer(privateKeyPkcs8);
  const certs = certificatesOf(bags);
  const leaf = certs.find((c) => spkiDer(c).equals(spki));
  if (!leaf) throw new Pkcs12Error('no_key_or_certificate');
  const weak = keyProblem(leaf);
  if (weak) throw new Pkcs12Error(weak);
  try {
    await importSigningKey(leaf, privateKeyPkcs8);
  } catch {
    throw new Pkcs12Error('unsupported_key');
  }
  if (!hasSigningKeyUsage(leaf)) throw new Pkcs12Error('key_usage');
  if (leaf.notAfter.value.getTime() < now.getTime() || leaf.notBefore.value.getTime() > now.getTime())
    throw new Pkcs12Error('expired');
  const chain = issuerChain(
    leaf,
    certs.filter((c) => c !== leaf),
  );
  return {
    certificatePem: certificatePem(leaf),
    privateKeyPkcs8,
    chainPem: chain.map(certificatePem).join(''),
  };
}
