import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrations } from '../../../electron/core/db/migrations';
import {
  createCertificateAuthority,
  issueUserCertificate,
} from '../../../electron/core/signing/certificates';
import { signDetached } from '../../../electron/core/signing/cms';
import { errorCode, failure, tempDir } from '../../support/backend';
import { openssl, opensslCmsVerify } from '../../support/openssl';
import { minutesFixture, PASSWORD, requestAndApprove, type MinutesFixture } from '../minutes-support';

/**
 * Issue 8, item 3: a signature only its signer can make. Tried as an outsider would: someone who holds
 * the database key (another key holder, or anyone with the recovery key) reads the chair's signing key
 * out of the database and signs an altered DOCX in her name. Before the fix that key was stored as
 * plain PKCS#8, and the forgery was GELDIG in the app, on the command line and with openssl.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const dir = tempDir('lvv-signer-key-');
const stem = 'verslag-utrecht-2026-04-14';
let f: MinutesFixture;

const b64 = (file: string) => fs.readFileSync(path.join(dir, file)).toString('base64');

function cli(args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The adopted DOCX with one sentence changed: what the forger wants recipients to believe. */
function alter(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const xml = strFromU8(files['word/document.xml']!);
  files['word/document.xml'] = strToU8(
    xml.replace('IND ziet ruimte voor een medische aanvraag', 'IND ziet geen enkele ruimte'),
  );
  return Buffer.from(zipSync(files));
}

/** Anything in a row that reads as a private key: raw DER, base64 of it, or inside a JSON value. */
function privateKeysIn(value: unknown): crypto.KeyObject[] {
  const found: crypto.KeyObject[] = [];
  const tryDer = (der: Buffer) => {
    try {
      found.push(crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    } catch {
      /* not a key */
    }
  };
  const visit = (v: unknown): void => {
    if (v instanceof Uint8Array) tryDer(Buffer.from(v));
    else if (typeof v === 'string') {
      if (/^[A-Za-z0-9+/=\s]{40,}$/.test(v)) tryDer(Buffer.from(v, 'base64'));
      if (v.includes('PRIVATE KEY')) {
        try {
          found.push(crypto.createPrivateKey(v));
        } catch {
          /* not a key */
        }
      }
      if (v.startsWith('{')) {
        try {
          Object.values(JSON.parse(v) as Record<string, unknown>).forEach(visit);
        } catch {
          /* not JSON */
        }
      }
    }
  };
  visit(value);
  return found;
}

/** What a key holder does: read every column of the chair's certificate rows and look for her key. */
function stealSigningKey(db: Db, userId: number): { certificatePem: string; pkcs8: Uint8Array } | null {
  const rows = db.prepare('SELECT * FROM certificates WHERE user_id = ?').all(userId) as Record<
    string,
    unknown
  >[];
  for (const row of rows) {
    const key = Object.values(row).flatMap(privateKeysIn)[0];
    if (key)
      return {
        certificatePem: String(row.certificate_pem),
        pkcs8: new Uint8Array(key.export({ format: 'der', type: 'pkcs8' })),
      };
  }
  return null;
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
  it('finds no signing key of the chair to forge her signature with', async () => {
    const stolen = stealSigningKey(f.db(), f.user.vera);
    if (stolen) {
      // The attack as it worked before the fix: an altered DOCX "signed by the chair".
      const p7s = await signDetached(
        new Uint8Array(fs.readFileSync(path.join(dir, 'vervalst.docx'))),
        stolen.certificatePem,
        stolen.pkcs8,
        { signingTime: f.env.clock.now },
      );
      fs.writeFileSync(path.join(dir, 'vervalst.voorzitter.p7s'), p7s);
      fs.copyFileSync(path.join(dir, 'ca.pem'), path.join(dir, 'vervalst-ca.pem'));
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
      expect({
        app: inApp.signatures[0]?.valid,
        openssl: withOpenssl.status === 0,
        cli: onCli.code === 0,
      }).toEqual({ app: false, openssl: false, cli: false });
    }
    expect(stolen).toBeNull();
  });

  it('nor any other private key anywhere in the database, the CA’s included (ca-key.test.ts)', () => {
    const db = f.db();
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    const keys: string[] = [];
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row))
          if (privateKeysIn(value).length > 0)
            keys.push(`${table}.${column}:${typeof row.key === 'string' ? row.key : ''}`);
      }
    }
    expect(keys).toEqual([]);
  });
});

