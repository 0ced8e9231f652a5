import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/audit';
import { makeEnv, type TestEnv } from '../support/backend';
import { opensslCmsVerify } from '../support/openssl';
import { docxText } from '../unit/minutes/read-docx';

/** The demo carries one meeting whose minutes went the whole way, so the chain can be tried at once. */

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
  });
});
