import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, failure } from '../../support/backend';
import { openssl, opensslCmsVerify } from '../../support/openssl';
import { cmsSign, issue, makeRoot, makeSelfSignedLeaf, pkcs12 } from '../../support/pki';
import { minutesFixture, PASSWORD, type MinutesFixture } from '../minutes-support';

/**
 * Issue 8, item 4: trust only what the beheerder trusts. Tried as an outsider would: the notulist makes
 * a root of their own named like PKIoverheid, issues themselves a certificate under it and one in the
 * chair's name, imports their own as PKCS#12, signs the real minutes with it and then presents an
 * altered DOCX "signed by the chair". Before the fix the app and `openssl -CAfile ca.pem` called that
 * forgery valid, because the issuer chain inside the PKCS#12 was trusted and shipped in ca.pem.
 */

const dir = tempDir('lvv-trust-');
const PASSPHRASE = 'p12 van de notulist';
const stem = 'verslag-utrecht-2026-04-14';
let f: MinutesFixture;

const b64 = (file: string) => fs.readFileSync(path.join(dir, file)).toString('base64');
const certCount = (pem: string) => (pem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;

/** The adopted DOCX with one sentence changed: what the forger wants recipients to believe. */
function alter(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const xml = strFromU8(files['word/document.xml']!);
  expect(xml).toContain('IND ziet ruimte voor een medische aanvraag');
  files['word/document.xml'] = strToU8(
    xml.replace('IND ziet ruimte voor een medische aanvraag', 'IND ziet geen enkele ruimte'),
  );
  return Buffer.from(zipSync(files));
}

let importAttempt: Awaited<ReturnType<typeof failure>>;

beforeAll(async () => {
  f = await minutesFixture();
  // openssl's certificates are valid from the moment they are made; sign after that.
  f.env.clock.now = new Date(Date.now() + 60_000);
  makeRoot(dir, 'nep', 'rsa', '/CN=Staat der Nederlanden Root CA - G3/O=Staat der Nederlanden');
  issue(dir, 'nep', 'niels', '/CN=Niels Notulist/O=Gemeente Utrecht');
  issue(dir, 'nep', 'vera-nep', `/CN=Vera Voorzitter/O=Gemeente Utrecht/UID=${f.user.vera}`);

  await f.login('niels');
  importAttempt = await failure(
    f.env.api['certificates.import']({
      p12: pkcs12(dir, 'niels', 'nep', PASSPHRASE),
      passphrase: PASSPHRASE,
      password: PASSWORD,
    }),
  );
  await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
  await f.env.api['minutes.adopt']({ meetingId: f.meetingId });
  await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
  await f.login('vera');
  await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
  const { files } = await f.env.api['minutes.exportFull']({ meetingId: f.meetingId });
  for (const file of files) fs.writeFileSync(path.join(dir, file.name), Buffer.from(file.base64, 'base64'));

  fs.writeFileSync(path.join(dir, 'vervalst.docx'), alter(fs.readFileSync(path.join(dir, `${stem}.docx`))));
  cmsSign(dir, 'vervalst.docx', 'vera-nep', 'vervalst.voorzitter.p7s');
});
afterAll(() => {
  f.env.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function verifyForgeryInApp() {
  return f.env.api['minutes.verify']({
    docx: { name: 'vervalst.docx', base64: b64('vervalst.docx') },
    signatures: [{ name: 'vervalst.voorzitter.p7s', base64: b64('vervalst.voorzitter.p7s') }],
  });
}

describe('a notulist with a PKCS#12 under a made-up root', () => {
  it('cannot import it: its chain leads to no root the beheerder trusts', () => {
    expect(importAttempt).toMatchObject({
      code: 'BAD_INPUT',
      fields: [expect.objectContaining({ path: 'p12', code: 'untrusted_chain' })],
    });
  });

  it('the exported ca.pem holds only the environment’s own CA', () => {
    const ca = fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8');
    expect(certCount(ca)).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'nep-ca.pem'), 'utf8')).not.toBe(ca);
  });

  it('an altered DOCX "signed by the chair" is not valid in the app', async () => {
    const r = await verifyForgeryInApp();
    expect(r.allValid).toBe(false);
    expect(r.signatures[0]).toMatchObject({
      valid: false,
      reason: 'untrusted_signer',
      signer: { name: 'Vera Voorzitter' },
    });
  });

  it('nor with openssl against the exported ca.pem', () => {
    const r = opensslCmsVerify(
      path.join(dir, 'vervalst.voorzitter.p7s'),
      path.join(dir, 'vervalst.docx'),
      path.join(dir, 'ca.pem'),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).not.toContain('Verification successful');
  });

  it('a chain stored by an older version (imported before this fix) is trusted nowhere either', async () => {
    // What an environment that imported such a file before the fix holds: the chain with the
    // certificate and with the signature it made.
    const fake = fs.readFileSync(path.join(dir, 'nep-ca.pem'), 'utf8');
    f.db().prepare('UPDATE signatures SET chain_pem = ?').run(fake);
    f.db()
      .prepare(
        "INSERT INTO certificates (user_id, certificate_pem, serial, sha256, issued_at, imported, chain_pem, revoked_at, revoked_reason) VALUES (?, ?, '01', 'van-voor-de-fix', '2026-01-01', 1, ?, '2026-01-02', 'unprotected_key')",
      )
      .run(f.user.niels, fs.readFileSync(path.join(dir, 'niels.pem'), 'utf8'), fake);
    expect((await verifyForgeryInApp()).signatures[0]).toMatchObject({
      valid: false,
      reason: 'untrusted_signer',
    });
    const { files } = await f.env.api['minutes.exportFull']({ meetingId: f.meetingId });
    const ca = Buffer.from(files.find((x) => x.name === 'ca.pem')!.base64, 'base64').toString('utf8');
    expect(certCount(ca)).toBe(1);
  });
});