/** One more adopted version, by whoever is logged in on `api`: something to sign again. */
async function nextVersion(reasoning: string): Promise<void> {
  f.db().prepare('UPDATE positions SET reasoning = ? WHERE id = ?').run(reasoning, f.positionIds.gem1);
  await f.env.api['minutes.newVersion']({ meetingId: f.meetingId });
  await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
  await f.env.api['minutes.adopt']({ meetingId: f.meetingId });
}

/** The certificate the latest signature in this role was made with, as the app's verification shows it. */
async function latestSignatureCertificate(role: 'voorzitter' | 'secretaris') {
  const { files } = await f.env.api['minutes.exportFull']({ meetingId: f.meetingId });
  const file = ({ name, base64 }: { name: string; base64: string }) => ({ name, base64 });
  const check = await f.env.api['minutes.verify']({
    docx: file(files.find((x) => x.name.endsWith('.docx'))!),
    signatures: files.filter((x) => x.name.endsWith(`.${role}.p7s`)).map(file),
  });
  expect(check.signatures[0]?.valid).toBe(true);
  return check.signatures[0]!.certificate!;
}

const certificateRows = (userId: number) =>
  f.db().prepare('SELECT * FROM certificates WHERE user_id = ? ORDER BY id').all(userId) as {
    serial: string;
    wrapped_key: string | null;
    revoked_at: string | null;
    revoked_reason: string | null;
  }[];

describe('verification', () => {
  it('shows which certificate signed — subject, serial, fingerprint — and that it is not revoked', async () => {
    const check = await f.env.api['minutes.verify']({
      docx: { name: `${stem}.docx`, base64: b64(`${stem}.docx`) },
      signatures: [{ name: `${stem}.voorzitter.p7s`, base64: b64(`${stem}.voorzitter.p7s`) }],
    });
    const [vera] = certificateRows(f.user.vera);
    const shown = check.signatures[0]!.certificate!;
    expect(shown.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(shown).toEqual({
      subject: `CN=Vera Voorzitter, O=Gemeente Utrecht, UID=${f.user.vera}`,
      issuer: 'CN=LVV Overleg Utrecht CA, O=LVV Overleg',
      serial: vera!.serial,
      sha256: shown.sha256,
      registered: true,
      revokedAt: null,
      revokedReason: null,
    });
  });
});

describe('a password change', () => {
  const NEW = 'vera kiest een nieuw wachtwoord';
  it('re-wraps the signing key: the same certificate signs with the new password', async () => {
    await f.login('vera');
    const before = await f.env.api['certificates.mine']({});
    const wrapBefore = certificateRows(f.user.vera)[0]!.wrapped_key;
    await f.env.api['auth.changePassword']({ current: PASSWORD, next: NEW });
    const rows = certificateRows(f.user.vera);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revoked_at).toBeNull();
    expect(rows[0]!.wrapped_key).not.toBe(wrapBefore);

    await f.login('niels');
    await nextVersion('Gemeente volgt het medische spoor (versie 2)');
    await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    await f.env.login('vera', NEW);
    expect(await errorCode(f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD }))).toBe(
      'WRONG_CREDENTIALS',
    );
    await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: NEW });
    expect((await latestSignatureCertificate('voorzitter')).serial).toBe(before!.serial);
    // Changed back, for the tests below that log in with the fixture's password.
    await f.env.api['auth.changePassword']({ current: NEW, next: PASSWORD });
  });
});

