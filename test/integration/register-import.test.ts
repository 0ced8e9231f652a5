import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/register-import';
import { makeEnv, failure, type TestEnv } from '../support/backend';
import {
  REGISTERED_V_NUMBER,
  messySheet,
  sheetCsv,
  sheetXlsx,
  type SheetLine,
} from '../support/register-sheet';

/*
 * Importing the secretaries' register over the real backend and the real encrypted demo database:
 * a messy 500-line sheet, as CSV and as XLSX, gives the exact report per line; all or nothing writes
 * nothing while any line is refused; skipping the refused lines writes the rest in one transaction
 * with one audit record; and only those who may write dossiers may import.
 */

let env: TestEnv;
let registered: string;
const db = () => env.backend.vault.database();
const count = (sql: string) => (db().prepare(sql).get() as { n: number }).n;
const dossiers = () => count('SELECT count(*) AS n FROM dossiers');
const audits = () => count('SELECT count(*) AS n FROM audit');
const file = (name: string, bytes: Buffer) => ({ name, base64: bytes.toString('base64') });

/** The report's lines as the sheet says they must be. */
const expected = (lines: readonly SheetLine[]) =>
  lines.map((l) => ({ line: l.line, status: l.status, issues: l.issues }));
const actual = (r: ImportReport) =>
  r.rows.map((row) => ({
    line: row.line,
    status: row.status,
    issues: row.issues.map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined))),
  }));

beforeAll(async () => {
  env = makeEnv({ now: new Date('2026-11-23T09:00:00Z') });
  await env.api['setup.demo']({});
  await env.login('notulist');
  const { rows } = await env.api['dossiers.list']({});
  registered = rows.find((r) => r.vNumber === REGISTERED_V_NUMBER)!.number;
});
afterAll(() => env.cleanup());

describe.each([
  ['CSV', 'register.csv', (l: SheetLine[]) => Promise.resolve(sheetCsv(l)), false],
  ['XLSX', 'register.xlsx', sheetXlsx, true],
] as const)('a messy 500-line register as %s', (_, name, write, xlsx) => {
  let lines: SheetLine[];
  let bytes: Buffer;
  beforeAll(async () => {
    lines = messySheet(500, registered, xlsx, xlsx ? 41 : 40);
    bytes = await write(lines);
  });

  it('recognises the Dutch headers among extra columns and reports every line exactly', async () => {
    const before = audits();
    const r = await env.api['dossiers.import.preview']({ file: file(name, bytes) });
    expect(r.format).toBe(xlsx ? 'xlsx' : 'csv');
    expect(r.recognised).toEqual({
      name: 0,
      vNumber: 2,
      birthDate: 3,
      nationality: 4,
      track: 5,
      status: 6,
      casemanager: 8,
      referredAt: 9,
    });
    expect(actual(r)).toEqual(expected(lines));
    const ok = lines.filter((l) => l.status === 'ok').length;
    const empty = lines.filter((l) => l.status === 'empty').length;
    expect(r.counts).toEqual({ rows: 500, ok, refused: 500 - ok - empty, empty });
    expect(r.counts.refused).toBeGreaterThan(50);
    expect(r.outcome).toBe('preview');
    expect(audits()).toBe(before);
  });

  it('imports nothing under all-or-nothing while any line is refused', async () => {
    const [n, a] = [dossiers(), audits()];
    const r = await env.api['dossiers.import.run']({ file: file(name, bytes), mode: 'alles_of_niets' });
    expect(r.outcome).toBe('nothing_imported');
    expect(r.imported).toBe(0);
    expect(actual(r)).toEqual(expected(lines));
    expect([dossiers(), audits()]).toEqual([n, a]);
  });

  it('skipping refused lines imports the rest in one go, with one audit record, and not twice', async () => {
    const [n, a] = [dossiers(), audits()];
    const r = await env.api['dossiers.import.run']({
      file: file(name, bytes),
      mode: 'geweigerde_overslaan',
    });
    const ok = lines.filter((l) => l.status === 'ok');
    expect(r.outcome).toBe('imported');
    expect(r.imported).toBe(ok.length);
    expect(dossiers()).toBe(n + ok.length);
    expect(audits()).toBe(a + 1);
    const record = db().prepare('SELECT action, entity, ids FROM audit ORDER BY id DESC LIMIT 1').get() as {
      action: string;
      entity: string;
      ids: string;
    };
    expect(record).toMatchObject({ action: 'dossier.import', entity: 'dossier_imports' });
    const imp = db()
      .prepare('SELECT * FROM dossier_imports WHERE id = ?')
      .get((JSON.parse(record.ids) as number[])[0]) as Record<string, unknown>;
    expect(imp).toMatchObject({
      file_name: name,
      format: xlsx ? 'xlsx' : 'csv',
      mode: 'geweigerde_overslaan',
      rows_total: 500,
      imported: ok.length,
      refused: r.counts.refused,
      empty: r.counts.empty,
    });
    // Every imported line got a number, and the dossier is what the line said.
    const numbered = r.rows.filter((row) => row.number !== null);
    expect(numbered.map((row) => row.line)).toEqual(ok.map((l) => l.line));
    const first = ok[0]!;
    const { rows } = await env.api['dossiers.list']({ text: numbered[0]!.number! });
    const detail = await env.api['dossiers.get']({ id: rows[0]!.id });
    expect(detail.dossier).toMatchObject({
      name: first.cells[0],
      vNumber: String(first.cells[2]).replace(/[\s.]/g, ''),
      birthDate: '1970-01-01',
      nationality: 'Eritrea',
      track: 'legalisatie',
      status: 'aangemeld',
      referredAt: '2025-01-01',
      targetDate: '2025-07-01',
    });
    expect(detail.history.map((h) => h.field).sort()).toEqual(['status', 'track']);

    // The same file again: every line imported before is now a duplicate of the register.
    const again = await env.api['dossiers.import.preview']({ file: file(name, bytes) });
    expect(again.counts.ok).toBe(0);
    expect(again.rows.find((row) => row.line === first.line)!.issues).toEqual([
      { field: 'vNumber', code: 'v_number_in_register', number: numbered[0]!.number },
    ]);
  });
});