describe('the beheerder’s trusted roots', () => {
  const stem2 = `${stem}-v2`;
  const pem = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  const addError = async (text: string) => {
    const e = await failure(f.env.api['trust.roots.add']({ pem: text }));
    return e && 'fields' in e ? [e.code, e.fields?.[0]?.path, e.fields?.[0]?.code] : e;
  };

  it('only the beheerder sees and changes them', async () => {
    await f.login('niels');
    expect(await failure(f.env.api['trust.roots.list']({}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(f.env.api['trust.roots.add']({ pem: pem('nep-ca.pem') }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await f.login('anna');
    const list = await f.env.api['trust.roots.list']({});
    expect(list.environmentCa).toMatchObject({
      subject: 'CN=LVV Overleg Utrecht CA, O=LVV Overleg',
      selfSigned: true,
    });
    expect(list.roots).toEqual([]);
  });

  it('refuses what is no CA certificate, a weak key, a bundle, and what is trusted already', async () => {
    makeSelfSignedLeaf(dir, 'blad');
    makeRoot(dir, 'zwak', 'rsa1024');
    makeRoot(dir, 'echt', 'rsa', '/CN=Echte Test Root/O=Testuitgever');
    expect(await addError(pem('blad.pem'))).toEqual(['BAD_INPUT', 'pem', 'not_a_ca']);
    expect(await addError(pem('zwak-ca.pem'))).toEqual(['BAD_INPUT', 'pem', 'weak_key']);
    expect(await addError(pem('echt-ca.pem') + pem('nep-ca.pem'))).toEqual([
      'BAD_INPUT',
      'pem',
      'not_one_certificate',
    ]);
    expect(await addError('geen certificaat')).toEqual(['BAD_INPUT', 'pem', 'not_a_certificate']);
    const ownCa = pem('ca.pem');
    expect(await addError(ownCa)).toEqual(['BAD_INPUT', 'pem', 'already_trusted']);
  });

  it('adds a root with its fingerprint, audited; a second add of it is refused', async () => {
    const list = await f.env.api['trust.roots.add']({ pem: pem('echt-ca.pem') });
    const fingerprint = openssl(['x509', '-in', 'echt-ca.pem', '-noout', '-fingerprint', '-sha256'], dir)
      .output.split('=')[1]!
      .trim()
      .replace(/:/g, '')
      .toLowerCase();
    expect(list.roots).toEqual([
      expect.objectContaining({
        subject: 'CN=Echte Test Root, O=Testuitgever',
        selfSigned: true,
        sha256: fingerprint,
      }),
    ]);
    const audit = f.db().prepare("SELECT user_id, ids FROM audit WHERE action = 'trust.root.add'").all();
    expect(audit).toEqual([{ user_id: 1, ids: JSON.stringify([list.roots[0]!.id]) }]);
    expect(await addError(pem('echt-ca.pem'))).toEqual(['BAD_INPUT', 'pem', 'already_trusted']);
  });

  it('a PKCS#12 under that root imports and signs; app and openssl verify with the exported ca.pem', async () => {
    issue(dir, 'echt', 'niels-echt', '/CN=Niels Notulist/O=Gemeente Utrecht');
    await f.login('niels');
    expect(
      await f.env.api['certificates.import']({
        p12: pkcs12(dir, 'niels-echt', 'echt', PASSPHRASE),
        passphrase: PASSPHRASE,
        password: PASSWORD,
      }),
    ).toMatchObject({ issuer: 'Echte Test Root', imported: true });
    await f.env.api['minutes.newVersion']({ meetingId: f.meetingId });
    await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
    await f.env.api['minutes.adopt']({ meetingId: f.meetingId });
    await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    await f.login('vera');
    await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    const { files } = await f.env.api['minutes.exportFull']({ meetingId: f.meetingId });
    const out = path.join(dir, 'v2');
    fs.mkdirSync(out);
    for (const file of files) fs.writeFileSync(path.join(out, file.name), Buffer.from(file.base64, 'base64'));
    expect(certCount(fs.readFileSync(path.join(out, 'ca.pem'), 'utf8'))).toBe(2);
    for (const role of ['voorzitter', 'secretaris']) {
      const r = opensslCmsVerify(
        path.join(out, `${stem2}.${role}.p7s`),
        path.join(out, `${stem2}.docx`),
        path.join(out, 'ca.pem'),
      );
      expect(r.status).toBe(0);
    }
    const inApp = await f.env.api['minutes.verify']({
      docx: files.map(({ name, base64 }) => ({ name, base64 })).find((x) => x.name.endsWith('.docx'))!,
      signatures: files.filter((x) => x.name.endsWith('.p7s')).map(({ name, base64 }) => ({ name, base64 })),
    });
    expect(inApp.allValid).toBe(true);
    // The forgery under the made-up root still fails: adding one root trusts that root only.
    expect((await verifyForgeryInApp()).signatures[0]).toMatchObject({
      valid: false,
      reason: 'untrusted_signer',
    });
  });

  it('a PKCS#12 with an RSA key under 2048 bits is refused, even under a trusted root', async () => {
    issue(dir, 'echt', 'niels-zwak', '/CN=Niels Notulist/O=Gemeente Utrecht', 'rsa1024');
    await f.login('niels');
    const e = await failure(
      f.env.api['certificates.import']({
        p12: pkcs12(dir, 'niels-zwak', 'echt', PASSPHRASE),
        passphrase: PASSPHRASE,
        password: PASSWORD,
      }),
    );
    expect(e).toMatchObject({
      code: 'BAD_INPUT',
      fields: [expect.objectContaining({ path: 'p12', code: 'weak_key' })],
    });
  });

  it('after the beheerder removes the root, its signatures no longer verify and its holder cannot sign', async () => {
    await f.login('anna');
    const { roots } = await f.env.api['trust.roots.list']({});
    expect((await f.env.api['trust.roots.remove']({ id: roots[0]!.id })).roots).toEqual([]);
    expect(await failure(f.env.api['trust.roots.remove']({ id: roots[0]!.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const out = path.join(dir, 'v2');
    const inApp = await f.env.api['minutes.verify']({
      docx: {
        name: `${stem2}.docx`,
        base64: fs.readFileSync(path.join(out, `${stem2}.docx`)).toString('base64'),
      },
      signatures: [
        {
          name: `${stem2}.secretaris.p7s`,
          base64: fs.readFileSync(path.join(out, `${stem2}.secretaris.p7s`)).toString('base64'),
        },
      ],
    });
    expect(inApp.signatures[0]).toMatchObject({ valid: false, reason: 'untrusted_signer' });
    await f.login('niels');
    await f.env.api['minutes.newVersion']({ meetingId: f.meetingId });
    await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
    await f.env.api['minutes.adopt']({ meetingId: f.meetingId });
    expect(
      await failure(f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD })),
    ).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'certificate_not_trusted' },
    });
  });
});