describe('a password reset by the beheerder', () => {
  const TEMPORARY = 'tijdelijk wachtwoord van anna';
  it('revokes the signing certificate and deletes its key; a new one comes only after her own password', async () => {
    const old = certificateRows(f.user.vera)[0]!;
    await f.login('niels');
    await nextVersion('Gemeente volgt het medische spoor (versie 3)');
    await f.login('anna');
    await f.env.api['users.resetPassword']({ userId: f.user.vera, password: TEMPORARY });
    expect(certificateRows(f.user.vera)).toEqual([
      expect.objectContaining({
        serial: old.serial,
        wrapped_key: null,
        revoked_at: f.env.clock.now.toISOString(),
        revoked_reason: 'password_reset',
      }),
    ]);
    const audit = f.db().prepare('SELECT action FROM audit ORDER BY id DESC LIMIT 2').all() as {
      action: string;
    }[];
    expect(audit.map((a) => a.action).sort()).toEqual(['certificate.revoke', 'user.reset_password']);

    // Whoever knows the temporary password (the beheerder) cannot sign with it: no call but the change.
    await f.env.login('vera', TEMPORARY);
    expect(await errorCode(f.env.api['minutes.sign']({ meetingId: f.meetingId, password: TEMPORARY }))).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect(certificateRows(f.user.vera)).toHaveLength(1);

    await f.env.api['auth.changePassword']({ current: TEMPORARY, next: PASSWORD });
    expect(await f.env.api['certificates.mine']({})).toBeNull();
    // Her first signature asks for a new certificate, which the beheerder approves (ca-key.test.ts).
    expect(await errorCode(f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD }))).toBe(
      'CONFLICT',
    );
    await requestAndApprove(f.env, []);
    await f.login('vera');
    await f.env.api['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    const rows = certificateRows(f.user.vera);
    expect(rows.map((r) => r.revoked_reason)).toEqual(['password_reset', null]);
    expect(await f.env.api['certificates.mine']({})).not.toBeNull();
    expect(rows[1]!.serial).not.toBe(old.serial);
    expect((await f.env.api['certificates.mine']({}))!.serial).toBe(rows[1]!.serial);
  });

  it('after which verification of her earlier signature says since when its certificate is revoked', async () => {
    const check = await f.env.api['minutes.verify']({
      docx: { name: `${stem}.docx`, base64: b64(`${stem}.docx`) },
      signatures: [
        { name: `${stem}.voorzitter.p7s`, base64: b64(`${stem}.voorzitter.p7s`) },
        { name: `${stem}.secretaris.p7s`, base64: b64(`${stem}.secretaris.p7s`) },
      ],
    });
    expect(check.allValid).toBe(true);
    expect(
      check.signatures.map((s) => [s.role, s.certificate?.revokedAt, s.certificate?.revokedReason]),
    ).toEqual([
      ['voorzitter', f.env.clock.now.toISOString(), 'password_reset'],
      ['secretaris', null, null],
    ]);
  });
});

