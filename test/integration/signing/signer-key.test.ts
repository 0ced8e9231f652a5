import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { signDetached } from '../../../electron/core/signing/cms';
import { tempDir } from '../../support/backend';
import { opensslCmsVerify } from '../../support/openssl';
import { minutesFixture, PASSWORD, type MinutesFixture } from '../minutes-support';

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

  it('nor any other private key but the CA’s anywhere in the database', () => {
    const db = f.db();
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    const keys: string[] = [];
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row))
          if (privateKeysIn(value).length > 0) keys.push(`${table}.${column}:${String(row.key ?? '')}`);
      }
    }
    // The environment's CA key is still there (see README: what a key holder can still do).
    expect(keys).toEqual(['meta.value:ca_private_key']);
  });
});
