import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { tempDir } from '../../support/backend';
import { openssl, opensslCmsVerify } from '../../support/openssl';
import { minutesFixture, PASSWORD, type MinutesFixture } from '../minutes-support';

/**
 * A chair or secretary may sign with their own certificate (e.g. PKIoverheid) instead of one from the
 * environment's CA: they import a PKCS#12 file as `openssl pkcs12 -export` writes it (OpenSSL 3:
 * AES-256-CBC with PBKDF2/HMAC-SHA256, MAC SHA-256), and recipients verify against that certificate's
 * own CA — with plain openssl and with the app. The beheerder has added that CA as a trusted root
 * first (see trusted-roots.test.ts for what happens when not).
 */

const dir = tempDir('lvv-p12-');
const PASSPHRASE = 'geheim p12 wachtwoord';
const stem = 'verslag-utrecht-2026-04-14';
let f: MinutesFixture;

const keyArgs = {
  rsa: ['-newkey', 'rsa:2048'],
  p256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
};
type KeyKind = keyof typeof keyArgs;

function run(args: string[]): void {
  const r = openssl(args, dir);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.output}`);
}

/** A CA, a user certificate it issues with the given key usage, and the .p12 holding key, cert and CA. */
function makeP12(name: string, kind: KeyKind, keyUsage = 'digitalSignature,nonRepudiation'): string {
  run(
    [
      'req',
      '-x509',
      '-new',
      ...keyArgs[kind],
      '-nodes',
      '-keyout',
      `${name}-ca.key`,
      '-out',
      `${name}-ca.pem`,
    ]
      .concat(['-subj', `/CN=Test Root ${name}/O=Testuitgever`, '-days', '30'])
      .concat([
        '-addext',
        'basicConstraints=critical,CA:true',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ]),
  );
  run(
    ['req', '-new', ...keyArgs[kind], '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`].concat([
      '-subj',
      `/CN=${name} Eigen/O=Gemeente Utrecht`,
    ]),
  );
  fs.writeFileSync(
    path.join(dir, `${name}.ext`),
    `basicConstraints=CA:false\nkeyUsage=critical,${keyUsage}\nextendedKeyUsage=emailProtection\n`,
  );
  run(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', `${name}-ca.pem`, '-CAkey', `${name}-ca.key`].concat([
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '30',
      '-extfile',
      `${name}.ext`,
    ]),
  );
  run(
    [
      'pkcs12',
      '-export',
      '-inkey',
      `${name}.key`,
      '-in',
      `${name}.pem`,
      '-certfile',
      `${name}-ca.pem`,
    ].concat(['-out', `${name}.p12`, '-passout', `pass:${PASSPHRASE}`]),
  );
  return fs.readFileSync(path.join(dir, `${name}.p12`)).toString('base64');
}

async function importError(p12: string, passphrase: string): Promise<ApiError> {
  const e: unknown = await f.env.api['certificates.import']({ p12, passphrase, password: PASSWORD }).catch(
    (x: unknown) => x,
  );
  if (!(e instanceof ApiError)) throw new Error('the import was expected to fail');
  return e;
}

let files: { name: string; base64: string }[];

beforeAll(async () => {
  f = await minutesFixture();
  // The certificates openssl makes are valid from the moment they are made; import and sign after that.
  f.env.clock.now = new Date(Date.now() + 60_000);
  const p12s = { vera: makeP12('vera', 'rsa'), niels: makeP12('niels', 'p384') };
  await f.login('anna');
  for (const name of ['vera', 'niels'])
    await f.env.api['trust.roots.add']({ pem: fs.readFileSync(path.join(dir, `${name}-ca.pem`), 'utf8') });
  await f.login('vera');
  expect(
    await f.env.api['certificates.import']({ p12: p12s.vera, passphrase: PASSPHRASE, password: PASSWORD }),
  ).toMatchObject({
    subject: 'vera Eigen',
    issuer: 'Test Root vera',
    imported: true,
    chainLength: 1,
  });
  await f.login('niels');
  await f.env.api['certificates.import']({ p12: p12s.niels, passphrase: PASSPHRASE, password: PASSWORD });
  await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
  await f.env.api['minutes.adopt']({ meetingId: f.meetingId });
  await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
  await f.login('vera');
  await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
  files = (await f.env.api['minutes.exportFull']({ meetingId: f.meetingId })).files;
  for (const file of files) fs.writeFileSync(path.join(dir, file.name), Buffer.from(file.base64, 'base64'));
});
afterAll(() => {
  f.env.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('signing with an imported PKCS#12 certificate', () => {
  it('openssl verifies each signature against that certificate’s own CA and the exported ca.pem', () => {
    for (const [role, name] of [
      ['voorzitter', 'vera'],
      ['secretaris', 'niels'],
    ]) {
      const p7s = path.join(dir, `${stem}.${role}.p7s`);
      const docx = path.join(dir, `${stem}.docx`);
      const own = opensslCmsVerify(p7s, docx, path.join(dir, `${name}-ca.pem`));
      expect(own.output).toContain('Verification successful');
      expect(own.status).toBe(0);
      expect(opensslCmsVerify(p7s, docx, path.join(dir, 'ca.pem')).status).toBe(0);
    }
  });

  it('the app accepts the signatures, names the signers from their certificates, and rejects a foreign CA', async () => {
    const docx = { name: `${stem}.docx`, base64: files.find((x) => x.name.endsWith('.docx'))!.base64 };
    const signatures = files
      .filter((x) => x.name.endsWith('.p7s'))
      .map(({ name, base64 }) => ({ name, base64 }));
    const inApp = await f.env.api['minutes.verify']({ docx, signatures });
    expect(inApp.allValid).toBe(true);
    expect(inApp.signatures.map((s) => s.signer?.name)).toEqual(['vera Eigen', 'niels Eigen']);
    const veraCa = fs.readFileSync(path.join(dir, 'vera-ca.pem'), 'utf8');
    const withFile = await f.env.api['minutes.verify']({ docx, signatures, caPem: veraCa });
    expect(withFile.signatures.map((s) => [s.role, s.valid, s.reason])).toEqual([
      ['voorzitter', true, null],
      ['secretaris', false, 'untrusted_signer'],
    ]);
  });

  it('a wrong passphrase is refused at the passphrase field and keeps the certificate in use', async () => {
    const e = await importError(makeP12('fout', 'p256'), 'niet het wachtwoord');
    expect(e.code).toBe('BAD_INPUT');
    expect(e.error.fields).toEqual([
      expect.objectContaining({ path: 'passphrase', code: 'wrong_passphrase' }),
    ]);
    expect(await f.env.api['certificates.mine']({})).toMatchObject({ subject: 'vera Eigen' });
  });

  it('a file that is not PKCS#12 and a certificate that may not sign are refused with their reason', async () => {
    const junk = await importError(Buffer.from('geen p12-bestand').toString('base64'), PASSPHRASE);
    expect(junk.error.fields).toEqual([expect.objectContaining({ path: 'p12', code: 'unsupported_file' })]);
    const encipherOnly = await importError(makeP12('versleutel', 'rsa', 'keyEncipherment'), PASSPHRASE);
    expect(encipherOnly.error.fields).toEqual([expect.objectContaining({ path: 'p12', code: 'key_usage' })]);
  });
});