describe('the boundary', () => {
  const csv = (text: string) => file('r.csv', Buffer.from(text, 'utf8'));

  it('takes a manual mapping over the recognised one, one field per column', async () => {
    const text = 'Wie;Nummer;Aangemeld\r\nAmal Test;4099999901;7-12-2026\r\n';
    const auto = await env.api['dossiers.import.preview']({ file: csv(text) });
    expect(auto.recognised.name).toBeNull();
    expect(auto.rows[0]!.issues.map((i) => i.code)).toEqual(['required', 'required']);
    const mapping = { ...auto.recognised, name: 0, vNumber: 1, referredAt: 2 };
    const r = await env.api['dossiers.import.preview']({ file: csv(text), mapping });
    expect(r.rows[0]).toMatchObject({ status: 'ok', cells: { name: 'Amal Test', referredAt: '7-12-2026' } });
    expect(
      await failure(
        env.api['dossiers.import.preview']({ file: csv(text), mapping: { ...mapping, vNumber: 0 } }),
      ),
    ).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'mapping.vNumber', code: 'mapping_twice' }] });
  });

  it('refuses what is not a register with a reason the screen words', async () => {
    const bad = async (f: { name: string; base64: string }) =>
      (await failure(env.api['dossiers.import.preview']({ file: f }))) as { fields?: { code: string }[] };
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await bad(file('oud.xls', ole))).fields?.[0]?.code).toBe('file_xls');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    expect((await bad(file('kapot.xlsx', zip))).fields?.[0]?.code).toBe('file_unreadable');
    expect((await bad(csv('\r\n\r\n'))).fields?.[0]?.code).toBe('file_empty');
    expect((await bad({ name: 'x.csv', base64: 'not base64!' })).fields?.[0]?.code).toBe('not_base64');
    expect((await bad({ name: 'x.csv', base64: 'A'.repeat(14_000_000) })).fields?.[0]?.code).toBe(
      'file_too_large',
    );
  });

  it('refuses a zip that unpacks to far more than a register before unpacking it', async () => {
    // 70 MB of zeros packs to well under 1 MB: the central directory tells, before ExcelJS unzips.
    const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(70 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await failure(env.api['dossiers.import.preview']({ file: file('bom.xlsx', bomb) }))).toMatchObject(
      {
        code: 'BAD_INPUT',
        fields: [{ path: 'file', code: 'file_unpacked_too_large' }],
      },
    );
  });

  it('reads Windows-1252 CSV as Excel saves it, and commas as separator', async () => {
    const text = Buffer.from(
      'Naam,V-nummer,Datum aanmelding\r\nRené Müller,4099999902,2026-11-02\r\n',
      'latin1',
    );
    const r = await env.api['dossiers.import.preview']({ file: file('r.csv', text) });
    expect(r.rows[0]).toMatchObject({ status: 'ok', cells: { name: 'René Müller', vNumber: '4099999902' } });
  });

  it('is for the chair, the secretary and casemanagers only', async () => {
    const f = csv('Naam;Datum aanmelding\r\nA;1-1-2026\r\n');
    await env.login('ind');
    expect(await failure(env.api['dossiers.import.preview']({ file: f }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await env.login('casemanager');
    expect((await env.api['dossiers.import.preview']({ file: f })).counts.ok).toBe(1);
    await env.login('notulist');
  });
});
