import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordColumns } from '../../shared/contract/reports';
import { failure, makeEnv, type TestEnv } from '../support/backend';

/**
 * The record-level export keyed by V-nummer (issue 12, export): for linking the table's outcomes with
 * IND and DT&V registrations. Only the beheerder may have it (the backend refuses everyone else), each
 * export is one audit entry holding the period and the dossiers exported, and the columns are the
 * documented ones. No names: the V-nummer is the key, nothing more about the person goes out.
 */

let env: TestEnv;
const period = { from: '2025-01-01', to: '2026-11-23' };

beforeAll(async () => {
  env = makeEnv({ now: new Date('2026-11-23T09:00:00Z') });
  await env.api['setup.demo']({});
}, 60_000);
afterAll(() => env.cleanup());

const audits = () =>
  env.backend.vault
    .database()
    .prepare(
      "SELECT user_id AS userId, entity, ids FROM audit WHERE action = 'reports.records.export' ORDER BY id",
    )
    .all() as { userId: number; entity: string; ids: string }[];

const parseCsv = (text: string) =>
  text
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));

describe('reports.records', () => {
  it.each(['voorzitter', 'notulist', 'casemanager'])(
    'is refused for the %s, and nothing is audited',
    async (user) => {
      await env.login(user);
      expect(await failure(env.api['reports.records']({ ...period, format: 'csv' }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(audits()).toEqual([]);
    },
  );

  it('gives the beheerder one row per dossier of the period, keyed by V-nummer, in the documented columns', async () => {
    const me = await env.login('beheerder');
    const report = await env.api['reports.monitoring'](period);
    const file = await env.api['reports.records']({ ...period, format: 'csv' });
    expect(file.fileName).toBe('dossiers-v-nummer-2025-01-01-2026-11-23.csv');
    const [header, ...rows] = parseCsv(Buffer.from(file.base64, 'base64').toString('utf8'));
    expect(header).toEqual([...recordColumns]);
    expect(header).toEqual([
      'v_nummer',
      'dossiernummer',
      'traject',
      'status',
      'aangemeld',
      'intake',
      'uitkomst',
      'vorm_of_grond',
      'land',
      'reden_mob',
      'beeindigd_door',
      'uitstroomdatum',
      'uitgestroomd_in_periode',
      'onvolledig',
    ]);
    // The same population as the reports: the rows add up to the outcome table.
    expect(rows).toHaveLength(report.population);
    expect(file.count).toBe(report.population);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.filter((r) => r[col('uitgestroomd_in_periode')] === '1')).toHaveLength(report.left);
    const returned = report.outcomes.find((o) => o.code === 'TERUGKEER')!.n;
    expect(rows.filter((r) => r[col('uitkomst')] === 'TERUGKEER')).toHaveLength(returned);
    const db = env.backend.vault.database();
    const known = db
      .prepare('SELECT v_number FROM dossiers WHERE v_number IS NOT NULL')
      .pluck()
      .all() as string[];
    expect(rows.some((r) => known.includes(r[col('v_nummer')]!))).toBe(true);
    // No names.
    const names = db.prepare('SELECT name FROM dossiers').pluck().all() as string[];
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    for (const name of names) expect(text).not.toContain(name);

    // One audit entry, by the beheerder, with the period and the dossiers exported (their count).
    const entries = audits();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.userId).toBe(me.userId);
    expect(entries[0]!.entity).toBe('dossiers:2025-01-01/2026-11-23/alle');
    expect((JSON.parse(entries[0]!.ids) as number[]).length).toBe(report.population);
  });

  it('as XLSX: the same header and rows, and a second audit entry for a second export', async () => {
    await env.login('beheerder');
    const csv = await env.api['reports.records']({ ...period, track: 'terugkeer', format: 'csv' });
    const xlsx = await env.api['reports.records']({ ...period, track: 'terugkeer', format: 'xlsx' });
    expect(xlsx.fileName).toBe('dossiers-v-nummer-2025-01-01-2026-11-23-terugkeer.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const fromXlsx: string[][] = [];
    sheet.eachRow((row) =>
      fromXlsx.push((row.values as (string | null | undefined)[]).slice(1).map((v) => v ?? '')),
    );
    const fromCsv = parseCsv(Buffer.from(csv.base64, 'base64').toString('utf8'));
    expect(fromXlsx.map((r) => r.concat(Array(fromCsv[0]!.length - r.length).fill('')))).toEqual(fromCsv);
    const entries = audits();
    expect(entries).toHaveLength(3);
    expect(entries[2]!.entity).toBe('dossiers:2025-01-01/2026-11-23/terugkeer');
    expect((JSON.parse(entries[2]!.ids) as number[]).length).toBe(xlsx.count);
  });
});
