import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { issueUserCertificate, parseCertificate } from '../../../electron/core/signing/certificates';
import { signDetached } from '../../../electron/core/signing/cms';
import { unlockEnvironmentCa } from '../../../electron/core/signing/ca-store';
import { deleteMeta, getSetting, setSetting } from '../../../electron/core/settings/settings';
import { cityInput, errorCode, failure, tempDir, testKdf } from '../../support/backend';
import { opensslCmsVerify } from '../../support/openssl';
import { minutesFixture, PASSWORD, type MinutesFixture } from '../minutes-support';

/**
 * Issue 8: a signature only its signer can make — also not by issuing a new certificate in her name.
 * Tried as an outsider would: someone who holds the database key (every key holder, or the recovery
 * key) reads the environment CA's private key out of the database, issues a certificate naming the
 * chair, and signs an altered DOCX with it. Before the fix the CA key was plain in `meta`, and the
 * forgery was GELDIG in the app, on the command line and with openssl against the exported ca.pem.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const dir = tempDir('lvv-ca-key-');
const stem = 'verslag-utrecht-2026-04-14';
const ADMIN = cityInput.admin.password;
let f: MinutesFixture;

const b64 = (file: string) => fs.readFileSync(path.join(dir, file)).toString('base64');

function cli(args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args],
    { cwd: root, encoding: 'utf8' },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function alter(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const xml = strFromU8(files['word/document.xml']!);
  files['word/document.xml'] = strToU8(
    xml.replace('IND ziet ruimte voor een medische aanvraag', 'IND ziet geen enkele ruimte'),
  );
  return Buffer.from(zipSync(files));
}

/** Every value in the database that reads as a PKCS#8 private key (raw, base64, or inside JSON). */
function privateKeysIn(db: Db): Uint8Array[] {
  const found: Uint8Array[] = [];
  const tryDer = (der: Buffer) => {
    try {
      crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
      found.push(new Uint8Array(der));
    } catch {
      /* not a key */
    }
  };
  const visit = (v: unknown): void => {
    if (v instanceof Uint8Array) tryDer(Buffer.from(v));
    else if (typeof v === 'string') {
      if (/^[A-Za-z0-9+/=\s]{40,}$/.test(v)) tryDer(Buffer.from(v, 'base64'));
      if (v.startsWith('{')) {
        try {
          Object.values(JSON.parse(v) as Record<string, unknown>).forEach(visit);
        } catch {
          /* not JSON */
        }
      }
    }
  };
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  ).map((t) => t.name);
  for (const table of tables)
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
      Object.values(row).forEach(visit);
  return found;
}

/** The CA's key, if any key in the database matches the CA certificate's public key. */
function stealCaKey(db: Db): Uint8Array | null {
  const caPem = getSetting(db, 'ca_certificate')!;
  const caPublic = crypto.createPublicKey(caPem).export({ format: 'der', type: 'spki' });
  for (const der of privateKeysIn(db)) {
    const pub = crypto
      .createPublicKey(crypto.createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }))
      .export({ format: 'der', type: 'spki' });
    if (pub.equals(caPublic)) return der;
  }
  return null;
}

/**
 * The attack: with the CA's key, a new certificate "Vera Voorzitter" and an altered DOCX signed with
 * it; whether the app, openssl and the command line accept it against the ca.pem recipients got.
 */
