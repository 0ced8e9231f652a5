import fs from 'node:fs';
import path from 'node:path';
import { openssl } from './openssl';

/**
 * Certificates made with Debian's openssl, as an outsider (or a notulist) would make them: a root of
 * their own, certificates it issues, and PKCS#12 files that carry the issuer chain.
 */

export const keyArgs = {
  rsa: ['-newkey', 'rsa:2048'],
  rsa1024: ['-newkey', 'rsa:1024'],
  p256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
};
export type KeyKind = keyof typeof keyArgs;

export function run(dir: string, args: string[]): void {
  const r = openssl(args, dir);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.output}`);
}

/** A self-signed CA: `<name>-ca.pem` and `<name>-ca.key` in dir. Returns the PEM text. */
export function makeRoot(
  dir: string,
  name: string,
  kind: KeyKind = 'rsa',
  subject = `/CN=Test Root ${name}/O=Testuitgever`,
): string {
  run(dir, [
    'req',
    '-x509',
    '-new',
    ...keyArgs[kind],
    '-nodes',
    '-keyout',
    `${name}-ca.key`,
    '-out',
    `${name}-ca.pem`,
    '-subj',
    subject,
    '-days',
    '30',
    '-addext',
    'basicConstraints=critical,CA:true',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return fs.readFileSync(path.join(dir, `${name}-ca.pem`), 'utf8');
}

/** A self-signed certificate that is no CA (basicConstraints CA:false), e.g. someone's own leaf. */
export function makeSelfSignedLeaf(dir: string, name: string): string {
  run(dir, [
    'req',
    '-x509',
    '-new',
    ...keyArgs.p256,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-subj',
    `/CN=${name}`,
    '-days',
    '30',
    '-addext',
    'basicConstraints=critical,CA:false',
  ]);
  return fs.readFileSync(path.join(dir, `${name}.pem`), 'utf8');
}

/**
 * A signing certificate `<name>.pem` (key `<name>.key`) issued by the CA `<ca>-ca.pem`, with the given
 * subject (openssl's "/CN=…/O=…" form).
 */
export function issue(
  dir: string,
  ca: string,
  name: string,
  subject: string,
  kind: KeyKind = 'rsa',
  keyUsage = 'digitalSignature,nonRepudiation',
): void {
  run(dir, [
    'req',
    '-new',
    ...keyArgs[kind],
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    subject,
  ]);
  fs.writeFileSync(
    path.join(dir, `${name}.ext`),
    `basicConstraints=CA:false\nkeyUsage=critical,${keyUsage}\nextendedKeyUsage=emailProtection\n`,
  );
  run(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}-ca.pem`,
    '-CAkey',
    `${ca}-ca.key`,
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-days',
    '30',
    '-extfile',
    `${name}.ext`,
  ]);
}

/** `<name>.p12` with the key, the certificate and the issuer `<ca>-ca.pem`; returns it as base64. */
export function pkcs12(dir: string, name: string, ca: string, passphrase: string): string {
  run(dir, [
    'pkcs12',
    '-export',
    '-inkey',
    `${name}.key`,
    '-in',
    `${name}.pem`,
    '-certfile',
    `${ca}-ca.pem`,
    '-out',
    `${name}.p12`,
    '-passout',
    `pass:${passphrase}`,
  ]);
  return fs.readFileSync(path.join(dir, `${name}.p12`)).toString('base64');
}

/** A detached CAdES-BES signature over `content` by `<signer>.pem`/`<signer>.key`, as DER in `out`. */
export function cmsSign(dir: string, content: string, signer: string, out: string): void {
  run(dir, [
    'cms',
    '-sign',
    '-binary',
    '-cades',
    '-md',
    'sha256',
    '-in',
    content,
    '-signer',
    `${signer}.pem`,
    '-inkey',
    `${signer}.key`,
    '-outform',
    'DER',
    '-out',
    out,
  ]);
}
