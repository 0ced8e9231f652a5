import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringReport } from '../../shared/contract/reports';
import { outcomeRowLabel } from '../../electron/core/reports/docx';
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
let full: MonitoringReport;

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
  full = r;
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

  it('writes the monitoringsrapportage as DOCX; LibreOffice opens it and finds the API numbers and the definitions', () => {
    const r = cli(...base(), '--format', 'docx', '--out', 'monitoring.docx');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = libreOfficeText(path.join(work, 'monitoring.docx'));
    expect(text).toContain('Monitoringsrapportage LVV');
    expect(text).toContain('1 januari 2025 tot en met 23 november 2026');
    expect(text).toContain('Alle trajecten');
    // Every row of the outcome table, with its label and its number, as the API counts it.
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    for (const [code, n] of Object.entries(expected)) {
      const label = outcomeRowLabel(code);
      const at = lines.indexOf(label);
      expect(at, `${code} (${label})`).toBeGreaterThanOrEqual(0);
      expect(lines[at + 1], code).toBe(String(n));
    }
    // The other tables carry the API's numbers too.
    expect(lines[lines.indexOf('Uitgestroomd binnen') + 3]).toBe('binnen 6 maanden');
    expect(text).toContain(`${full.population} dossiers in de periode, van wie ${full.left} uitgestroomd`);
    for (const q of full.flow)
      expect(lines.slice(lines.indexOf(q.quarter), lines.indexOf(q.quarter) + 3)).toEqual([
        q.quarter,
        String(q.inflow),
        String(q.outflow),
      ]);
    expect(text).toContain('gecontroleerd en aantoonbaar');
    expect(text).toContain('Vertrek zonder toezicht');
    expect(text).toMatch(/Populatie van de periode/);
    expect(text).not.toMatch(/Yacine|Belkacem|2890034471/);
    // Kept for the reviewer's eye: a PDF render of the same file.
    if (process.env.LVV_KEEP_REPORT_PDF)
      libreOffice(path.join(work, 'monitoring.docx'), 'pdf', process.env.LVV_KEEP_REPORT_PDF);
  }, 150_000);

  it('refuses bad dates and unknown formats in one line', () => {
    const bad = cli('report', 'outcomes', '--db', env.dir, '--from', '2026-13-01', '--to', '2026-12-01');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--from YYYY-MM-DD is required');
    const pdf = cli(...base(), '--format', 'pdf');
    expect(pdf.status).toBe(1);
    expect(pdf.stderr).toContain('--format must be json, csv, xlsx or docx');
  });
});

function libreOffice(file: string, format: string, outdir: string): void {
  const profile = tempDir('lvv-lo-profile-');
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        format,
        '--outdir',
        outdir,
        file,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function libreOfficeText(docx: string): string {
  libreOffice(docx, 'txt:Text (encoded):UTF8', work);
  const txt = docx.replace(/\.docx$/, '.txt');
  if (!fs.existsSync(txt))
    throw new Error("LibreOffice wrote no text: install Debian's libreoffice-writer-nogui to run this test");
  return fs.readFileSync(txt, 'utf8');
}