async function forgeWith(db: Db, caKey: Uint8Array) {
  // The attack as it worked before the fix: a new certificate "Vera Voorzitter" from the CA.
  const forged = await issueUserCertificate(
    { certificatePem: getSetting(db, 'ca_certificate')!, privateKeyPkcs8: caKey },
    { displayName: 'Vera Voorzitter', organisation: 'Gemeente Utrecht', userId: f.user.vera },
    { now: f.env.clock.now },
  );
  const p7s = await signDetached(
    new Uint8Array(fs.readFileSync(path.join(dir, 'vervalst.docx'))),
    forged.certificatePem,
    forged.privateKeyPkcs8,
    { signingTime: f.env.clock.now },
  );
  fs.writeFileSync(path.join(dir, 'vervalst.voorzitter.p7s'), p7s);
  const inApp = await f.env.api['minutes.verify']({
    docx: { name: 'vervalst.docx', base64: b64('vervalst.docx') },
    signatures: [{ name: 'vervalst.voorzitter.p7s', base64: b64('vervalst.voorzitter.p7s') }],
  });
  const withOpenssl = opensslCmsVerify(
    path.join(dir, 'vervalst.voorzitter.p7s'),
    path.join(dir, 'vervalst.docx'),
    path.join(dir, 'ca.pem'),
  );
  const onCli = cli(['verify', path.join(dir, 'vervalst.docx')]);
  return {
    app: inApp.signatures[0]?.valid,
    openssl: withOpenssl.status === 0,
    cli: onCli.code === 0,
  };
}

beforeAll(async () => {
  f = await minutesFixture();
  await f.login('niels');
  await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
  await f.env.api['minutes.adopt']({ meetingId: f.meetingId });
  await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
  await f.login('vera');
  await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
  const { files } = await f.env.api['minutes.exportFull']({ meetingId: f.meetingId });
  for (const file of files) fs.writeFileSync(path.join(dir, file.name), Buffer.from(file.base64, 'base64'));
  fs.writeFileSync(path.join(dir, 'vervalst.docx'), alter(fs.readFileSync(path.join(dir, `${stem}.docx`))));
});
afterAll(() => {
  f.env.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('someone holding the database key', () => {
  it('finds no CA key to issue a certificate in the chair’s name with', async () => {
    const db = f.db();
    const caKey = stealCaKey(db);
    // Before the fix the key was there, and the forgery was accepted everywhere (see the last test).
    if (caKey) expect(await forgeWith(db, caKey)).toEqual({ app: false, openssl: false, cli: false });
    expect(caKey).toBeNull();
    // Nor any other private key: the CA's and the signers' are all wrapped with someone's password.
    expect(privateKeysIn(db)).toHaveLength(0);
  });

  it('cannot get a certificate issued through the app either: only the beheerder approves', async () => {
    await f.login('niels');
    expect(await errorCode(f.env.api['certificates.requests']({}))).toBe('FORBIDDEN');
    expect(await errorCode(f.env.api['certificates.approve']({ requestId: 1, password: PASSWORD }))).toBe(
      'FORBIDDEN',
    );
  });
});

const auditActions = (n: number) =>
  (f.db().prepare('SELECT action FROM audit ORDER BY id DESC LIMIT ?').all(n) as { action: string }[])
    .map((a) => a.action)
    .reverse();

describe('a certificate from a request', () => {
  it('is asked for at the first signature, which waits until the beheerder approves it', async () => {
    // Vera's password is reset: her certificate is revoked; she chooses her own password again.
    await f.login('niels');
    f.db().prepare('UPDATE positions SET reasoning = ? WHERE id = ?').run('Versie 2', f.positionIds.gem1);
    await f.env.api['minutes.newVersion']({ meetingId: f.meetingId });
    await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
    await f.env.api['minutes.adopt']({ meetingId: f.meetingId });
    await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    await f.login('anna');
    await f.env.api['users.resetPassword']({ userId: f.user.vera, password: 'tijdelijk voor vera' });
    await f.env.login('vera', 'tijdelijk voor vera');
    await f.env.api['auth.changePassword']({ current: 'tijdelijk voor vera', next: PASSWORD });

    const refused = await failure(f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD }));
    expect(refused).toMatchObject({ code: 'CONFLICT', info: { reason: 'certificate_pending' } });
    expect(auditActions(1)).toEqual(['certificate.request']);
    // Asking again keeps the one request and still refuses.
    expect(
      await failure(f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD })),
    ).toMatchObject({ info: { reason: 'certificate_pending' } });
    expect(await f.env.api['certificates.mine']({})).toBeNull();

    await f.login('anna');
    const requests = await f.env.api['certificates.requests']({});
    expect(requests).toEqual([
      expect.objectContaining({
        userId: f.user.vera,
        name: 'Vera Voorzitter',
        organisation: 'Gemeente Utrecht',
      }),
    ]);
    expect(
      await failure(f.env.api['certificates.approve']({ requestId: requests[0]!.id, password: 'fout' })),
    ).toMatchObject({ code: 'WRONG_CREDENTIALS' });
    expect(await f.env.api['certificates.approve']({ requestId: requests[0]!.id, password: ADMIN })).toEqual(
      [],
    );
    expect(auditActions(1)).toEqual(['certificate.issue']);

    await f.login('vera');
    await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    const { files } = await f.env.api['minutes.exportFull']({ meetingId: f.meetingId });
    const out = path.join(dir, 'versie-2');
    fs.mkdirSync(out);
    for (const file of files) fs.writeFileSync(path.join(out, file.name), Buffer.from(file.base64, 'base64'));
    const docx = files.find((x) => x.name.endsWith('.docx'))!.name;
    for (const role of ['voorzitter', 'secretaris']) {
      const v = opensslCmsVerify(
        path.join(out, docx.replace(/\.docx$/, `.${role}.p7s`)),
        path.join(out, docx),
        path.join(out, 'ca.pem'),
      );
      expect(v.status, v.output).toBe(0);
    }
    // The list renewed at the approval names her certificate revoked at the reset.
    const r = cli(['verify', path.join(dir, `${stem}.docx`), '--ca', path.join(out, 'ca.pem')]);
    expect(r.out).toContain('INGETROKKEN');
  });
});

