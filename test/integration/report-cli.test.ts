import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnv, tempDir, type TestEnv } from '../support/backend';

/**
 * `npm run cli -- report outcomes` (issue 12, step 4 in part): the outcome table as JSON and CSV, run
 * as a real process on the demo; the numbers equal the API's; no names; the XLSX read back by
 * LibreOffice has the same numbers; DOCX is refused plainly until it is built.
 */

const root = path.resolve(import.meta.dirname, '../..');
let env: TestEnv;
let work: string;
let expected: Record<string, number>;

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: work },
  });
}
const base = () => [
  'report',
  'outcomes',
  '--db',
  env.dir,
  '--from',
  '2025-01-01',
  '--to',
  '2026-11-23',
  '--user',
  'voorzitter',
  '--password-file',
  path.join(work, 'pw.txt'),
];

beforeAll(async () => {
  env = makeEnv({ now: new Date('2026-11-23T09:00:00Z') });
  await env.api['setup.demo']({});
  await env.login('voorzitter');
  const r = await env.api['reports.monitoring']({ from: '2025-01-01', to: '2026-11-23' });
  expected = Object.fromEntries(r.outcomes.map((o) => [o.code, o.n]));
  env.backend.close();
  work = tempDir('lvv-report-cli-');
  fs.writeFileSync(path.join(work, 'pw.txt'), 'demo-voorzitter-2026\n');
}, 60_000);
afterAll(() => {
  env.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('npm run cli -- report outcomes', () => {
  it('prints one row per category and sub-kind with its code and n, and in_begeleiding', () => {
    const r = cli(...base(), '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { period: unknown; rows: { code: string; n: number }[] };
    expect(out.period).toEqual({ from: '2025-01-01', to: '2026-11-23', track: 'alle' });
    expect(out.rows[0]).toEqual({ code: 'in_begeleiding', n: expected.in_begeleiding });
    for (const row of out.rows) expect(row.n, row.code).toBe(expected[row.code]);
    const codes = out.rows.map((x) => x.code);
    for (const c of [
      'TERUGKEER.gedwongen',
      'MOB.vertrek_zonder_toezicht',
      'VERBLIJFSVERGUNNING.buitenschuld',
    ])
      expect(codes).toContain(c);
    expect(r.stdout).not.toMatch(/Yacine|Belkacem|2890034471/);
  });

  it('writes the same numbers as CSV to a file', () => {
    const r = cli(...base(), '--format', 'csv', '--out', 'uitkomsten.csv');
    expect(r.status).toBe(0);
    const lines = fs.readFileSync(path.join(work, 'uitkomsten.csv'), 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('code,niveau,n,aandeel_van_allen,aandeel_van_uitgestroomden');
    const n: Record<string, number> = {};
    for (const l of lines.slice(1)) n[l.split(',')[0]!] = Number(l.split(',')[2]);
    expect(n).toEqual(expected);
  });

  it('writes every report as XLSX; LibreOffice reads the same numbers back (converted to CSV)', () => {
    const r = cli(...base(), '--format', 'xlsx', '--out', 'monitoring.xlsx');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const profile = tempDir('lvv-lo-profile-');
    try {
      // The first sheet is the outcome table; LibreOffice converts the first sheet to CSV.
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'csv',
          '--outdir',
          work,
          path.join(work, 'monitoring.xlsx'),
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
    if (!fs.existsSync(path.join(work, 'monitoring.csv')))
      throw new Error("LibreOffice wrote no CSV: install Debian's libreoffice-calc-nogui to run this test");
    const lines = fs.readFileSync(path.join(work, 'monitoring.csv'), 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('code,niveau,n,aandeel_van_allen,aandeel_van_uitgestroomden');
    const n: Record<string, number> = {};
    for (const l of lines.slice(1)) n[l.split(',')[0]!] = Number(l.split(',')[2]);
    expect(n).toEqual(expected);
  }, 150_000);

  it('refuses what is not built yet, and bad dates, in one line', () => {
    const docx = cli(...base(), '--format', 'docx');
    expect(docx.status).toBe(1);
    expect(docx.stderr).toContain('--format docx is not available yet');
    const bad = cli('report', 'outcomes', '--db', env.dir, '--from', '2026-13-01', '--to', '2026-12-01');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--from YYYY-MM-DD is required');
  });
});