describe('the command line and openssl, with the files a recipient gets', () => {
  it('name the certificate and say since when it is revoked, from the CA’s signed list inside ca.pem', async () => {
    const { files } = await f.env.api['minutes.exportFull']({ meetingId: f.meetingId, version: 1 });
    const out = path.join(dir, 'na-reset');
    fs.mkdirSync(out);
    for (const file of files) fs.writeFileSync(path.join(out, file.name), Buffer.from(file.base64, 'base64'));
    const [veraOld] = certificateRows(f.user.vera);
    const [niels] = certificateRows(f.user.niels);

    const r = cli(['verify', path.join(out, `${stem}.docx`)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [secretary, chair] = r.out.split(/\n(?=GELDIG|NIET)/);
    expect(chair).toMatch(/^GELDIG .*voorzitter\.p7s: Vera Voorzitter/);
    expect(chair).toContain(`serienummer ${veraOld!.serial.toUpperCase()}`);
    expect(chair).toContain(`INGETROKKEN sinds ${f.env.clock.now.toISOString()}`);
    expect(secretary).toContain(`serienummer ${niels!.serial.toUpperCase()}`);
    expect(secretary).toContain('niet ingetrokken volgens de intrekkingslijst van de uitgever');

    const ca = path.join(out, 'ca.pem');
    for (const role of ['voorzitter', 'secretaris']) {
      const v = opensslCmsVerify(path.join(out, `${stem}.${role}.p7s`), path.join(out, `${stem}.docx`), ca);
      expect(v.status, v.output).toBe(0);
    }
    const crl = openssl(['crl', '-in', ca, '-CAfile', ca, '-noout', '-text']);
    expect(crl.output).toContain('verify OK');
    expect(crl.output.replace(/\s/g, '')).toContain(`SerialNumber:${veraOld!.serial.toUpperCase()}`);
    expect(crl.output).not.toContain(niels!.serial.toUpperCase());
  });

  it('a list someone dropped or edited on the way counts for nothing', () => {
    const out = path.join(dir, 'na-reset');
    const caFile = path.join(out, 'ca.pem');
    const ca = fs.readFileSync(caFile, 'utf8');
    const block = /-----BEGIN X509 CRL-----\n([^-]*)-----END X509 CRL-----\n/.exec(ca)!;
    // Dropped: the command line says it cannot tell. Edited (one character of the list's DER, which
    // its CA signature covers): the same, never "not revoked".
    const body = block[1]!;
    const i = Math.floor(body.length / 3);
    const edited = body.slice(0, i) + (body[i] === 'A' ? 'B' : 'A') + body.slice(i + 1);
    for (const changed of [ca.replace(block[0], ''), ca.replace(body, edited)]) {
      fs.writeFileSync(caFile, changed);
      const r = cli(['verify', path.join(out, `${stem}.docx`)]);
      expect(r.code).toBe(0);
      expect(r.out).not.toContain('INGETROKKEN');
      expect(r.out).not.toContain('niet ingetrokken');
      expect(r.out.match(/intrekking onbekend/g)).toHaveLength(2);
    }
    fs.writeFileSync(caFile, ca);
  });
});

describe('an imported PKCS#12', () => {
  it('needs the account’s own password, to wrap its key with', async () => {
    await f.login('niels');
    const refused = await failure(
      f.env.api['certificates.import']({ p12: 'AAAA', passphrase: 'x', password: 'niet het mijne' }),
    );
    expect(refused).toMatchObject({
      code: 'WRONG_CREDENTIALS',
      fields: [expect.objectContaining({ path: 'password', code: 'wrong_password' })],
    });
  });
});

describe('migration 0005', () => {
  it('revokes the keys an older version stored in the clear, and deletes them', async () => {
    const db = new Database(':memory:');
    for (const m of migrations.slice(0, 4)) m(db);
    db.prepare("INSERT INTO organisations (id, name, kind) VALUES (1, 'Gemeente Utrecht', 'gemeente')").run();
    db.prepare(
      "INSERT INTO users (id, username, display_name, organisation_id, roles, created_at) VALUES (2, 'vera', 'Vera Voorzitter', 1, '[\"voorzitter\"]', '2026-01-01')",
    ).run();
    const ca = await createCertificateAuthority('LVV Overleg Utrecht CA');
    const cert = await issueUserCertificate(ca, {
      displayName: 'Vera Voorzitter',
      organisation: 'Gemeente Utrecht',
      userId: 2,
    });
    db.prepare(
      "INSERT INTO certificates (user_id, certificate_pem, private_key, issued_at) VALUES (2, ?, ?, '2026-01-02')",
    ).run(cert.certificatePem, Buffer.from(cert.privateKeyPkcs8));
    expect(
      Object.values(db.prepare('SELECT * FROM certificates').get()!).flatMap(privateKeysIn),
    ).toHaveLength(1);

    migrations[4]!(db);
    const rows = db.prepare('SELECT * FROM certificates').all() as Record<string, unknown>[];
    expect(rows).toEqual([
      expect.objectContaining({
        user_id: 2,
        certificate_pem: cert.certificatePem,
        wrapped_key: null,
        issued_at: '2026-01-02',
        revoked_reason: 'unprotected_key',
      }),
    ]);
    expect(rows[0]!.revoked_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(rows.flatMap((r) => Object.values(r).flatMap(privateKeysIn))).toHaveLength(0);
    db.close();
  });
});
