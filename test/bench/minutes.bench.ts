/**
 * Benchmark for issue 5: building and writing the minutes of a 40-dossier meeting (target 400 ms)
 * and making one detached signature over them (target 50 ms). Run: npx tsx test/bench/minutes.bench.ts
 * Exits non-zero when a median misses its target; p95 is printed for information.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeMinutesDocx } from '../../electron/core/minutes/build-docx';
import { createCertificateAuthority, issueUserCertificate } from '../../electron/core/signing/certificates';
import { signDetached } from '../../electron/core/signing/cms';
import { largeMinutes } from '../unit/minutes/fixtures';
import { measure } from './support';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-bench-minutes-'));
try {
  const model = largeMinutes(40);
  const file = path.join(dir, 'verslag.docx');
  const buildOk = await measure('build + write minutes, 40 dossiers', { runs: 20, targetMs: 400 }, () =>
    writeMinutesDocx(model, file),
  );

  const docx = fs.readFileSync(file);
  console.log(`  (DOCX size ${(docx.length / 1024).toFixed(0)} KiB)`);
  const ca = await createCertificateAuthority('Bench CA');
  const user = await issueUserCertificate(ca, {
    displayName: 'Vera Voorzitter',
    organisation: 'Gemeente Demostad',
    userId: 1,
  });
  const signOk = await measure('sign detached (CAdES-BES, ECDSA P-256)', { runs: 50, targetMs: 50 }, () =>
    signDetached(docx, user.certificatePem, user.privateKeyPkcs8, { signingTime: new Date() }),
  );
  if (!buildOk || !signOk) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