describe('the beheerder’s password change', () => {
  it('re-wraps the CA key: the new password approves, the old one opens nothing', async () => {
    const NEW = 'anna kiest een nieuw wachtwoord';
    await f.login('anna');
    const before = getSetting(f.db(), 'ca_key');
    await f.env.api['auth.changePassword']({ current: ADMIN, next: NEW });
    expect(getSetting(f.db(), 'ca_key')).not.toBe(before);
    const anna = { userId: 1, organisationId: f.org.gemeente };
    anna.userId = (f.db().prepare("SELECT id FROM users WHERE username = 'anna'").get() as { id: number }).id;
    expect(await unlockEnvironmentCa(f.db(), anna, ADMIN, testKdf, f.env.clock.now)).toBe(
      'ca_key_unavailable',
    );
    const ca = await unlockEnvironmentCa(f.db(), anna, NEW, testKdf, f.env.clock.now);
    expect(typeof ca).toBe('object');
    await f.env.api['auth.changePassword']({ current: NEW, next: ADMIN });
  });
});

describe('an environment migrated with the CA key in the clear (before schema 6)', () => {
  it('wraps it with the first beheerder’s password at their login and deletes the clear copy', async () => {
    const db = f.db();
    const anna = (db.prepare("SELECT id FROM users WHERE username = 'anna'").get() as { id: number }).id;
    const ca = await unlockEnvironmentCa(
      db,
      { userId: anna, organisationId: f.org.gemeente },
      ADMIN,
      testKdf,
      f.env.clock.now,
    );
    if (typeof ca === 'string') throw new Error(ca);
    // What migration 0006 leaves: the key as an older version stored it, no wrap.
    setSetting(db, 'ca_private_key', Buffer.from(ca.privateKeyPkcs8).toString('base64'));
    deleteMeta(db, 'ca_key');
    // Reproduced as it was: the clear key issues a certificate in the chair's name, and an altered
    // DOCX signed with it is GELDIG in the app, with openssl and on the command line.
    expect(await forgeWith(db, stealCaKey(db)!)).toEqual({ app: true, openssl: true, cli: true });

    await f.login('anna');
    expect(getSetting(db, 'ca_private_key')).toBeUndefined();
    expect(JSON.parse(getSetting(db, 'ca_key')!)).toMatchObject({ keeperUserId: anna });
    expect(stealCaKey(db)).toBeNull();
    expect(auditActions(4)).toContain('ca.wrap');
    expect(parseCertificate(getSetting(db, 'ca_certificate')!)).toBeTruthy();
  });
});
