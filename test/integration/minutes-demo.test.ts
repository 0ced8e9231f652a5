import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/audit';
import { spawnSync } from 'node:child_process';
import { signingIdentity } from '../../electron/core/signing/store';
import { makeEnv, testKdf, type TestEnv } from '../support/backend';
import { opensslCmsVerify } from '../support/openssl';
import { docxText } from '../unit/minutes/read-docx';

/** The demo carries one meeting whose minutes went the whole way, so the chain can be tried at once. */

const root = path.resolve(import.meta.dirname, '../..');
let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.demo']({});
  await env.api['auth.login']({ username: 'notulist', password: 'demo-notulist-2026' });
});
afterAll(() => env.cleanup());

describe('the demo’s signed minutes', () => {
  it('are adopted and signed by the chair and the secretary, with an accepted correction', async () => {
    const list = await env.api['minutes.list']({});
    const signed = list.filter((m) => m.state === 'ondertekend');
    expect(signed).toHaveLength(1);
    expect(signed[0]!.signatures).toBe(2);
    const detail = await env.api['minutes.get']({ meetingId: signed[0]!.meetingId });
    expect(detail.versions[0]!.signatures.map((s) => s.name)).toEqual(['Vera Voorzitter', 'Niels Notulist']);
    expect(detail.corrections).toEqual([
      expect.objectContaining({ organisation: 'VluchtelingenWerk', status: 'aanvaard' }),
    ]);
    expect(detail.changedSinceAdoption).toBe(false);
    expect(verifyAudit(env.backend.vault.database()).valid).toBe(true);
  });

  it('export files that openssl verifies', async () => {
    const meetingId = (await env.api['minutes.list']({})).find((m) => m.state === 'ondertekend')!.meetingId;
    const { files } = await env.api['minutes.exportFull']({ meetingId });
    const dir = path.join(env.dir, 'export');
    fs.mkdirSync(dir);
    for (const file of files) fs.writeFileSync(path.join(dir, file.name), Buffer.from(file.base64, 'base64'));
    const docx = files[0]!.name;
    expect(docx).toMatch(/^verslag-demostad-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(docxText(new Uint8Array(Buffer.from(files[0]!.base64, 'base64')))).toContain(
      'Woonplek zoeken en inschrijving in de BRP regelen met de cliënt',
    );
    for (const p7s of files.filter((x) => x.name.endsWith('.p7s'))) {
      const r = opensslCmsVerify(path.join(dir, p7s.name), path.join(dir, docx), path.join(dir, 'ca.pem'));
      expect(r.status, r.output).toBe(0);
    }
    // The command line too, naming each certificate and what the CA's revocation list says of it.
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), 'verify', path.join(dir, docx)],
      { cwd: root, encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout.match(/^GELDIG/gm)).toHaveLength(2);
    expect(cli.stdout.match(/niet ingetrokken volgens de intrekkingslijst/g)).toHaveLength(2);
  });

  it('were signed with keys that only each signer’s own (shown) password opens', async () => {
    const db = env.backend.vault.database();
    const id = (u: string) =>
      (db.prepare('SELECT id FROM users WHERE username = ?').get(u) as { id: number }).id;
    for (const signer of ['voorzitter', 'notulist']) {
      const own = await signingIdentity(db, id(signer), `demo-${signer}-2026`, testKdf);
      expect('certificate' in own).toBe(true);
      // Someone else's password opens nothing: it would only make a new request (not stored).
      const other = await signingIdentity(db, id(signer), 'demo-beheerder-2026', testKdf);
      expect('pending' in other).toBe(true);
    }
    // The demo's CA key is kept by its beheerder, wrapped with her (shown) password; never in the clear.
    const caKey = db.prepare("SELECT value FROM meta WHERE key = 'ca_key'").get() as { value: string };
    expect(JSON.parse(caKey.value)).toMatchObject({ keeperUserId: id('beheerder') });
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'ca_private_key'").get()).toBeUndefined();
  });
});
