import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnv, tempDir, type TestEnv } from '../support/backend';
import {
  REGISTERED_V_NUMBER,
  messySheet,
  sheetCsv,
  sheetXlsx,
  type SheetLine,
} from '../support/register-sheet';

/** `npm run cli -- import dossiers`, run as a real process on a demo environment. */

const root = path.resolve(import.meta.dirname, '../..');
let env: TestEnv;
let work: string;
let lines: SheetLine[];
let registered: string;

function cli(...args: string[]) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'electron/cli/main.ts'),
      'import',
      'dossiers',
      '--db',
      env.dir,
      '--user',
      'notulist',
      '--password-file',
      path.join(work, 'pw.txt'),
      ...args,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: work } },
  );
}

const dossierCount = () => {
  const e = makeEnv({ dir: env.dir });
  return e
    .login('notulist')
    .then(() => e.api['dossiers.list']({}))
    .then((l) => l.rows.length)
    .finally(() => e.backend.close());
};

beforeAll(async () => {
  env = makeEnv({ now: new Date() });
  await env.api['setup.demo']({});
  await env.login('notulist');
  registered = (await env.api['dossiers.list']({})).rows.find(
    (r) => r.vNumber === REGISTERED_V_NUMBER,
  )!.number;
  env.backend.close();
  work = tempDir('lvv-import-cli-');
  fs.writeFileSync(path.join(work, 'pw.txt'), 'demo-notulist-2026\n');
  lines = messySheet(60, registered);
  fs.writeFileSync(path.join(work, 'register.csv'), sheetCsv(lines));
  fs.writeFileSync(path.join(work, 'register.xlsx'), await sheetXlsx(messySheet(60, registered, true)));
});
afterAll(() => {
  env.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('npm run cli -- import dossiers', () => {
  it('--dry-run prints the report per line and stores nothing', async () => {
    const before = await dossierCount();
    const r = cli('--file', 'register.csv', '--dry-run');
    expect(r.stderr).toBe('');
    const ok = lines.filter((l) => l.status === 'ok').length;
    const out = r.stdout.split('\n');
    expect(out[0]).toBe(
      `Bestand register.csv (CSV): 60 regels — ${ok} in orde, ${60 - ok - 2} geweigerd, 2 leeg.`,
    );
    expect(out).toContain('Niet gebruikt: B "Opmerkingen", H "Telefoon casemanager".');
    expect(out).toContain('regel 2: in orde (Persoon 0 Testnaam)');
    expect(out).toContain('regel 5: geweigerd (Persoon 3 Testnaam) — Een V-nummer heeft precies 10 cijfers.');
    expect(out).toContain('regel 7: lege regel, overgeslagen');
    expect(out).toContain(
      'regel 13: geweigerd (Persoon 11 Testnaam) — Dit V-nummer staat ook op regel 12 van het bestand.',
    );
    expect(out).toContain(
      `regel 19: geweigerd (Persoon 17 Testnaam) — Dit V-nummer hoort al bij dossier ${registered}.`,
    );
    expect(out).toContain(
      'regel 11: geweigerd (Persoon 9 Testnaam) — Geboortedatum: deze datum bestaat niet.',
    );
    expect(r.stdout).toContain('Proefimport (--dry-run): er is niets opgeslagen.');
    // Refused lines: the real run would import nothing without --skip-refused.
    expect(r.status).toBe(1);
    expect(await dossierCount()).toBe(before);
  });

  it('imports all or nothing; --skip-refused imports the rest and names each new dossier', async () => {
    const before = await dossierCount();
    const none = cli('--file', 'register.csv');
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('Niets geïmporteerd:');
    expect(await dossierCount()).toBe(before);

    const ok = lines.filter((l) => l.status === 'ok').length;
    const r = cli('--file', 'register.csv', '--skip-refused');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^regel 2: geïmporteerd als D-\d{4}-\d{4} \(Persoon 0 Testnaam\)$/m);
    expect(r.stdout).toContain(
      `Geïmporteerd: ${ok} dossiers; ${60 - ok - 2} geweigerde regels overgeslagen.`,
    );
    expect(await dossierCount()).toBe(before + ok);
  });

  it('reads XLSX the same way, and says plainly what it cannot read', () => {
    const r = cli('--file', 'register.xlsx', '--dry-run');
    expect(r.stdout).toMatch(/^Bestand register.xlsx \(XLSX, werkblad "Register LVV"\): 60 regels/);
    fs.writeFileSync(path.join(work, 'oud.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    const old = cli('--file', 'oud.xls', '--dry-run');
    expect(old.status).toBe(1);
    expect(old.stderr.trim()).toBe('lvv-overleg: oud.xls: An old .xls workbook; save it as .xlsx or .csv');
  });
});
